import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { EmptyState } from '../components/ui/empty-state.tsx';
import { Spinner } from '../components/ui/spinner.tsx';
import { canWriteAccountWide, useCurrentMembership } from '../features/accounts/use-selected-membership.ts';
import { PropertyBreadcrumb } from '../features/organisations/property-breadcrumb.tsx';
import { PlanList } from '../features/plans/plan-list.tsx';
import { PropertyBenchmark } from '../features/portfolio/property-benchmark.tsx';
import { DeleteProperty } from '../features/properties/delete-property.tsx';
import { MoveProperty } from '../features/moves/move-property.tsx';
import { useProperty } from '../features/properties/properties-api.ts';
import { Announcement } from '../components/ui/announcement.tsx';
import { PropertyDetails } from '../features/properties/property-details.tsx';
import { PropertyParts } from '../features/property-parts/property-parts.tsx';
import { ApiError } from '../lib/api/api-error.ts';
import { QueryLoadError } from '../lib/api/query-load-error.tsx';
import { useTranslation } from '../lib/i18n/use-translation.ts';
import { usePageTitle } from '../lib/use-page-title.ts';

/** One property: its facts, buildings, locations, maintenance plans and its debt per m² against the benchmark. */
export function PropertyPage() {
  const { t } = useTranslation();
  const membership = useCurrentMembership();
  const { accountId, accountName, role } = membership;
  const { propertyId = '' } = useParams();
  const property = useProperty(propertyId);
  // The plan settings page sends its deleted plan's name here, where the deletion shows, once:
  // a reload or a way back should not announce it again.
  const sentDeletedPlan = (useLocation().state as { deletedPlan?: string } | null)?.deletedPlan;
  const [deletedPlan] = useState(sentDeletedPlan);
  const navigate = useNavigate();
  useEffect(() => {
    if (sentDeletedPlan !== undefined) void navigate('.', { replace: true, state: null });
  }, [sentDeletedPlan, navigate]);
  const canEdit = role !== 'viewer';
  usePageTitle(property.data?.name ?? t('properties.title'));

  const startUrl = `/accounts/${accountId}`;
  if (property.isPending) return <Spinner label={t('loading')} />;
  if (property.isError) {
    if (property.error instanceof ApiError && property.error.status === 404) {
      return (
        <EmptyState headingLevel={1} title={t('properties.not_found_title')} action={<Link to={startUrl}>{t('properties.back_to_start')}</Link>}>
          <p>{t('properties.not_found_text')}</p>
        </EmptyState>
      );
    }
    return (
      <>
        <h1>{t('properties.title')}</h1>
        <QueryLoadError query={property} />
      </>
    );
  }

  return (
    <>
      <PropertyBreadcrumb accountId={accountId} property={property.data} />
      <h1>{property.data.name}</h1>
      {property.data.designation && <p className="page__lead">{property.data.designation}</p>}
      {deletedPlan !== undefined && <Announcement text={t('properties.plan_deleted', { name: deletedPlan })} />}
      <PropertyDetails property={property.data} canEdit={canEdit} />
      <PlanList accountId={accountId} propertyId={property.data.id} canEdit={canEdit} />
      <PropertyBenchmark propertyId={property.data.id} />
      <div className="property-parts-grid">
        <PropertyParts kind="buildings" propertyId={property.data.id} canEdit={canEdit} />
        <PropertyParts kind="locations" propertyId={property.data.id} canEdit={canEdit} />
      </div>
      {/* Taking a property out of the account needs the whole account, which a member limited to some properties lacks. */}
      {canWriteAccountWide(membership) && <MoveProperty accountId={accountId} accountName={accountName} property={property.data} />}
      {canEdit && <DeleteProperty accountId={accountId} property={property.data} />}
    </>
  );
}
