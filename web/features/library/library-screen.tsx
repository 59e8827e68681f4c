import { useState } from 'react';
import type { LibraryItem } from '../../../shared/schemas/library.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Announcement } from '../../components/ui/announcement.tsx';
import { Button } from '../../components/ui/button.tsx';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { describeActionError } from '../../lib/api/describe-api-error.ts';
import { QueryLoadError } from '../../lib/api/query-load-error.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useLibraryItems } from '../library-items/library-items-query.ts';
import { useCreateLibraryItem, useDeleteLibraryItem, useUpdateLibraryItem } from './library-api.ts';
import { LibraryFilters } from './library-filters.tsx';
import { LibraryItemForm } from './library-item-form.tsx';
import { libraryItemFormDefaultsOf, newLibraryItemDefaults, type LibraryItemFormValues } from './library-item-form-schema.ts';
import { LibraryTable } from './library-table.tsx';
import { filterLibraryItems, type LibraryFilter } from './filter-library-items.ts';

/** What the editor is doing: adding an item, editing the account's own, or replacing a built-in one. */
type Editing = { kind: 'add' } | { kind: 'edit'; item: LibraryItem } | { kind: 'replace'; item: LibraryItem };

type Outcome = { tone: 'success'; text: string; id: number } | { tone: 'error'; error: unknown };

/**
 * The library of one account: every item it sees (built-in ones it has not replaced, and its own),
 * filtered by category and searched in both languages in the browser; editors add, edit, delete
 * and replace items here.
 */
export function LibraryScreen({ accountId, canEdit }: { accountId: string; canEdit: boolean }) {
  const { t, language } = useTranslation();
  const items = useLibraryItems(accountId);
  const create = useCreateLibraryItem(accountId);
  const update = useUpdateLibraryItem(accountId);
  const remove = useDeleteLibraryItem(accountId);
  const [filter, setFilter] = useState<LibraryFilter>({ category: '', query: '' });
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<LibraryItem | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const decimalSeparator = language === 'sv' ? ',' : '.';
  const nameOf = (item: LibraryItem) => item.name[language];

  function startEditing(next: Editing) {
    create.reset();
    update.reset();
    setOutcome(null);
    setEditing(next);
  }

  function createItem(values: LibraryItemFormValues, showApiError: (error: unknown) => void) {
    create.mutate(values, {
      onSuccess: (created) => {
        setEditing(null);
        setOutcome({ tone: 'success', text: t('library.created', { name: created.name[language] }), id: Date.now() });
      },
      onError: showApiError,
    });
  }

  function handleDelete(item: LibraryItem) {
    remove.mutate(item.id, {
      onSuccess: () => {
        setDeleting(null);
        setOutcome({ tone: 'success', text: t('library.deleted', { name: nameOf(item) }), id: Date.now() });
      },
      onError: (error) => {
        setDeleting(null);
        setOutcome({ tone: 'error', error });
      },
    });
  }

  if (items.isPending) return <p>{t('loading')}</p>;
  if (items.isError) return <QueryLoadError query={items} />;
  const shown = filterLibraryItems(items.data, filter);

  return (
    <>
      {outcome?.tone === 'success' && <Announcement key={outcome.id} text={outcome.text} />}
      {outcome?.tone === 'error' && <Alert tone="error">{describeActionError(outcome.error, t, language)}</Alert>}
      {canEdit && editing === null && (
        <div className="library-toolbar">
          <Button variant="primary" onClick={() => startEditing({ kind: 'add' })}>
            {t('library.add')}
          </Button>
        </div>
      )}
      {editing?.kind === 'add' && (
        <LibraryItemForm
          title={t('library.form.add_title')}
          defaults={newLibraryItemDefaults(new Date().getFullYear())}
          submitLabel={t('library.form.create')}
          isPending={create.isPending}
          saveError={create.error}
          onCancel={() => setEditing(null)}
          onSave={createItem}
        />
      )}
      {editing?.kind === 'replace' && (
        <LibraryItemForm
          key={editing.item.id}
          title={t('library.form.replace_title', { name: nameOf(editing.item) })}
          lead={t('library.form.replace_lead')}
          defaults={libraryItemFormDefaultsOf(editing.item, decimalSeparator, 'replace')}
          submitLabel={t('library.form.create')}
          isPending={create.isPending}
          saveError={create.error}
          onCancel={() => setEditing(null)}
          onSave={createItem}
        />
      )}
      {editing?.kind === 'edit' && (
        <LibraryItemForm
          key={editing.item.id}
          title={t('library.form.edit_title', { name: nameOf(editing.item) })}
          defaults={libraryItemFormDefaultsOf(editing.item, decimalSeparator, 'edit')}
          submitLabel={t('library.form.save')}
          isPending={update.isPending}
          saveError={update.error}
          onCancel={() => setEditing(null)}
          onSave={(values, showApiError) =>
            update.mutate(
              { id: editing.item.id, changes: values },
              {
                onSuccess: (updated) => {
                  setEditing(null);
                  setOutcome({ tone: 'success', text: t('library.updated', { name: updated.name[language] }), id: Date.now() });
                },
                onError: showApiError,
              },
            )
          }
        />
      )}

      <LibraryFilters filter={filter} shownCount={shown.length} totalCount={items.data.length} onChange={setFilter} />
      <LibraryTable
        items={shown}
        totalCount={items.data.length}
        canEdit={canEdit}
        onClearFilter={() => setFilter({ category: '', query: '' })}
        onAdd={() => startEditing({ kind: 'add' })}
        onEdit={(item) => startEditing({ kind: 'edit', item })}
        onReplace={(item) => startEditing({ kind: 'replace', item })}
        onDelete={(item) => {
          setOutcome(null);
          setDeleting(item);
        }}
      />
      <ConfirmDialog
        isOpen={deleting !== null}
        title={deleting ? t('library.delete_title', { name: nameOf(deleting) }) : ''}
        confirmLabel={t('library.delete')}
        cancelLabel={t('library.form.cancel')}
        isPending={remove.isPending}
        onConfirm={() => deleting && handleDelete(deleting)}
        onCancel={() => setDeleting(null)}
      >
        <p>{t('library.delete_text')}</p>
        {deleting?.replacesItemId && <p>{t('library.delete_replacement_text')}</p>}
      </ConfirmDialog>
    </>
  );
}
