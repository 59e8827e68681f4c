import { useEffect, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { Organisation } from '../../../shared/schemas/organisation.ts';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { Spinner } from '../../components/ui/spinner.tsx';
import { QueryLoadError } from '../../lib/api/query-load-error.tsx';
import { useDisplayPreferences } from '../../lib/display-preferences.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { Announcement } from '../../components/ui/announcement.tsx';
import { CreateOrganisationForm } from './create-organisation-form.tsx';
import { OrganisationSection } from './organisation-section.tsx';
import { useOrganisations } from './organisations-api.ts';

interface PortfolioOverviewProps {
  accountId: string;
  /** The first organisation is often the account itself (a cooperative's own account): offered as its name. */
  accountName: string;
  canEdit: boolean;
  /** More tools beside each organisation's rename and delete, for editors (the screen adds moving it). */
  organisationTools?: (organisation: Organisation) => ReactNode;
}

/** `at` tells two outcomes with the same text apart, so each is announced. */
type Outcome = { kind: 'created' | 'deleted' | 'property_deleted'; name: string; at: number };

const outcomeKeys = {
  created: 'organisations.created',
  deleted: 'organisations.deleted',
  property_deleted: 'organisations.property_deleted',
} as const;

/** The account's organisations, each with its properties and their plans' key figures. */
export function PortfolioOverview({ accountId, accountName, canEdit, organisationTools }: PortfolioOverviewProps) {
  const { t } = useTranslation();
  const { vat, isRounded } = useDisplayPreferences();
  const organisations = useOrganisations(accountId);
  // The property page sends its deleted property's name here, where the deletion shows.
  const deletedProperty = (useLocation().state as { deletedProperty?: string } | null)?.deletedProperty;
  const [outcome, setOutcome] = useState<Outcome | null>(
    deletedProperty === undefined ? null : { kind: 'property_deleted', name: deletedProperty, at: Date.now() },
  );
  const navigate = useNavigate();

  // Shown once: a reload or a way back to this page should not announce the deletion again.
  useEffect(() => {
    if (deletedProperty !== undefined) void navigate('.', { replace: true, state: null });
  }, [deletedProperty, navigate]);

  if (organisations.isPending) return <Spinner label={t('loading')} />;
  if (organisations.isError) {
    return <QueryLoadError query={organisations} />;
  }

  // The section that held focus may be gone (deleted) or far away (created at the end).
  const announcement = outcome && <Announcement key={outcome.at} text={t(outcomeKeys[outcome.kind], { name: outcome.name })} />;
  const onCreated = ({ name }: { name: string }) => setOutcome({ kind: 'created', name, at: Date.now() });

  if (organisations.data.length === 0) {
    return (
      <>
        {announcement}
        <EmptyState title={t('organisations.none_title')}>
          <p>{canEdit ? t('organisations.none_text_editor') : t('organisations.none_text_viewer')}</p>
          {canEdit && (
            <ol className="portfolio-steps">
              <li>{t('organisations.step_organisation')}</li>
              <li>{t('organisations.step_property')}</li>
              <li>{t('organisations.step_plan')}</li>
            </ol>
          )}
        </EmptyState>
        {canEdit && (
          <div className="section">
            <CreateOrganisationForm accountId={accountId} suggestedName={accountName} onCreated={onCreated} />
          </div>
        )}
      </>
    );
  }

  return (
    <>
      <p className="portfolio__note">
        {t(vat === 'incl' ? 'organisations.amounts_incl_vat' : 'organisations.amounts_excl_vat')}
        {isRounded && ` ${t('organisations.amounts_rounded')}`}
      </p>
      {announcement}
      {organisations.data.map((organisation) => (
        <OrganisationSection
          key={organisation.id}
          accountId={accountId}
          organisation={organisation}
          canEdit={canEdit}
          tools={organisationTools?.(organisation)}
          onDeleted={(name) => setOutcome({ kind: 'deleted', name, at: Date.now() })}
        />
      ))}
      {canEdit && (
        <div className="section">
          <CreateOrganisationForm accountId={accountId} onCreated={onCreated} />
        </div>
      )}
    </>
  );
}
