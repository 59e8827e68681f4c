/** Placeholder of the route table; the portfolio screens replaces it with the real screen. */
export function PropertyPage() {
  return <h1>PropertyPage</h1>;
}
