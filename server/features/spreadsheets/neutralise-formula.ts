/**
 * Text that a spreadsheet program would read as a formula (OWASP "CSV injection"): `=`, `+`, `-`,
 * `@`, a tab or a carriage return first. `=HYPERLINK("http://evil", "Klicka")` in an action's name
 * must stay text when a board member opens the export.
 */
const formulaStart = /^[=+\-@\t\r]/;

/** The text with a `'` in front when it could start a formula (OWASP's advice); other text unchanged. */
export function neutraliseFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

/**
 * The inverse for import: our own export's `'=…` comes back as `=…`. Only a quote followed by a
 * formula start is removed, so "'Hus A'" keeps its quotes.
 */
export function restoreNeutralisedFormula(text: string): string {
  return text.startsWith("'") && formulaStart.test(text.slice(1)) ? text.slice(1) : text;
}
