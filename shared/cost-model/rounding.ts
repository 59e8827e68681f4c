/**
 * SEK rounded to whole öre, as the API writes amounts (docs/product/cost-model.md § Rounding): the
 * cost model computes unrounded.
 */
export function roundToOre(amountSek: number): number {
  // toFixed rounds the double's exact value, so 112200.00499… never becomes 112200.01.
  return Number(amountSek.toFixed(2));
}

/**
 * docs/product/cost-model.md § Display rounding (UI and reports only, switchable; the API
 * never rounds this way): amounts of at least 1 000 kr to the nearest 1 000, 100–999 to the
 * nearest 100, 10–99 to the nearest 10, below that to the nearest krona. The band is chosen by the
 * unrounded amount (999.6 is in the 100 band and shows as 1 000). Negative amounts round like
 * their absolute value, so a deficit and a surplus of the same size show the same digits; halves
 * round away from zero.
 */
export function roundForDisplay(amountSek: number): number {
  if (!Number.isFinite(amountSek)) return amountSek;
  const magnitude = Math.abs(amountSek);
  const step = magnitude >= 1000 ? 1000 : magnitude >= 100 ? 100 : magnitude >= 10 ? 10 : 1;
  const rounded = Math.round(magnitude / step) * step;
  // `+ 0` turns −0 into 0, so a tiny deficit does not show as "−0 kr".
  return amountSek < 0 ? -rounded + 0 : rounded;
}

/**
 * The one value a screen, the report or the spreadsheet shows for an unrounded amount: rounded to
 * öre as the API answers it, then display-rounded when `isRounded`. Rounding once, from the exact
 * amount, is what keeps two places that show the same sum from disagreeing
 * (docs/product/cost-model.md § Sums); rounding to öre first keeps a figure read from the API and
 * the same figure computed in the browser on the same side of every display step.
 */
export function displayedAmount(amountSek: number, isRounded: boolean): number {
  const inOre = roundToOre(amountSek);
  return isRounded ? roundForDisplay(inOre) : inOre + 0;
}
