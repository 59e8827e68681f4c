import { useEffect, useId, useRef, useState } from 'react';
import { createPropertyPartRequestSchema as createBuildingRequestSchema } from '../../../shared/schemas/property-part.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { Spinner } from '../../components/ui/spinner.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { describeActionError, describeApiError } from '../../lib/api/describe-api-error.ts';
import { QueryLoadError } from '../../lib/api/query-load-error.tsx';
import { InlineRenameForm } from '../../lib/forms/inline-rename-form.tsx';
import { useValidatedForm } from '../../lib/forms/use-validated-form.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import type { MessageKey } from '../../lib/i18n/translate.ts';
import { useCreatePropertyPart, useDeletePropertyPart, usePropertyParts, useRenamePropertyPart, type PropertyPartKind } from './property-parts-api.ts';

/** Buildings and locations take the same one-field body, so one schema checks both forms. */
const partSchema = createBuildingRequestSchema;

interface PropertyPart {
  id: string;
  name: string;
}

/** The texts that differ between buildings and locations; everything else is shared. */
const texts = {
  buildings: {
    title: 'properties.buildings.title',
    intro: 'properties.buildings.intro',
    none: 'properties.buildings.none',
    name: 'properties.buildings.name',
    nameHint: 'properties.buildings.name_hint',
    add: 'properties.buildings.add',
    added: 'properties.buildings.added',
    renameNamed: 'properties.buildings.rename_named',
    deleteNamed: 'properties.buildings.delete_named',
    deleteTitle: 'properties.buildings.delete_title',
    deleteText: 'properties.buildings.delete_text',
    deleted: 'properties.buildings.deleted',
  },
  locations: {
    title: 'properties.locations.title',
    intro: 'properties.locations.intro',
    none: 'properties.locations.none',
    name: 'properties.locations.name',
    nameHint: 'properties.locations.name_hint',
    add: 'properties.locations.add',
    added: 'properties.locations.added',
    renameNamed: 'properties.locations.rename_named',
    deleteNamed: 'properties.locations.delete_named',
    deleteTitle: 'properties.locations.delete_title',
    deleteText: 'properties.locations.delete_text',
    deleted: 'properties.locations.deleted',
  },
} as const satisfies Record<PropertyPartKind, Record<string, MessageKey>>;

type Feedback = { tone: 'success'; text: string } | { tone: 'error'; text: string };

interface PropertyPartsProps {
  kind: PropertyPartKind;
  propertyId: string;
  canEdit: boolean;
}

