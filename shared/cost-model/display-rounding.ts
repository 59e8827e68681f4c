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
