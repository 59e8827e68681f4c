import { useId } from 'react';
import { createOrganisationRequestSchema, type Organisation } from '../../../shared/schemas/organisation.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { describeApiError } from '../../lib/api/describe-api-error.ts';
import { useValidatedForm } from '../../lib/forms/use-validated-form.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useCreateOrganisation } from './organisations-api.ts';

interface CreateOrganisationFormProps {
  accountId: string;
  /** Heading level 2 on its own, 3 when it sits inside the empty state. */
  headingLevel?: 2 | 3;
  /** A name filled in for the person to keep or change (the account's, for its first organisation). */
  suggestedName?: string;
  onCreated: (organisation: Organisation) => void;
}

export function CreateOrganisationForm({ accountId, headingLevel = 2, suggestedName, onCreated }: CreateOrganisationFormProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const createOrganisation = useCreateOrganisation(accountId);
  const form = useValidatedForm(createOrganisationRequestSchema);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  return (
    <form
      className="form portfolio-form"
      noValidate
      aria-labelledby={titleId}
      onSubmit={form.handleSubmit((request, formElement) =>
        createOrganisation.mutate(request, {
          onError: form.showApiError,
          onSuccess: (organisation) => {
            formElement.reset();
            onCreated(organisation);
          },
        }),
      )}
    >
      <Heading className="portfolio-form__title" id={titleId}>
        {t('organisations.create_title')}
      </Heading>
      {createOrganisation.isError && <Alert tone="error">{describeApiError(createOrganisation.error, t)}</Alert>}
      <TextField
        label={t('organisations.field.name')}
        hint={t(suggestedName === undefined ? 'organisations.field.name_hint' : 'organisations.field.name_hint_suggested')}
        name="name"
        defaultValue={suggestedName}
        autoComplete="off"
        required
        error={form.errorFor('name')}
      />
      <Button type="submit" variant="primary" isPending={createOrganisation.isPending}>
        {t('organisations.create_submit')}
      </Button>
    </form>
  );
}
