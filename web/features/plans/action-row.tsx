import { Link } from 'react-router';
import { categoryNames } from '../../../shared/categories.ts';
import type { Action } from '../../../shared/schemas/action.ts';
import { statusNames, type StatusCode } from '../../../shared/statuses.ts';
import { Button } from '../../components/ui/button.tsx';
import { formatNumber } from '../../lib/i18n/format-amount.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { intervalText } from '../actions/action-labels.ts';
import { planPath } from '../plan-core/plan-route-params.ts';
import type { PartNames } from './plan-by-category.ts';

/** The cells both action views share, so a row reads the same in each. */

export function SelectCell({
  action,
  isSelected,
  onToggle,
}: {
  action: Action;
  isSelected: boolean;
  onToggle: (actionId: string, isSelected: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <td className="action-table__select">
      <input
        type="checkbox"
        className="checkbox"
        aria-label={t('plan_views.select_action', { name: action.name })}
        checked={isSelected}
        onChange={(event) => onToggle(action.id, event.target.checked)}
      />
    </td>
  );
}

interface NameCellProps {
  accountId: string;
  action: Action;
  names: PartNames;
  /** Category, building and location under the name; the per-category view shows them as headings instead. */
  hasPlace: boolean;
  isOverdue: boolean;
  hasInterval: boolean;
  /** Shown only on narrow screens, where the columns holding it are hidden. */
  narrowDetails?: string;
}

/** The action's name as a link to its page, with what the row needs to be read alone. */
export function NameCell({ accountId, action, names, hasPlace, isOverdue, hasInterval, narrowDetails }: NameCellProps) {
  const { t, language } = useTranslation();
  const building = action.buildingId === null ? null : names.buildings.get(action.buildingId);
  const location = action.locationId === null ? null : names.locations.get(action.locationId);
  const details = hasPlace ? [categoryNames[action.category][language], building, location].filter(Boolean) : [];
  return (
    <th scope="row" className="action-table__name">
      <Link to={`${planPath(accountId, action.planId)}/actions/${encodeURIComponent(action.id)}`}>{action.name}</Link>
      {details.length > 0 && <span className="action-table__details">{details.join(' · ')}</span>}
      {narrowDetails && <span className="action-table__narrow">{narrowDetails}</span>}
      <span className="action-table__markers">
        {isOverdue && (
          <span className="marker marker--overdue" title={t('plan_views.overdue_hint')}>
            {t('plan_views.overdue')}
          </span>
        )}
        {hasInterval && action.intervalYears !== null && <span className="marker marker--recurring">{intervalText(action.intervalYears, t)}</span>}
        {action.isInvestment && <span className="marker marker--investment">{t('plan_views.investment')}</span>}
        {action.libraryItemId !== null && <span className="marker marker--library">{t('actions.library.marker')}</span>}
      </span>
    </th>
  );
}

export function QuantityCell({ action, className }: { action: Action; className?: string }) {
  const { language } = useTranslation();
  return (
    <td className={className ? `action-table__number ${className}` : 'action-table__number'}>
      {formatNumber(action.quantity, language)} {action.unit}
    </td>
  );
}

export function StatusCell({ status }: { status: StatusCode }) {
  const { language } = useTranslation();
  return (
    <td>
      <span className={`status status--${status}`}>{statusNames[status][language]}</span>
    </td>
  );
}

interface EditCellProps {
  action: Action;
  /** The row's key: in the per-year view one action has a row per year, and only the clicked one opens. */
  rowKey: string;
  isEditing: boolean;
  onEdit: (rowKey: string) => void;
}

export function EditCell({ action, rowKey, isEditing, onEdit }: EditCellProps) {
  const { t } = useTranslation();
  return (
    <td className="action-table__edit">
      <Button
        variant="quiet"
        data-edit-row={rowKey}
        aria-label={t('plan_views.edit_named', { name: action.name })}
        aria-expanded={isEditing}
        onClick={() => onEdit(rowKey)}
      >
        {t('plan_views.edit')}
      </Button>
    </td>
  );
}
