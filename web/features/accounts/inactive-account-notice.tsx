import { Link } from 'react-router';
import type { AccountSettings } from '../../../shared/schemas/account.ts';
import type { Membership } from '../../../shared/schemas/auth.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';

interface InactiveAccountNoticeProps {
  account: AccountSettings;
  otherMemberships: readonly Membership[];
}

/**
 * What a customer account's own member meets while it is inactive (its data answers 403
 * `account_inactive`): why, that nothing is lost yet, whom to ask, and the ways on.
 */
export function InactiveAccountNotice({ account, otherMemberships }: InactiveAccountNoticeProps) {
  const { t } = useTranslation();
  usePageTitle(t('accounts.inactive_title'));
  const manager = account.manager?.name ?? t('accounts.inactive_your_manager');
  return (
    <section className="inactive-account" aria-labelledby="inactive-account-title">
      <h1 id="inactive-account-title">{t('accounts.inactive_title')}</h1>
      <p className="page__lead">{t('accounts.inactive_why', { account: account.name, manager })}</p>
      <p>{t('accounts.inactive_kept')}</p>
      <p>{t('accounts.inactive_contact', { manager })}</p>
      <h2>{t('accounts.inactive_ways_on')}</h2>
      <ul className="inactive-account__ways">
        {otherMemberships.map((membership) => (
          <li key={membership.accountId}>
            <Link to={`/accounts/${membership.accountId}`}>{t('accounts.inactive_open_other', { account: membership.accountName })}</Link>
          </li>
        ))}
        <li>
          <Link to="/accounts/new">{t('accounts.inactive_new_account')}</Link>
        </li>
      </ul>
    </section>
  );
}
