import { useCallback } from 'react';

/**
 * A ref that paints `colour` into the element's `--brand-colour`. The CSP allows no style
 * attribute (style-src 'self'), but it does not govern the CSSOM, so the property is set through
 * `style.setProperty` and the stylesheets draw with it. Null removes it: the default look.
 */
export function useBrandColour(colour: string | null) {
  return useCallback(
    (element: HTMLElement | null) => {
      if (!element) return;
      if (colour === null) element.style.removeProperty('--brand-colour');
      else element.style.setProperty('--brand-colour', colour);
    },
    [colour],
  );
}
