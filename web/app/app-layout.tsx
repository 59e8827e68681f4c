import { Link, NavLink, Outlet } from 'react-router';
import { AccountSwitcher } from '../features/accounts/account-switcher.tsx';
import { useInactiveRefusal } from '../features/accounts/use-inactive-refusal.ts';
import { useSelectedMembership } from '../features/accounts/use-selected-membership.ts';
import { useSession } from '../features/auth/session.ts';
import { UserMenu } from '../features/auth/user-menu.tsx';
import { BrandMark } from '../features/branding/brand-mark.tsx';
import { useBranding } from '../features/branding/branding-api.ts';
import { useBrandColour } from '../features/branding/use-brand-colour.ts';
import { ReceivedInvitations } from '../features/members/received-invitations.tsx';
import { useTranslation } from '../lib/i18n/use-translation.ts';
import { LanguageSwitch } from './language-switch.tsx';

/**
 * The signed-in frame. Outside an account's pages (e.g. change password) the header still
 * offers the first account, so navigation never dead-ends. It wears the account's branding (its
 * own or its manager's); the default branding keeps the app's own look.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const { memberships, isOperator } = useSession();
  const account = useSelectedMembership() ?? memberships[0];
  // An inactive account refuses its own members its branding too: they see the default header.
  const isBrandingReadable = useInactiveRefusal(account).kind === 'allowed';
  const branding = useBranding(isBrandingReadable ? account?.accountId : undefined).data;
  const brand = branding && branding.source !== 'default' ? branding : null;
  const brandColour = useBrandColour(brand?.colour ?? null);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('layout.skip_to_content')}
      </a>
      <header ref={brandColour} className={brand ? 'app-header branded' : 'app-header'}>
        <div className="app-header__bar">
          <Link className="brand" to="/">
            {brand ? <BrandMark displayName={brand.displayName} logoUrl={brand.logoUrl} /> : t('app.name')}
          </Link>
          {account && <AccountSwitcher memberships={memberships} selectedAccountId={account.accountId} />}
          <div className="app-header__tools">
            <LanguageSwitch />
            <UserMenu />
          </div>
        </div>
        {(account || isOperator) && (
          <nav className="app-nav" aria-label={t('nav.label')}>
            {account && (
              <NavLink className="app-nav__link" to={`/accounts/${account.accountId}`} end>
                {t('nav.start')}
              </NavLink>
            )}
            {/* A member limited to some properties (a board) reads them on the start page; the portfolio compares many. */}
            {account && account.propertyIds === null && (
              <NavLink className="app-nav__link" to={`/accounts/${account.accountId}/portfolio`}>
                {t('portfolio.nav')}
              </NavLink>
            )}
            {account && (
              <NavLink className="app-nav__link" to={`/accounts/${account.accountId}/library`}>
                {t('library.nav')}
              </NavLink>
            )}
            {account?.role === 'admin' && (
              <NavLink className="app-nav__link" to={`/accounts/${account.accountId}/members`}>
                {t('members.title')}
              </NavLink>
            )}
            {/* A customer account's managers reach it through their own account's customers, one level only. */}
            {account?.role === 'admin' && account.via === 'member' && (
              <NavLink className="app-nav__link" to={`/accounts/${account.accountId}/customers`}>
                {t('customers.title')}
              </NavLink>
            )}
            {account?.role === 'admin' && (
              <NavLink className="app-nav__link" to={`/accounts/${account.accountId}/branding`}>
                {t('branding.nav')}
              </NavLink>
            )}
            {account && account.role !== 'viewer' && (
              <NavLink className="app-nav__link" to={`/accounts/${account.accountId}/trash`}>
                {t('trash.title')}
              </NavLink>
            )}
            {/* The installation's operations, not the account's: only for its operators. */}
            {isOperator && (
              <NavLink className="app-nav__link" to="/operations">
                {t('nav.operations')}
              </NavLink>
            )}
          </nav>
        )}
      </header>
      <main className="page" id="main" tabIndex={-1}>
        <ReceivedInvitations />
        <Outlet />
      </main>
    </>
  );
}
