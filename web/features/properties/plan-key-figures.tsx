import { Link } from 'react-router';
import type { Plan } from '../../../shared/schemas/plan.ts';
import { Button } from '../../components/ui/button.tsx';
import { Spinner } from '../../components/ui/spinner.tsx';
import { describeApiError } from '../../lib/api/describe-api-error.ts';
import { useDisplayPreferences } from '../../lib/display-preferences.ts';
import { formatAmount } from '../../lib/i18n/format-amount.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useAnalysis } from '../plan-core/plans-api.ts';

interface PlanKeyFiguresProps {
  accountId: string;
  plan: Plan;
}

/**
 * One plan's row of the portfolio: its period and the two figures a board or a property manager
 * compares across properties, from the same analysis the plan's own screens show.
 */
export function PlanKeyFigures({ accountId, plan }: PlanKeyFiguresProps) {
  const { t, language } = useTranslation();
  const { vat, isRounded } = useDisplayPreferences();
  const analysis = useAnalysis(plan.id, { vat, includeInvestments: true });
  const amount = (value: number) => formatAmount(value, language, isRounded);

  return (
    <tr>
      <th scope="row">
        <Link to={`/accounts/${accountId}/plans/${plan.id}`}>{plan.name}</Link>
        <span className="plan-figures__period">{t('plans.period', { startYear: plan.startYear, endYear: plan.startYear + plan.lengthYears - 1 })}</span>
      </th>
      {analysis.isPending && (
        <td colSpan={2}>
          <Spinner label={t('loading')} />
        </td>
      )}
      {analysis.isError && (
        <td colSpan={2}>
          <span className="plan-figures__error">{describeApiError(analysis.error, t)}</span>{' '}
          <Button variant="quiet" isPending={analysis.isFetching} onClick={() => void analysis.refetch()}>
            {t('action.retry')}
          </Button>
        </td>
      )}
      {analysis.isSuccess && (
        <>
          <td className="plan-figures__amount">{amount(analysis.data.averagePerYear)}</td>
          <td className="plan-figures__amount">
            {analysis.data.maintenanceDebtPerM2 === null ? (
              <>
                <span aria-hidden="true">–</span>
                <span className="plan-figures__note">{t('properties.figures.no_area')}</span>
              </>
            ) : (
              t('properties.figures.per_m2', { amount: amount(analysis.data.maintenanceDebtPerM2) })
            )}
          </td>
        </>
      )}
    </tr>
  );
}
