/** Placeholder of the route table; the plan views replaces it with the real screen. */
export function PlanByYearPage() {
  return <h1>PlanByYearPage</h1>;
}
