import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { LibraryItem } from '../../../shared/schemas/library.ts';
import { classNames } from '../../components/ui/class-names.ts';
import { formatAmount, formatNumber } from '../../lib/i18n/format-amount.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { categoryName } from './action-labels.ts';
import { isComboboxMoveKey, nextActiveIndex } from './combobox-navigation.ts';
import { unitLabel } from './library-item-fields.ts';
import { isSearchable, useLibrarySearch } from './library-items-api.ts';

/** Long enough to skip the keystrokes of a word being typed, short enough to feel immediate. */
const searchDelayMs = 250;
/** More than this is a list to read, not a suggestion: typing on narrows it. */
const maximumSuggestions = 8;

interface LibraryNameFieldProps {
  accountId: string;
  label: string;
  hint: string;
  defaultValue: string;
  error: string | undefined;
  onPick: (item: LibraryItem) => void;
}

/**
 * The action's name, suggesting library items as it is typed: an editable combobox with a list
 * popup (WAI-ARIA 1.2 combobox pattern). Down and Up highlight a suggestion (opening the list
 * again after Escape), Enter picks it, Escape closes the list; a tap or click picks too. Focus
 * stays in the text field throughout.
 */
export function LibraryNameField({ accountId, label, hint, defaultValue, error, onPick }: LibraryNameFieldProps) {
  const { t, language } = useTranslation();
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState(defaultValue);
  const [search, setSearch] = useState('');
  const [isOpen, setIsOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  const results = useLibrarySearch(accountId, search);

  useEffect(() => {
    const timer = setTimeout(() => setSearch(text), searchDelayMs);
    return () => clearTimeout(timer);
  }, [text]);

  const isSearching = isOpen && isSearchable(text);
  const matches = isSearchable(text) ? (results.data ?? []).slice(0, maximumSuggestions) : [];
  const suggestions = isOpen ? matches : [];
  const isExpanded = suggestions.length > 0;
  const isAnswered = isSearching && search === text && !results.isFetching;

  function close() {
    setIsOpen(false);
    setActiveIndex(-1);
  }

  function pick(item: LibraryItem) {
    setText(item.name[language]);
    close();
    onPick(item);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (isComboboxMoveKey(event.key)) {
      if (matches.length === 0) return;
      event.preventDefault();
      // A closed list opens on the first (Down) or last (Up) suggestion.
      setActiveIndex(nextActiveIndex(event.key, isExpanded ? activeIndex : -1, matches.length));
      setIsOpen(true);
      return;
    }
    const active = suggestions[activeIndex];
    if (event.key === 'Enter' && isExpanded && active !== undefined) {
      // Picks the suggestion instead of submitting the form.
      event.preventDefault();
      pick(active);
      return;
    }
    if (event.key === 'Escape' && isExpanded) {
      // Closes the list only: a dialog around the form stays open.
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  }

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const statusText = !isSearching ? '' : isExpanded ? countText(suggestions.length, t) : isAnswered ? t('actions.library.no_match') : '';

  return (
    <div className="field library-name-field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <p className="field__hint" id={hintId}>
        {hint}
      </p>
      <input
        id={id}
        name="name"
        className="field__input"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={isExpanded}
        aria-controls={listId}
        aria-activedescendant={isExpanded && activeIndex >= 0 ? `${listId}-${activeIndex}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={classNames(hintId, error && errorId)}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setIsOpen(true);
          setActiveIndex(-1);
        }}
        onKeyDown={handleKeyDown}
        onBlur={close}
      />
      <ul id={listId} role="listbox" aria-label={t('actions.library.suggestions_label')} className="library-name-field__list" hidden={!isExpanded}>
        {suggestions.map((item, index) => (
          <li
            key={item.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === activeIndex}
            className={classNames('library-name-field__option', index === activeIndex && 'library-name-field__option--active')}
            // Keeps focus (and the caret) in the text field when a mouse or a finger picks.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => pick(item)}
          >
            <span className="library-name-field__name">{item.name[language]}</span>
            <span className="library-name-field__facts">
              {[
                categoryName(item.category, language),
                unitLabel(item.unit),
                t('actions.library.lifetime', { years: formatNumber(item.lifetimeYears, language) }),
                t('actions.library.indicative_price', {
                  amount: formatAmount(item.unitPrice, language),
                  unit: unitLabel(item.unit),
                  year: item.priceYear,
                }),
              ].join(' · ')}
            </span>
          </li>
        ))}
      </ul>
      <p className="visually-hidden" role="status">
        {statusText}
      </p>
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

function countText(count: number, t: ReturnType<typeof useTranslation>['t']): string {
  return count === 1 ? t('actions.library.count.one') : t('actions.library.count.other', { count });
}
