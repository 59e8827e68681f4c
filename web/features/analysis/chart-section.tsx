import { useId, type ReactNode } from 'react';
import { ChartLegend, type LegendItem } from '../../components/charts/chart-legend.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { Explanation } from './explanation.tsx';

interface ChartSectionProps {
  title: string;
  /** How the figures are calculated, behind "how it is calculated". */
  explanation: string;
  legendItems: readonly LegendItem[];
  hiddenKeys: ReadonlySet<string>;
  onToggle: (key: string) => void;
  /** The chart and its table. */
  children: ReactNode;
}

/** A chart over the years: its heading, how it is calculated, and the legend that switches series on and off. */
export function ChartSection({ title, explanation, legendItems, hiddenKeys, onToggle, children }: ChartSectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="analysis-section analysis-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <Explanation subject={title}>
        <p>{explanation}</p>
      </Explanation>
      <p className="analysis-card__hint">{t('analysis.legend_hint')}</p>
      <ChartLegend label={t('analysis.legend_label', { chart: title })} items={legendItems} hiddenKeys={hiddenKeys} onToggle={onToggle} />
      {children}
    </section>
  );
}

/** A chart's figures as a table, folded away under "show as table"; the children are its head, body and foot. */
export function ChartDataTable({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  const captionId = useId();
  return (
    <details className="analysis-table">
      <summary>
        {t('analysis.show_table')}
        <span className="visually-hidden">: {title}</span>
      </summary>
      {/* Focusable, so the table scrolls sideways from the keyboard too when it is wider than the page. */}
      <div className="table-scroll analysis-table__scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
        <table className="table">
          <caption id={captionId} className="visually-hidden">
            {title}
          </caption>
          {children}
        </table>
      </div>
    </details>
  );
}
