import { useEffect, useRef, useState } from 'react';
import type { Property } from '../../../shared/schemas/property.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { formatNumber } from '../../lib/i18n/format-amount.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useUpdateProperty } from './properties-api.ts';
import { describeArea } from './property-facts.ts';
import { PropertyForm } from './property-form.tsx';

interface PropertyDetailsProps {
  property: Property;
  canEdit: boolean;
}

export function PropertyDetails({ property, canEdit }: PropertyDetailsProps) {
  const { t, language } = useTranslation();
  const updateProperty = useUpdateProperty(property.id);
  const [isEditing, setIsEditing] = useState(false);
  const [isSaved, setIsSaved] = useState(false);
  const section = useRef<HTMLElement>(null);
  const wasEditing = useRef(false);

  // Leaving the form, focus returns to the button that opened it.
  useEffect(() => {
    if (wasEditing.current && !isEditing) section.current?.querySelector<HTMLElement>('.property-details__edit')?.focus();
    wasEditing.current = isEditing;
  }, [isEditing]);

  const notGiven = t('properties.not_given');
  const area = (value: number | null) => (value === null ? notGiven : `${formatNumber(value, language)} m²`);
  return (
    <section className="section" aria-labelledby="property-details-title" ref={section}>
      <div className="section__header">
        <h2 id="property-details-title">{t('properties.details_title')}</h2>
        {canEdit && !isEditing && (
          <Button
            className="property-details__edit"
            onClick={() => {
              setIsSaved(false);
              updateProperty.reset();
              setIsEditing(true);
            }}
          >
            {t('properties.edit')}
          </Button>
        )}
      </div>
      {isSaved && <Alert tone="success">{t('properties.saved')}</Alert>}
      {isEditing ? (
        <PropertyForm
          property={property}
          submitLabel={t('properties.save')}
          isPending={updateProperty.isPending}
          error={updateProperty.error}
          isFocusedOnOpen
          onCancel={() => setIsEditing(false)}
          onSubmit={(values, { showApiError }) =>
            updateProperty.mutate(values, {
              onError: showApiError,
              onSuccess: () => {
                setIsSaved(true);
                setIsEditing(false);
              },
            })
          }
        />
      ) : (
        <dl className="portfolio-facts">
          <div>
            <dt>{t('properties.field.designation')}</dt>
            <dd>{property.designation ?? notGiven}</dd>
          </div>
          <div>
            <dt>{t('properties.field.address')}</dt>
            <dd>{property.address ?? notGiven}</dd>
          </div>
          <div>
            <dt>{t('properties.field.municipality')}</dt>
            <dd>{property.municipality ?? notGiven}</dd>
          </div>
          <div>
            <dt>{t('properties.field.build_year')}</dt>
            <dd>{property.buildYear ?? notGiven}</dd>
          </div>
          <div>
            <dt>{t('properties.field.boa')}</dt>
            <dd>{area(property.boa)}</dd>
          </div>
          <div>
            <dt>{t('properties.field.loa')}</dt>
            <dd>{area(property.loa)}</dd>
          </div>
          <div>
            <dt>{t('properties.area_total')}</dt>
            <dd>{describeArea(property, language) ?? t('properties.area_missing')}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}
