import { occurrenceCost, occurrencesOf } from '../../../shared/cost-model/index.ts';
import type { Action } from '../../../shared/schemas/action.ts';
import type { Plan } from '../../../shared/schemas/plan.ts';
import { useDisplayPreferences } from '../../lib/display-preferences.ts';
import { formatAmount } from '../../lib/i18n/format-amount.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { actionCostInputOf, planCostInputOf } from '../plan-core/plan-cost-inputs.ts';
import { statusName } from './action-labels.ts';

/**
 * The action's occurrences in the plan window, costed by the shared cost model (indexed, in the
 * VAT choice) as the plan's lists and the server cost them.
 */
export function ActionOccurrenceList({ action, plan }: { action: Action; plan: Plan }) {
  const { t, language } = useTranslation();
  const { vat, isRounded } = useDisplayPreferences();
  const endYear = plan.startYear + plan.lengthYears - 1;
  const planInput = planCostInputOf(plan);
  const actionInput = actionCostInputOf(action);
  const own = occurrencesOf(actionInput, planInput).map((occurrence) => ({
    ...occurrence,
    cost: occurrenceCost(actionInput, planInput, occurrence.year, { vat }),
  }));
  if (own.length === 0) {
    return (
      <p className="muted">
        {action.status === 'done' && action.intervalYears === null
          ? t('actions.occurrences.none_done')
          : t('actions.occurrences.none', { start: plan.startYear, end: endYear })}
      </p>
    );
  }
  return (
    <div className="table-scroll">
      <table className="table action-occurrences">
        <caption className="visually-hidden">{t('actions.occurrences.caption', { start: plan.startYear, end: endYear })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('actions.occurrences.year')}</th>
            <th scope="col">{t('actions.field.status')}</th>
            <th scope="col" className="table__number">
              {vat === 'incl' ? t('actions.occurrences.cost_incl_vat') : t('actions.occurrences.cost_excl_vat')}
            </th>
          </tr>
        </thead>
        <tbody>
          {own.map((occurrence) => (
            <tr key={occurrence.year}>
              <td>
                {occurrence.year}
                {occurrence.overdue && <span className="badge badge--warning">{t('actions.occurrences.overdue')}</span>}
              </td>
              <td>{statusName(occurrence.status, language)}</td>
              <td className="table__number">{formatAmount(occurrence.cost, language, isRounded)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
