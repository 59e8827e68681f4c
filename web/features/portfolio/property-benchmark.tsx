import type { Plan } from '../../../shared/schemas/plan.ts';
import { Spinner } from '../../components/ui/spinner.tsx';
import { QueryLoadError } from '../../lib/api/query-load-error.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useAmountFormat } from '../analysis/use-amount-format.ts';
import { useAnalysis, usePlans } from '../plan-core/plans-api.ts';
import { benchmarkLevel } from './benchmark-level.ts';
import { useMaintenanceDebtBenchmark } from './portfolio-api.ts';

/** The plan the benchmark counts for a property: its most recently updated (docs/product/api.md § Benchmarks). */
function latestPlan(plans: readonly Plan[]): Plan | undefined {
  return [...plans].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id))[0];
}

/** The property's maintenance debt per m² against the installation's quartiles; nothing without a plan. */
export function PropertyBenchmark({ propertyId }: { propertyId: string }) {
  const plans = usePlans(propertyId);
  const plan = plans.data && latestPlan(plans.data);
  if (!plan) return null;
  return <PlanBenchmark plan={plan} />;
}

const levelKeys = { low: 'portfolio.benchmark.low', middle: 'portfolio.benchmark.middle', high: 'portfolio.benchmark.high' } as const;

/**
 * A traffic light: green below the 25th percentile, red above the 75th, yellow between. The
 * lamp's colour is repeated in words with the figures, so nothing rests on colour. Excluding VAT
 * whatever the VAT switch says, as the benchmark is.
 */
function PlanBenchmark({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const format = useAmountFormat();
  const analysis = useAnalysis(plan.id, { vat: 'excl', includeInvestments: true });
  const benchmark = useMaintenanceDebtBenchmark();

  const body = () => {
    if (analysis.isPending || benchmark.isPending) return <Spinner label={t('loading')} />;
    if (analysis.isError) return <QueryLoadError query={analysis} />;
    if (benchmark.isError) return <QueryLoadError query={benchmark} />;
    const debtPerM2 = analysis.data.maintenanceDebtPerM2;
    if (debtPerM2 === null) return <p>{t('portfolio.benchmark.no_area')}</p>;
    if ('insufficient' in benchmark.data) return <p>{t('portfolio.benchmark.insufficient', { count: benchmark.data.count })}</p>;
    const { count, p25, median, p75 } = benchmark.data;
    const level = benchmarkLevel(debtPerM2, { p25, p75 });
    return (
      <>
        <div className={`traffic-light traffic-light--${level}`}>
          <span className="traffic-light__lamps" aria-hidden="true">
            <span className="traffic-light__lamp traffic-light__lamp--high" />
            <span className="traffic-light__lamp traffic-light__lamp--middle" />
            <span className="traffic-light__lamp traffic-light__lamp--low" />
          </span>
          <p className="traffic-light__figure">
            <strong className="traffic-light__status">{t(`portfolio.benchmark.status.${level}`)}</strong>{' '}
            {t('portfolio.benchmark.figure', {
              value: format.amount(debtPerM2),
              level: t(levelKeys[level], { p25: format.amount(p25), p75: format.amount(p75) }),
              count,
            })}
          </p>
        </div>
        <p className="portfolio__note">{t('portfolio.benchmark.basis', { plan: plan.name, median: format.amount(median) })}</p>
      </>
    );
  };

  return (
    <section className="section" aria-labelledby="benchmark-title">
      <h2 id="benchmark-title">{t('portfolio.benchmark.title')}</h2>
      {body()}
    </section>
  );
}
