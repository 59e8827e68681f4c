import type { Property } from '../../../shared/schemas/property.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useCreateProperty } from './properties-api.ts';
import { PropertyForm } from './property-form.tsx';

interface CreatePropertyFormProps {
  organisationId: string;
  onCreated: (property: Property) => void;
  onCancel?: () => void;
  isFocusedOnOpen?: boolean;
}

export function CreatePropertyForm({ organisationId, onCreated, onCancel, isFocusedOnOpen }: CreatePropertyFormProps) {
  const { t } = useTranslation();
  const createProperty = useCreateProperty(organisationId);
  return (
    <PropertyForm
      submitLabel={t('properties.create_submit')}
      isPending={createProperty.isPending}
      error={createProperty.error}
      onCancel={onCancel}
      isFocusedOnOpen={isFocusedOnOpen}
      onSubmit={(values, { form, showApiError }) =>
        createProperty.mutate(values, {
          onError: showApiError,
          onSuccess: (property) => {
            form.reset();
            onCreated(property);
          },
        })
      }
    />
  );
}
