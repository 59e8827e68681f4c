/** Who is making a request: passed to every service as its second argument. */
export interface Actor {
  userId: string;
  sessionId: string;
  ip: string;
}
