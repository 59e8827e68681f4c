import type { LibraryComponent, LibraryItem } from '../../../shared/schemas/library.ts';
import type { PropertyPart as Building } from '../../../shared/schemas/property-part.ts';
import { translateValidationMessage } from '../../../shared/i18n/validation-messages.ts';
import { CheckboxField } from '../../components/ui/checkbox-field.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { checklistKey, type Checklist, type ChecklistErrors, type ChecklistField } from './checklist.ts';

/** A ticked part's fields, in the order typed: the year it was last done, then how much of it there is. */
const fields = [
  { field: 'lastDoneYear', label: 'generate.last_done_year', inputMode: 'numeric' },
  { field: 'quantity', label: 'generate.quantity', inputMode: 'decimal' },
] as const;

export interface ChecklistComponentProps {
  component: LibraryComponent;
  /** The property's buildings; none: one "Ingen byggnad" column. */
  buildings: readonly Building[];
  itemsById: ReadonlyMap<string, LibraryItem>;
  checklist: Checklist;
  errors: ChecklistErrors;
  onTick: (componentId: string, buildingId: string | null, isTicked: boolean) => void;
  onChange: (key: string, field: ChecklistField, text: string) => void;
}

/**
 * One building part: its actions, and per building a tick with, once ticked, the year it was last
 * done and its quantity. The fieldset's legend names the part, so each tick reads "Hus A" in it.
 */
export function ChecklistComponent({ component, buildings, itemsById, checklist, errors, onTick, onChange }: ChecklistComponentProps) {
  const { t, language } = useTranslation();
  const columns: readonly { id: string | null; name: string }[] = buildings.length > 0 ? buildings : [{ id: null, name: t('generate.no_building') }];
  const items = component.itemIds.flatMap((itemId) => {
    const item = itemsById.get(itemId);
    return item ? [t('generate.item', { name: item.name[language], years: item.lifetimeYears })] : [];
  });
  return (
    <fieldset className="checklist-component">
      <legend className="checklist-component__name">{component.name[language]}</legend>
      {items.length > 0 && <p className="checklist-component__items">{t('generate.items', { items: items.join(', ') })}</p>}
      <div className="checklist-component__buildings">
        {columns.map((building) => {
          const key = checklistKey(component.id, building.id);
          const entry = checklist.get(key);
          const fieldErrors = errors.get(key);
          const errorOf = (field: ChecklistField) => {
            const code = fieldErrors?.[field];
            return code === undefined ? undefined : translateValidationMessage(code, language);
          };
          return (
            <div key={key} role="group" aria-label={building.name} className="checklist-component__building" data-ticked={entry ? 'true' : undefined}>
              <CheckboxField
                label={building.name}
                checked={entry !== undefined}
                onChange={(event) => onTick(component.id, building.id, event.target.checked)}
              />
              {entry && (
                <div className="checklist-component__fields">
                  {fields.map(({ field, label, inputMode }) => (
                    <TextField
                      key={field}
                      label={t(label)}
                      value={entry[field]}
                      onChange={(event) => onChange(key, field, event.target.value)}
                      inputMode={inputMode}
                      autoComplete="off"
                      error={errorOf(field)}
                    />
                  ))}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
