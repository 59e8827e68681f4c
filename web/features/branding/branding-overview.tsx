import { useState } from 'react';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { Spinner } from '../../components/ui/spinner.tsx';
import { describeApiError } from '../../lib/api/describe-api-error.ts';
import { QueryLoadError } from '../../lib/api/query-load-error.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useBranding, useResetBranding, useSaveBranding } from './branding-api.ts';
import { BrandingForm } from './branding-form.tsx';

/** An admin's view of the account's branding: where it comes from, the form, and the way back to the inherited one. */
export function BrandingOverview({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const branding = useBranding(accountId);
  const saveBranding = useSaveBranding(accountId);
  const resetBranding = useResetBranding(accountId);
  const [isConfirming, setIsConfirming] = useState(false);

  if (branding.isPending) return <Spinner label={t('loading')} />;
  if (branding.isError) return <QueryLoadError query={branding} />;
  const { data } = branding;

  return (
    <>
      <p>
        {data.source === 'own' && t('branding.source_own')}
        {data.source === 'manager' && t('branding.source_manager', { name: data.displayName })}
        {data.source === 'default' && t('branding.source_default')}
      </p>
      {saveBranding.isSuccess && data.source === 'own' && <Alert tone="success">{t('branding.saved')}</Alert>}
      {resetBranding.isSuccess && data.source !== 'own' && <Alert tone="success">{t('branding.reset_done')}</Alert>}
      {resetBranding.isError && <Alert tone="error">{describeApiError(resetBranding.error, t)}</Alert>}
      <section className="section">
        {/* A fresh form for every saved state, so it starts from what is stored. */}
        <BrandingForm key={`${data.source} ${data.displayName} ${data.colour} ${data.logoUrl ?? ''}`} branding={data} saveBranding={saveBranding} />
      </section>
      {data.source === 'own' && (
        <p>
          <Button variant="danger" onClick={() => setIsConfirming(true)}>
            {t('branding.reset')}
          </Button>
        </p>
      )}
      <ConfirmDialog
        isOpen={isConfirming}
        title={t('branding.reset_title')}
        confirmLabel={t('branding.reset_confirm')}
        cancelLabel={t('action.cancel')}
        isPending={resetBranding.isPending}
        onCancel={() => setIsConfirming(false)}
        onConfirm={() =>
          resetBranding.mutate(undefined, {
            onSettled: () => setIsConfirming(false),
            onSuccess: () => saveBranding.reset(),
          })
        }
      >
        <p>{t('branding.reset_text')}</p>
      </ConfirmDialog>
    </>
  );
}
