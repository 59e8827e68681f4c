import { useEffect, useRef, useState } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { Organisation } from '../../../shared/schemas/organisation.ts';
import type { PropertiesResponse } from '../../../shared/schemas/property.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { Spinner } from '../../components/ui/spinner.tsx';
import { QueryLoadError } from '../../lib/api/query-load-error.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { CreatePropertyForm } from '../properties/create-property-form.tsx';
import { PropertyCard } from '../properties/property-card.tsx';

interface OrganisationPropertiesProps {
  accountId: string;
  organisation: Organisation;
  properties: UseQueryResult<PropertiesResponse>;
  canEdit: boolean;
}

export function OrganisationProperties({ accountId, organisation, properties, canEdit }: OrganisationPropertiesProps) {
  const { t } = useTranslation();
  const [isAdding, setIsAdding] = useState(false);
  const [created, setCreated] = useState<{ id: string; name: string } | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const focusPendingId = useRef<string | null>(null);

  // The form closes once the property is added: focus moves to the new property's link, once
  // the refreshed list shows it.
  useEffect(() => {
    const link = container.current?.querySelector<HTMLElement>(`a[href$="/properties/${focusPendingId.current}"]`);
    if (focusPendingId.current === null || !link) return;
    focusPendingId.current = null;
    link.focus();
  }, [created, properties.data]);

  if (properties.isPending) return <Spinner label={t('loading')} />;
  if (properties.isError) {
    return <QueryLoadError query={properties} />;
  }

  const isEmpty = properties.data.length === 0;
  // An organisation without properties has nothing else to do, so its form is open from the start.
  const isFormShown = canEdit && (isAdding || isEmpty);
  return (
    <>
      {created && <Alert tone="success">{t('organisations.property_created', { name: created.name })}</Alert>}
      {isEmpty && <p className="organisation__empty">{canEdit ? t('organisations.no_properties_editor') : t('organisations.no_properties_viewer')}</p>}
      {!isEmpty && (
        <div className="property-grid" ref={container}>
          {properties.data.map((property) => (
            <PropertyCard key={property.id} accountId={accountId} property={property} canEdit={canEdit} />
          ))}
        </div>
      )}
      {isFormShown && (
        <div className="portfolio-subsection">
          <h3 className="portfolio-subsection__title">{t('organisations.add_property_title', { name: organisation.name })}</h3>
          <CreatePropertyForm
            organisationId={organisation.id}
            onCancel={isEmpty ? undefined : () => setIsAdding(false)}
            isFocusedOnOpen={isAdding}
            onCreated={(property) => {
              focusPendingId.current = property.id;
              setCreated({ id: property.id, name: property.name });
              setIsAdding(false);
            }}
          />
        </div>
      )}
      {canEdit && !isFormShown && (
        <Button
          className="organisation__add"
          onClick={() => {
            setCreated(null);
            setIsAdding(true);
          }}
        >
          {t('organisations.add_property')}
        </Button>
      )}
    </>
  );
}
