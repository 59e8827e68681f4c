import type { Property } from '../../../shared/schemas/property.ts';
import { Breadcrumb } from '../../components/ui/breadcrumb.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useOrganisation } from './organisations-api.ts';

interface PropertyBreadcrumbProps {
  accountId: string;
  property: Property;
}

/** Start page › organisation › property: the way back, and where the property belongs. */
export function PropertyBreadcrumb({ accountId, property }: PropertyBreadcrumbProps) {
  const { t } = useTranslation();
  const organisation = useOrganisation(property.organisationId);
  const start = { label: t('nav.start'), to: `/accounts/${encodeURIComponent(accountId)}` };
  return <Breadcrumb label={t('breadcrumb.label')} crumbs={organisation.data ? [start, { label: organisation.data.name }] : [start]} current={property.name} />;
}
