import { useLocation, useNavigate } from 'react-router';
import type { Membership } from '../../../shared/schemas/auth.ts';
import { SelectField } from '../../components/ui/select-field.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';

interface AccountSwitcherProps {
  memberships: readonly Membership[];
  selectedAccountId: string;
}

/**
 * Switching keeps the user on the same screen of the other account (members stays members),
 * since people who manage several accounts tend to do the same task in each.
 */
export function AccountSwitcher({ memberships, selectedAccountId }: AccountSwitcherProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  if (memberships.length === 1) {
    return <span className="account-name">{memberships[0]?.accountName}</span>;
  }

  function switchTo(accountId: string) {
    const currentPrefix = `/accounts/${selectedAccountId}`;
    const screen = pathname.startsWith(`${currentPrefix}/`) ? pathname.slice(currentPrefix.length) : '';
    navigate(`/accounts/${accountId}${screen}`);
  }

  return (
    <SelectField
      className="account-switcher"
      label={t('account.switcher_label')}
      isLabelHidden
      options={memberships.map((membership) => ({ value: membership.accountId, label: membership.accountName }))}
      value={selectedAccountId}
      onChange={(event) => switchTo(event.target.value)}
    />
  );
}
