import { createOrganisationRequestSchema, type Organisation } from '../../../shared/schemas/organisation.ts';
import { InlineRenameForm } from '../../lib/forms/inline-rename-form.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useUpdateOrganisation } from './organisations-api.ts';

interface RenameOrganisationFormProps {
  organisation: Organisation;
  onDone: () => void;
}

export function RenameOrganisationForm({ organisation, onDone }: RenameOrganisationFormProps) {
  const { t } = useTranslation();
  const renameOrganisation = useUpdateOrganisation(organisation.id);
  return (
    <InlineRenameForm
      schema={createOrganisationRequestSchema}
      label={t('organisations.field.name')}
      currentName={organisation.name}
      submitLabel={t('organisations.rename_submit')}
      request={renameOrganisation}
      onSubmit={(name, showApiError) => renameOrganisation.mutate({ name }, { onError: showApiError, onSuccess: onDone })}
      onCancel={onDone}
    />
  );
}
