import type { ReactNode } from 'react';
import type { Action } from '../../../shared/schemas/action.ts';
import type { Plan } from '../../../shared/schemas/plan.ts';
import { useDisplayPreferences } from '../../lib/display-preferences.ts';
import { formatAmount, formatNumber } from '../../lib/i18n/format-amount.ts';
import { formatDateTime } from '../../lib/i18n/format-time.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useBuildings, useLocations } from '../property-parts/property-parts-api.ts';
import { costPreviewOf } from './cost-preview.ts';
import { categoryName, intervalText, statusName } from './action-labels.ts';
import { useLibraryItem } from './library-items-api.ts';

/** Every field of the action in words: names instead of codes and ids, amounts in the VAT choice. */
export function ActionDetails({ action, plan }: { action: Action; plan: Plan }) {
  const { t, language } = useTranslation();
  const { vat, isRounded } = useDisplayPreferences();
  const buildings = useBuildings(action.propertyId);
  const locations = useLocations(action.propertyId);
  const cost = costPreviewOf(action, plan, vat);
  const amount = (value: number) => formatAmount(value, language, isRounded);
  const partName = (id: string | null, parts: typeof buildings) => {
    if (id === null) return t('actions.parts.none');
    return parts.data?.find((part) => part.id === id)?.name ?? t('loading');
  };
  const defaultBaseYear = plan.indexation.defaultBaseYear;
  const libraryItem = useLibraryItem(action.accountId, action.libraryItemId);

  return (
    <dl className="action-details">
      <Detail term={t('actions.field.category')}>{categoryName(action.category, language)}</Detail>
      <Detail term={t('actions.field.status')}>
        <span className={`status-badge status-badge--${action.status}`}>{statusName(action.status, language)}</span>
      </Detail>
      <Detail term={t('actions.field.building')}>{partName(action.buildingId, buildings)}</Detail>
      <Detail term={t('actions.field.location')}>{partName(action.locationId, locations)}</Detail>
      <Detail term={t('actions.field.quantity')}>
        {formatNumber(action.quantity, language)} {action.unit}
      </Detail>
      <Detail term={t('actions.field.unit_price')}>{t('actions.details.unit_price', { amount: formatAmount(action.unitPrice, language) })}</Detail>
      <Detail term={vat === 'incl' ? t('actions.details.cost_incl_vat') : t('actions.details.cost_excl_vat')}>
        {amount(cost.atPriceLevel)}
        <span className="action-details__note">
          {cost.priceLevelYear === null
            ? t('actions.details.cost_not_indexed', { clientCost: plan.clientCostPercent })
            : t('actions.details.cost_indexed', { clientCost: plan.clientCostPercent, priceLevelYear: cost.priceLevelYear })}
        </span>
      </Detail>
      <Detail term={t('actions.field.year')}>{action.year}</Detail>
      <Detail term={t('actions.details.interval')}>{intervalText(action.intervalYears, t)}</Detail>
      <Detail term={t('actions.field.base_year')}>
        {action.baseYear !== null
          ? action.baseYear
          : defaultBaseYear !== null
            ? t('actions.details.base_year_plan', { year: defaultBaseYear })
            : t('actions.details.base_year_none')}
      </Detail>
      <Detail term={t('actions.library.detail')}>
        {action.libraryItemId === null ? t('actions.library.not_linked') : (libraryItem?.name[language] ?? t('actions.library.linked_unknown'))}
      </Detail>
      <Detail term={t('actions.details.investment')}>{action.isInvestment ? t('actions.details.investment_yes') : t('actions.details.investment_no')}</Detail>
      <Detail term={t('actions.field.tags')}>
        {action.tags.length === 0 ? (
          t('actions.details.no_tags')
        ) : (
          <ul className="tag-list">
            {action.tags.map((tag) => (
              <li className="tag" key={tag}>
                {tag}
              </li>
            ))}
          </ul>
        )}
      </Detail>
      <Detail term={t('actions.field.note')} isWide>
        {action.note === '' ? t('actions.details.no_note') : <span className="action-details__text">{action.note}</span>}
      </Detail>
      <Detail term={t('actions.details.updated')}>{formatDateTime(action.updatedAt, language)}</Detail>
    </dl>
  );
}

function Detail({ term, isWide = false, children }: { term: string; isWide?: boolean; children: ReactNode }) {
  return (
    <div className={isWide ? 'action-details__item action-details__item--wide' : 'action-details__item'}>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
