import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { propertyNames, useAccountProperties } from './account-properties.ts';

/**
 * How a member's or an invitation's row says what it reaches: "Alla fastigheter", or the chosen
 * properties' names in the account's order.
 */
export function useAccessSummary(accountId: string): (propertyIds: readonly string[] | null) => string {
  const { t } = useTranslation();
  const properties = useAccountProperties(accountId);
  return (propertyIds) => {
    if (propertyIds === null) return t('members.access.all');
    if (properties.isPending) return t('loading');
    const names = propertyNames(properties.groups, propertyIds);
    // A chosen property deleted since reads as such rather than vanishing from the list.
    const missing = Array.from({ length: propertyIds.length - names.length }, () => t('members.access.removed_property'));
    return [...names, ...missing].join(', ');
  };
}
