import { useId, useState, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { Breadcrumb } from '../../components/ui/breadcrumb.tsx';
import { Button } from '../../components/ui/button.tsx';
import type { Plan } from '../../../shared/schemas/plan.ts';
import type { Property } from '../../../shared/schemas/property.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { DisplaySwitches } from '../plan-core/display-switches.tsx';
import { planPath } from '../plan-core/plan-route-params.ts';
import { PlanTabs } from './plan-tabs.tsx';

interface PlanHeaderProps {
  accountId: string;
  plan: Plan;
  /** Undefined while loading or when it could not be loaded: the breadcrumb then says "the property". */
  property: Property | undefined;
  canEdit: boolean;
  /** The downloads of the plan (spreadsheets, report), which other features provide: web/routes/plan-layout.tsx composes them. */
  exports: ReactNode;
}

/** The plan page's frame above every tab: where you are, which years, the tabs and display choices. */
export function PlanHeader({ accountId, plan, property, canEdit, exports }: PlanHeaderProps) {
  const { t } = useTranslation();
  const { search } = useLocation();
  const [isExportsOpen, setIsExportsOpen] = useState(false);
  const exportsId = useId();
  const endYear = plan.startYear + plan.lengthYears - 1;
  return (
    <header className="plan-header">
      <Breadcrumb
        label={t('breadcrumb.label')}
        crumbs={[
          { label: t('nav.start'), to: `/accounts/${encodeURIComponent(accountId)}` },
          {
            label: property?.name ?? t('plan_views.breadcrumb_property'),
            to: `/accounts/${encodeURIComponent(accountId)}/properties/${encodeURIComponent(plan.propertyId)}`,
          },
        ]}
        current={plan.name}
      />
      <div className="plan-header__title">
        <div>
          <h1 className="plan-header__name">{plan.name}</h1>
          <p className="plan-header__window">{t('plan_views.window', { start: plan.startYear, end: endYear })}</p>
        </div>
        {canEdit && (
          <div className="plan-header__create">
            <Link className="button button--secondary" to={`${planPath(accountId, plan.id)}/generate`}>
              {t('generate.open')}
            </Link>
            <Link className="button button--primary" to={`${planPath(accountId, plan.id)}/actions/new`}>
              {t('plan_views.new_action')}
            </Link>
          </div>
        )}
      </div>
      {/* Folded away behind a button that looks like one: downloads are occasional, the tabs are what the page is for. */}
      <div className="plan-header__exports">
        <Button className="disclosure-toggle" aria-expanded={isExportsOpen} aria-controls={exportsId} onClick={() => setIsExportsOpen((isOpen) => !isOpen)}>
          {t('plan_views.exports')}
        </Button>
        <div id={exportsId} hidden={!isExportsOpen}>
          {exports}
        </div>
      </div>
      <div className="plan-header__bar">
        <PlanTabs accountId={accountId} planId={plan.id} search={search} />
        <DisplaySwitches />
      </div>
    </header>
  );
}
