import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { Organisation } from '../../../shared/schemas/organisation.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { describeApiError } from '../../lib/api/describe-api-error.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useProperties } from '../properties/properties-api.ts';
import { OrganisationProperties } from './organisation-properties.tsx';
import { useDeleteOrganisation } from './organisations-api.ts';
import { RenameOrganisationForm } from './rename-organisation-form.tsx';

interface OrganisationSectionProps {
  accountId: string;
  organisation: Organisation;
  canEdit: boolean;
  /** More tools for editors, after rename and before delete. */
  tools?: ReactNode;
  onDeleted: (name: string) => void;
}

/** One organisation of the portfolio with its properties and, for editors, its tools. */
export function OrganisationSection({ accountId, organisation, canEdit, tools: moreTools, onDeleted }: OrganisationSectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const properties = useProperties(organisation.id);
  const deleteOrganisation = useDeleteOrganisation(accountId);
  const [isRenaming, setIsRenaming] = useState(false);
  const [isConfirmingDelete, setIsConfirmingDelete] = useState(false);
  const tools = useRef<HTMLDivElement>(null);
  const wasRenaming = useRef(false);

  // Back from the rename form, focus returns to the button that opened it.
  useEffect(() => {
    if (wasRenaming.current && !isRenaming) tools.current?.querySelector('button')?.focus();
    wasRenaming.current = isRenaming;
  }, [isRenaming]);

  const propertyCount = properties.data?.length;
  return (
    <section className="section organisation" aria-labelledby={headingId}>
      <div className="organisation__header">
        <h2 className="organisation__name" id={headingId}>
          {organisation.name}
        </h2>
        {canEdit && !isRenaming && (
          <div className="organisation__tools" ref={tools}>
            <Button variant="quiet" aria-label={t('organisations.rename_named', { name: organisation.name })} onClick={() => setIsRenaming(true)}>
              {t('organisations.rename')}
            </Button>
            {moreTools}
            <Button variant="danger" aria-label={t('organisations.delete_named', { name: organisation.name })} onClick={() => setIsConfirmingDelete(true)}>
              {t('organisations.delete')}
            </Button>
          </div>
        )}
      </div>
      {isRenaming && <RenameOrganisationForm organisation={organisation} onDone={() => setIsRenaming(false)} />}
      <OrganisationProperties accountId={accountId} organisation={organisation} properties={properties} canEdit={canEdit} />
      <ConfirmDialog
        isOpen={isConfirmingDelete}
        title={t('organisations.delete_title', { name: organisation.name })}
        confirmLabel={t('organisations.delete')}
        cancelLabel={t('action.cancel')}
        isPending={deleteOrganisation.isPending}
        onConfirm={() =>
          // The refreshed list drops this section, and with it any callback given to mutate();
          // the promise still settles, and the overview it reports to stays.
          void deleteOrganisation.mutateAsync(organisation.id).then(
            () => onDeleted(organisation.name),
            () => undefined, // shown in the dialog through deleteOrganisation.error
          )
        }
        onCancel={() => {
          deleteOrganisation.reset();
          setIsConfirmingDelete(false);
        }}
      >
        <p>
          {propertyCount === undefined
            ? t('organisations.delete_text_unknown')
            : propertyCount === 1
              ? t('organisations.delete_text.one')
              : t('organisations.delete_text.other', { count: propertyCount })}
        </p>
        <p>{t('organisations.delete_restorable')}</p>
        {deleteOrganisation.isError && <Alert tone="error">{describeApiError(deleteOrganisation.error, t)}</Alert>}
      </ConfirmDialog>
    </section>
  );
}
