/** Placeholder of the route table; the action screens replaces it with the real screen. */
export function ActionPage() {
  return <h1>ActionPage</h1>;
}
