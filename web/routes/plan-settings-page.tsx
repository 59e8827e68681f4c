/** Placeholder of the route table; the portfolio screens replaces it with the real screen. */
export function PlanSettingsPage() {
  return <h1>PlanSettingsPage</h1>;
}
