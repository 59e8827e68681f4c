/** Placeholder of the route table; the spreadsheet import replaces it with the real screen. */
export function PlanImportPage() {
  return <h1>PlanImportPage</h1>;
}
