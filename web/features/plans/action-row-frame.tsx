import type { ReactNode } from 'react';
import type { Action } from '../../../shared/schemas/action.ts';
import { EditCell, SelectCell } from './action-row.tsx';
import { InlineEditForm } from './inline-edit-form.tsx';

export interface ActionRowFrameProps {
  /** The row's key for editing and focus: an action appears once per year in the per-year view. */
  rowKey: string;
  planId: string;
  action: Action;
  canEdit: boolean;
  columnCount: number;
  isSelected: boolean;
  onToggleSelected: (actionId: string, isSelected: boolean) => void;
  isEditing: boolean;
  onEdit: (rowKey: string) => void;
  onEditDone: (rowKey: string, action: Action, isSaved: boolean) => void;
  /** The view's own cells, between the selection box and the edit button. */
  children: ReactNode;
}

/** An action's row in either view: selection, the edit button, and the inline edit form under the row. */
export function ActionRowFrame({
  rowKey,
  planId,
  action,
  canEdit,
  columnCount,
  isSelected,
  onToggleSelected,
  isEditing,
  onEdit,
  onEditDone,
  children,
}: ActionRowFrameProps) {
  return (
    <>
      <tr data-action-id={action.id} className={isSelected ? 'action-table__row is-selected' : 'action-table__row'}>
        {canEdit && <SelectCell action={action} isSelected={isSelected} onToggle={onToggleSelected} />}
        {children}
        {canEdit && <EditCell action={action} rowKey={rowKey} isEditing={isEditing} onEdit={onEdit} />}
      </tr>
      {isEditing && (
        <tr className="action-table__edit-row">
          <td colSpan={columnCount}>
            <InlineEditForm planId={planId} action={action} onClose={(isSaved) => onEditDone(rowKey, action, isSaved)} />
          </td>
        </tr>
      )}
    </>
  );
}
