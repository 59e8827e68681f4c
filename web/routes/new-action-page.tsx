/** Placeholder of the route table; the action screens replaces it with the real screen. */
export function NewActionPage() {
  return <h1>NewActionPage</h1>;
}
