import { ChangePasswordForm } from '../features/auth/change-password-form.tsx';
import { PasskeysSection } from '../features/passkeys/passkeys-section.tsx';
import { TwoFactorSection } from '../features/two-factor/two-factor-section.tsx';
import { SessionsSection } from '../features/sessions/sessions-section.tsx';
import { useTranslation } from '../lib/i18n/use-translation.ts';
import { usePageTitle } from '../lib/use-page-title.ts';

/** Everything about how the signed-in person signs in, one section per concern. */
export function SecurityPage() {
  const { t } = useTranslation();
  usePageTitle(t('security.title'));
  return (
    <div className="narrow security-page">
      <h1>{t('security.title')}</h1>
      <section aria-labelledby="security-password">
        <h2 id="security-password">{t('password.title')}</h2>
        <p>{t('password.intro')}</p>
        <ChangePasswordForm />
      </section>
      <TwoFactorSection />
      <PasskeysSection />
      <SessionsSection />
    </div>
  );
}
