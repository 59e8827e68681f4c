export interface LegendItem {
  key: string;
  label: string;
  colour: string;
}

interface ChartLegendProps {
  /** Names the group for screen readers, e.g. "Visa eller dölj kategorier". */
  label: string;
  items: readonly LegendItem[];
  hiddenKeys: ReadonlySet<string>;
  onToggle: (key: string) => void;
}

/**
 * A legend whose entries switch their series on and off: real buttons with `aria-pressed` (pressed
 * = shown), so a keyboard, a touch screen and a screen reader all work the same. The entries keep
 * the order of the stack or ring they describe.
 */
export function ChartLegend({ label, items, hiddenKeys, onToggle }: ChartLegendProps) {
  return (
    <ul className="chart-legend" aria-label={label}>
      {items.map((item) => {
        const isShown = !hiddenKeys.has(item.key);
        return (
          <li key={item.key}>
            <button type="button" className="chart-legend__toggle" aria-pressed={isShown} onClick={() => onToggle(item.key)}>
              <svg className="chart-legend__swatch" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
                {/* A hidden series keeps only its outline: the state shows without relying on colour. */}
                <rect x="1" y="1" width="10" height="10" rx="2" fill={isShown ? item.colour : 'none'} stroke={item.colour} strokeWidth="2" />
              </svg>
              {item.label}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
