/** Placeholder of the route table; the analysis screens replaces it with the real screen. */
export function EconomicAnalysisPage() {
  return <h1>EconomicAnalysisPage</h1>;
}
