import { NavLink } from 'react-router';
import type { MessageKey } from '../../lib/i18n/translate.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { planPath } from '../plan-core/plan-route-params.ts';

const tabs: { path: string; label: MessageKey }[] = [
  { path: '', label: 'plan_views.tab.by_year' },
  { path: 'categories', label: 'plan_views.tab.by_category' },
  { path: 'analysis', label: 'plan_views.tab.analysis' },
  { path: 'fund', label: 'plan_views.tab.fund' },
  { path: 'versions', label: 'versions.tab' },
  { path: 'share', label: 'share_links.tab' },
  { path: 'history', label: 'history.plan_title' },
  { path: 'settings', label: 'plan_views.tab.settings' },
];

/**
 * The plan's views as links rather than an ARIA tab widget: each is its own address (shareable,
 * back button), and NavLink marks the current one with aria-current="page". The search string is
 * kept between the two action views, so their shared filters stay on when switching.
 */
export function PlanTabs({ accountId, planId, search }: { accountId: string; planId: string; search: string }) {
  const { t } = useTranslation();
  const base = planPath(accountId, planId);
  return (
    <nav className="plan-tabs" aria-label={t('plan_views.tabs_label')}>
      <ul className="plan-tabs__list">
        {tabs.map((tab) => {
          const keepsFilters = tab.path === '' || tab.path === 'categories';
          return (
            <li key={tab.path}>
              <NavLink className="plan-tabs__link" to={{ pathname: tab.path === '' ? base : `${base}/${tab.path}`, search: keepsFilters ? search : '' }} end>
                {t(tab.label)}
              </NavLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
