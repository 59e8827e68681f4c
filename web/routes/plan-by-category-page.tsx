/** Placeholder of the route table; the plan views replaces it with the real screen. */
export function PlanByCategoryPage() {
  return <h1>PlanByCategoryPage</h1>;
}
