import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { useState } from 'react';
import { z } from 'zod';
import { passkeyNameSchema, type Passkey } from '../../../shared/schemas/passkey.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { Spinner } from '../../components/ui/spinner.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { QueryLoadError } from '../../lib/api/query-load-error.tsx';
import { useValidatedForm } from '../../lib/forms/use-validated-form.ts';
import { formatDate } from '../../lib/i18n/format-date.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useSession } from '../auth/session.ts';
import { PasskeyErrorAlert } from './passkey-error-alert.tsx';
import { useAddPasskey, usePasskeys, useRemovePasskey } from './passkeys-api.ts';

const addFormSchema = z.strictObject({ name: passkeyNameSchema });

/** The security page's section: the user's passkeys, adding one (named) and removing one. */
export function PasskeysSection() {
  const { t } = useTranslation();
  const passkeys = usePasskeys();
  return (
    <section aria-labelledby="security-passkeys">
      <h2 id="security-passkeys">{t('passkeys.title')}</h2>
      <p>{t('passkeys.intro')}</p>
      {passkeys.isPending ? (
        <Spinner label={t('loading')} />
      ) : passkeys.isError ? (
        <QueryLoadError query={passkeys} />
      ) : (
        <PasskeyList passkeys={passkeys.data} />
      )}
      {browserSupportsWebAuthn() ? <AddPasskeyForm /> : <p>{t('passkeys.unsupported')}</p>}
    </section>
  );
}

function PasskeyList({ passkeys }: { passkeys: Passkey[] }) {
  const { t, language } = useTranslation();
  const [removing, setRemoving] = useState<Passkey | null>(null);
  if (passkeys.length === 0) return <p>{t('passkeys.none')}</p>;
  return (
    <>
      <ul className="passkeys__list" aria-label={t('passkeys.list_label')}>
        {passkeys.map((passkey) => (
          <li key={passkey.id} className="passkeys__item">
            <span>
              <strong>{passkey.name}</strong>
              <br />
              <span className="passkeys__meta">
                {t('passkeys.added', { date: formatDate(passkey.createdAt, language) })},{' '}
                {passkey.lastUsedAt ? t('passkeys.last_used', { date: formatDate(passkey.lastUsedAt, language) }) : t('passkeys.never_used')}
              </span>
            </span>
            <Button variant="quiet" aria-label={t('passkeys.remove_named', { name: passkey.name })} onClick={() => setRemoving(passkey)}>
              {t('passkeys.remove')}
            </Button>
          </li>
        ))}
      </ul>
      {passkeys.length === 1 && <p>{t('passkeys.second_hint')}</p>}
      {removing && <RemovePasskeyDialog passkey={removing} onClose={() => setRemoving(null)} />}
    </>
  );
}

function RemovePasskeyDialog({ passkey, onClose }: { passkey: Passkey; onClose: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const remove = useRemovePasskey();
  const isLastFactor = !user.twoFactor.totp && user.twoFactor.passkeys <= 1;
  return (
    <ConfirmDialog
      isOpen
      title={t('passkeys.remove_title', { name: passkey.name })}
      confirmLabel={t('passkeys.remove')}
      cancelLabel={t('passkeys.cancel')}
      isPending={remove.isPending}
      onConfirm={() => remove.mutate(passkey.id, { onSuccess: onClose })}
      onCancel={onClose}
    >
      <p>{t('passkeys.remove_body')}</p>
      {isLastFactor && <Alert tone="info">{t('passkeys.remove_last_factor')}</Alert>}
      {remove.isError && <PasskeyErrorAlert error={remove.error} />}
    </ConfirmDialog>
  );
}

function AddPasskeyForm() {
  const { t } = useTranslation();
  const add = useAddPasskey();
  const form = useValidatedForm(addFormSchema);
  return (
    <form
      className="form"
      noValidate
      onSubmit={form.handleSubmit(({ name }, element) =>
        add.mutate(name, {
          onError: form.showApiError,
          onSuccess: () => element.reset(),
        }),
      )}
    >
      {add.isSuccess && <Alert tone="success">{t('passkeys.added_done', { name: add.data.name })}</Alert>}
      {add.isError && <PasskeyErrorAlert error={add.error} />}
      <TextField label={t('passkeys.field.name')} hint={t('passkeys.field.name_hint')} name="name" autoComplete="off" required error={form.errorFor('name')} />
      <Button type="submit" variant="primary" isPending={add.isPending}>
        {t('passkeys.add')}
      </Button>
    </form>
  );
}
