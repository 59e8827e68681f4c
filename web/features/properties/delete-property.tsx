import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Property } from '../../../shared/schemas/property.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { describeApiError } from '../../lib/api/describe-api-error.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useDeleteProperty } from './properties-api.ts';

interface DeletePropertyProps {
  accountId: string;
  property: Property;
}

/** Deleting a property takes its buildings, locations and plans with it, so it is asked twice. */
export function DeleteProperty({ accountId, property }: DeletePropertyProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const deleteProperty = useDeleteProperty(property.organisationId);
  const [isConfirming, setIsConfirming] = useState(false);

  return (
    <section className="section portfolio-danger-zone" aria-labelledby="delete-property-title">
      <h2 id="delete-property-title">{t('properties.delete_title')}</h2>
      <p>{t('properties.delete_intro')}</p>
      <Button variant="danger" onClick={() => setIsConfirming(true)}>
        {t('properties.delete')}
      </Button>
      <ConfirmDialog
        isOpen={isConfirming}
        title={t('properties.delete_confirm_title', { name: property.name })}
        confirmLabel={t('properties.delete')}
        cancelLabel={t('action.cancel')}
        isPending={deleteProperty.isPending}
        onConfirm={() =>
          deleteProperty.mutate(property.id, {
            onSuccess: () => void navigate(`/accounts/${accountId}`, { state: { deletedProperty: property.name } }),
          })
        }
        onCancel={() => {
          deleteProperty.reset();
          setIsConfirming(false);
        }}
      >
        <p>{t('properties.delete_confirm_text')}</p>
        {deleteProperty.isError && <Alert tone="error">{describeApiError(deleteProperty.error, t)}</Alert>}
      </ConfirmDialog>
    </section>
  );
}