/** A property's buildings or its locations: list, add, rename and delete. */
export function PropertyParts({ kind, propertyId, canEdit }: PropertyPartsProps) {
  const { t, language } = useTranslation();
  const text = texts[kind];
  const headingId = useId();
  const parts = usePropertyParts(kind, propertyId);
  const deletePart = useDeletePropertyPart(kind, propertyId);
  const [renamingId, setRenamingId] = useState<string | null>(null);
  const [partToDelete, setPartToDelete] = useState<PropertyPart | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const section = useRef<HTMLElement>(null);

  // Where focus goes once the list has re-rendered after a change (a CSS selector within the section).
  const [focusTarget, setFocusTarget] = useState<string | null>(null);

  useEffect(() => {
    if (focusTarget === null) return;
    section.current?.querySelector<HTMLElement>(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  let content;
  if (parts.isPending) content = <Spinner label={t('loading')} />;
  else if (parts.isError) {
    content = <QueryLoadError query={parts} />;
  } else if (parts.data.length === 0) content = <p className="property-parts__none">{t(text.none)}</p>;
  else {
    content = (
      <ul className="property-parts__list">
        {parts.data.map((part) => (
          <li key={part.id} className="property-parts__item" data-part-id={part.id}>
            {renamingId === part.id ? (
              <RenamePartForm
                kind={kind}
                propertyId={propertyId}
                part={part}
                label={t(text.name)}
                onDone={(newName) => {
                  setRenamingId(null);
                  if (newName) setFeedback({ tone: 'success', text: t('properties.parts.renamed', { name: newName }) });
                  // The row gets its rename button back: focus returns there.
                  setFocusTarget(`[data-part-id="${part.id}"] .property-parts__rename`);
                }}
              />
            ) : (
              <>
                <span className="property-parts__name">{part.name}</span>
                {canEdit && (
                  <span className="property-parts__tools">
                    <Button
                      variant="quiet"
                      className="property-parts__rename"
                      aria-label={t(text.renameNamed, { name: part.name })}
                      onClick={() => {
                        setFeedback(null);
                        setRenamingId(part.id);
                      }}
                    >
                      {t('properties.parts.rename')}
                    </Button>
                    <Button
                      variant="danger"
                      aria-label={t(text.deleteNamed, { name: part.name })}
                      onClick={() => {
                        setFeedback(null);
                        setPartToDelete(part);
                      }}
                    >
                      {t('properties.parts.delete')}
                    </Button>
                  </span>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
    );
  }

  return (
    <section className="section property-parts" aria-labelledby={headingId} ref={section}>
      <h2 id={headingId}>{t(text.title)}</h2>
      <p className="portfolio-intro">{t(text.intro)}</p>
      {feedback && <Alert tone={feedback.tone}>{feedback.text}</Alert>}
      {content}
      {canEdit && (
        <AddPartForm
          kind={kind}
          propertyId={propertyId}
          label={t(text.name)}
          hint={t(text.nameHint)}
          submitLabel={t(text.add)}
          onAdded={(name) => setFeedback({ tone: 'success', text: t(text.added, { name }) })}
        />
      )}
      <ConfirmDialog
        isOpen={partToDelete !== null}
        title={t(text.deleteTitle, { name: partToDelete?.name ?? '' })}
        confirmLabel={t('properties.parts.delete')}
        cancelLabel={t('action.cancel')}
        isPending={deletePart.isPending}
        onConfirm={() => {
          if (!partToDelete) return;
          deletePart.mutate(partToDelete.id, {
            onSuccess: () => setFeedback({ tone: 'success', text: t(text.deleted, { name: partToDelete.name }) }),
            onError: (error) => setFeedback({ tone: 'error', text: describeActionError(error, t, language) }),
            onSettled: () => {
              setPartToDelete(null);
              // The deleted row and its button are gone; the add field is the next useful place.
              setFocusTarget('.property-parts__add input');
            },
          });
        }}
        onCancel={() => setPartToDelete(null)}
      >
        <p>{t(text.deleteText)}</p>
      </ConfirmDialog>
    </section>
  );
}

interface AddPartFormProps {
  kind: PropertyPartKind;
  propertyId: string;
  label: string;
  hint: string;
  submitLabel: string;
  onAdded: (name: string) => void;
}

function AddPartForm({ kind, propertyId, label, hint, submitLabel, onAdded }: AddPartFormProps) {
  const { t } = useTranslation();
  const createPart = useCreatePropertyPart(kind, propertyId);
  const form = useValidatedForm(partSchema);
  return (
    <form
      className="form portfolio-inline-form property-parts__add"
      noValidate
      onSubmit={form.handleSubmit((request, formElement) =>
        createPart.mutate(request, {
          onError: form.showApiError,
          onSuccess: (part) => {
            formElement.reset();
            // Focus stays in the field, ready for the next name: parts are usually added in a row.
            formElement.querySelector('input')?.focus();
            onAdded(part.name);
          },
        }),
      )}
    >
      {createPart.isError && <Alert tone="error">{describeApiError(createPart.error, t)}</Alert>}
      <TextField label={label} hint={hint} name="name" autoComplete="off" required error={form.errorFor('name')} />
      <div className="portfolio-inline-form__buttons">
        <Button type="submit" isPending={createPart.isPending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

interface RenamePartFormProps {
  kind: PropertyPartKind;
  propertyId: string;
  part: PropertyPart;
  label: string;
  /** The new name, or null when cancelled. */
  onDone: (newName: string | null) => void;
}

function RenamePartForm({ kind, propertyId, part, label, onDone }: RenamePartFormProps) {
  const { t } = useTranslation();
  const renamePart = useRenamePropertyPart(kind, propertyId);
  return (
    <InlineRenameForm
      schema={partSchema}
      label={label}
      currentName={part.name}
      submitLabel={t('properties.parts.save')}
      request={renamePart}
      onSubmit={(name, showApiError) => renamePart.mutate({ id: part.id, name }, { onError: showApiError, onSuccess: (renamed) => onDone(renamed.name) })}
      onCancel={() => onDone(null)}
    />
  );
}
