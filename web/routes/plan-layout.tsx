/** Placeholder of the route table; the plan views replaces it with the real screen. */
export function PlanLayout() {
  return <h1>PlanLayout</h1>;
}
