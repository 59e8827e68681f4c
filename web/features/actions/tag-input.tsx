import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { tagSchema } from '../../../shared/schemas/action.ts';
import { translateValidationMessage } from '../../../shared/i18n/validation-messages.ts';
import { Button } from '../../components/ui/button.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';

interface TagInputProps {
  /** The hidden field that carries the tags as a JSON array. */
  name: string;
  tags: readonly string[];
  onChange: (tags: string[]) => void;
  /** A message from the form's validation or the server. */
  error?: string | undefined;
}

/**
 * Tags as removable chips: Enter or the add button adds what is typed (checked with the API's tag
 * rule), each chip has a real remove button, and focus returns to the text field afterwards.
 */
export function TagInput({ name, tags, onChange, error }: TagInputProps) {
  const { t, language } = useTranslation();
  const [text, setText] = useState('');
  const [ownError, setOwnError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const message = ownError ?? error;

  function addTyped() {
    if (text.trim() === '') return;
    const result = tagSchema.safeParse(text);
    if (!result.success) {
      setOwnError(translateValidationMessage(result.error.issues[0]?.message ?? 'field.invalid', language));
      return;
    }
    if (!tags.includes(result.data)) onChange([...tags, result.data]);
    setText('');
    setOwnError(null);
    input.current?.focus();
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // Enter adds the tag instead of submitting the whole form.
    if (event.key === 'Enter') {
      event.preventDefault();
      addTyped();
    }
  }

  return (
    <div className="field tag-input">
      <label className="field__label" htmlFor={id}>
        {t('actions.field.tags')}
      </label>
      <p className="field__hint" id={`${id}-hint`}>
        {t('actions.field.tags_hint')}
      </p>
      {tags.length > 0 && (
        <ul className="tag-list" aria-label={t('actions.field.tags')}>
          {tags.map((tag) => (
            <li className="tag" key={tag}>
              <span>{tag}</span>
              <button
                type="button"
                className="tag__remove"
                aria-label={t('actions.tags.remove', { tag })}
                onClick={() => {
                  onChange(tags.filter((other) => other !== tag));
                  input.current?.focus();
                }}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="tag-input__row">
        <input
          ref={input}
          id={id}
          className="field__input"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={handleKeyDown}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${id}-hint ${id}-error` : `${id}-hint`}
        />
        <Button onClick={addTyped}>{t('actions.tags.add')}</Button>
      </div>
      {message && (
        <p className="field__error" id={`${id}-error`}>
          {message}
        </p>
      )}
      <input type="hidden" name={name} value={JSON.stringify(tags)} />
    </div>
  );
}
