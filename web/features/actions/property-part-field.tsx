import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { nameSchema } from '../../../shared/schemas/common.ts';
import { translateValidationMessage } from '../../../shared/i18n/validation-messages.ts';
import { Button } from '../../components/ui/button.tsx';
import { SelectField } from '../../components/ui/select-field.tsx';
import { describeActionError, describeApiError } from '../../lib/api/describe-api-error.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useCreatePropertyPart, usePropertyParts, type PropertyPartKind } from '../property-parts/property-parts-api.ts';

interface PropertyPartFieldProps {
  kind: PropertyPartKind;
  propertyId: string;
  /** The form field's name: `buildingId` or `locationId`. */
  name: string;
  defaultValue: string;
  error?: string | undefined;
}

const labels = {
  buildings: { label: 'actions.field.building', add: 'actions.parts.add_building', newName: 'actions.parts.new_building_name' },
  locations: { label: 'actions.field.location', add: 'actions.parts.add_location', newName: 'actions.parts.new_location_name' },
} as const;

/**
 * The building or location of an action, among the property's own, or none. A missing one can be
 * added right here, so entering a plan on site does not mean leaving the form.
 */
export function PropertyPartField({ kind, propertyId, name, defaultValue, error }: PropertyPartFieldProps) {
  const { t, language } = useTranslation();
  const parts = usePropertyParts(kind, propertyId);
  const createPart = useCreatePropertyPart(kind, propertyId);
  const [value, setValue] = useState(defaultValue);
  const [isAdding, setIsAdding] = useState(false);
  const [newName, setNewName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const newNameInput = useRef<HTMLInputElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const id = useId();
  const text = labels[kind];

  const options = [{ value: '', label: t('actions.parts.none') }, ...(parts.data ?? []).map((part) => ({ value: part.id, label: part.name }))];
  // Until the list is there (or if it cannot be loaded) the chosen part stays chosen, so saving
  // meanwhile does not quietly clear it.
  if (value !== '' && !options.some((option) => option.value === value)) {
    options.push({ value, label: parts.isPending ? t('loading') : t('actions.parts.unknown') });
  }
  const loadError = parts.isError ? describeApiError(parts.error, t) : undefined;

  function openAdding() {
    setIsAdding(true);
    setNameError(null);
    // The input exists after this render.
    setTimeout(() => newNameInput.current?.focus());
  }

  function closeAdding() {
    setIsAdding(false);
    setNewName('');
    setNameError(null);
    setTimeout(() => addButton.current?.focus());
  }

  function add() {
    const parsed = nameSchema.safeParse(newName);
    if (!parsed.success) {
      setNameError(translateValidationMessage(parsed.error.issues[0]?.message ?? 'field.invalid', language));
      newNameInput.current?.focus();
      return;
    }
    createPart.mutate(
      { name: parsed.data },
      {
        onSuccess: (part) => {
          setValue(part.id);
          setIsAdding(false);
          setNewName('');
          setNameError(null);
          setTimeout(() => addButton.current?.focus());
        },
        onError: (failure) => setNameError(describeActionError(failure, t, language)),
      },
    );
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      // The name belongs to the new part, not to the action form around it.
      event.preventDefault();
      add();
    }
    if (event.key === 'Escape') closeAdding();
  }

  return (
    <div className="part-field">
      <SelectField
        label={t(text.label)}
        name={name}
        options={options}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        error={error ?? loadError}
      />
      {isAdding ? (
        <div className="part-field__add">
          <label className="field__label" htmlFor={id}>
            {t(text.newName)}
          </label>
          <div className="part-field__row">
            <input
              ref={newNameInput}
              id={id}
              className="field__input"
              value={newName}
              onChange={(event) => setNewName(event.target.value)}
              onKeyDown={handleKeyDown}
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? `${id}-error` : undefined}
            />
            <Button onClick={add} isPending={createPart.isPending}>
              {t('actions.parts.add')}
            </Button>
            <Button variant="quiet" onClick={closeAdding}>
              {t('action.cancel')}
            </Button>
          </div>
          {nameError && (
            <p className="field__error" id={`${id}-error`}>
              {nameError}
            </p>
          )}
        </div>
      ) : (
        // A plain button: focus comes back here after adding, and Button does not pass a ref on.
        <button ref={addButton} type="button" className="button button--quiet part-field__open" onClick={openAdding}>
          {t(text.add)}
        </button>
      )}
    </div>
  );
}
