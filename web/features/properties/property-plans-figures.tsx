import { Link } from 'react-router';
import type { Property } from '../../../shared/schemas/property.ts';
import { Spinner } from '../../components/ui/spinner.tsx';
import { QueryLoadError } from '../../lib/api/query-load-error.tsx';
import { useDisplayPreferences } from '../../lib/display-preferences.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { usePlans } from '../plan-core/plans-api.ts';
import { PlanKeyFigures } from './plan-key-figures.tsx';

interface PropertyPlansFiguresProps {
  accountId: string;
  property: Property;
  canEdit: boolean;
}

/** The key figures of each of the property's plans, or the way to its first plan. */
export function PropertyPlansFigures({ accountId, property, canEdit }: PropertyPlansFiguresProps) {
  const { t } = useTranslation();
  const { vat } = useDisplayPreferences();
  const plans = usePlans(property.id);
  const propertyUrl = `/accounts/${accountId}/properties/${property.id}`;

  if (plans.isPending) return <Spinner label={t('loading')} />;
  if (plans.isError) {
    return <QueryLoadError query={plans} />;
  }
  if (plans.data.length === 0) {
    return (
      <div className="property-card__no-plan">
        <p>{t('properties.no_plan')}</p>
        {canEdit && (
          <Link className="button button--primary" to={`${propertyUrl}#plans`}>
            {t('properties.create_plan_link', { name: property.name })}
          </Link>
        )}
      </div>
    );
  }
  return (
    <div className="table-scroll">
      <table className="table plan-figures">
        <caption className="visually-hidden">{t('properties.figures.caption', { name: property.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('properties.figures.plan')}</th>
            <th scope="col" className="plan-figures__amount">
              {t(vat === 'incl' ? 'properties.figures.cost_per_year_incl' : 'properties.figures.cost_per_year_excl')}
            </th>
            <th scope="col" className="plan-figures__amount">
              {t('properties.figures.debt_per_m2')}
            </th>
          </tr>
        </thead>
        <tbody>
          {plans.data.map((plan) => (
            <PlanKeyFigures key={plan.id} accountId={accountId} plan={plan} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
