/** Placeholder of the route table; the analysis screens replaces it with the real screen. */
export function FundAnalysisPage() {
  return <h1>FundAnalysisPage</h1>;
}
