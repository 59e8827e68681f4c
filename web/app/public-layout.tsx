import { Link, Outlet } from 'react-router';
import { useTranslation } from '../lib/i18n/use-translation.ts';
import { LanguageSwitch } from './language-switch.tsx';

/** Screens for people who are not signed in: sign-in, sign-up, invitations. */
export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <>
      <header className="app-header">
        <div className="app-header__bar">
          <Link className="brand" to="/">
            {t('app.name')}
          </Link>
          <div className="app-header__tools">
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main className="page page--public">
        <Outlet />
      </main>
    </>
  );
}
