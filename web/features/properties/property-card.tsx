import { useId } from 'react';
import { Link } from 'react-router';
import type { Property } from '../../../shared/schemas/property.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { describeAddress, describeArea } from './property-facts.ts';
import { PropertyPlansFigures } from './property-plans-figures.tsx';

interface PropertyCardProps {
  accountId: string;
  property: Property;
  canEdit: boolean;
}

/** A property in the portfolio overview: what and where it is, and how its plans stand. */
export function PropertyCard({ accountId, property, canEdit }: PropertyCardProps) {
  const { t, language } = useTranslation();
  const headingId = useId();
  const area = describeArea(property, language);

  return (
    <article className="property-card" aria-labelledby={headingId}>
      <h3 className="property-card__name" id={headingId}>
        <Link to={`/accounts/${accountId}/properties/${property.id}`}>{property.name}</Link>
      </h3>
      <dl className="portfolio-facts portfolio-facts--compact">
        <div>
          <dt>{t('properties.field.designation')}</dt>
          <dd>{property.designation ?? t('properties.not_given')}</dd>
        </div>
        <div>
          <dt>{t('properties.field.address')}</dt>
          <dd>{describeAddress(property) ?? t('properties.not_given')}</dd>
        </div>
        <div>
          <dt>{t('properties.area')}</dt>
          <dd>{area ?? t('properties.area_missing')}</dd>
        </div>
      </dl>
      <PropertyPlansFigures accountId={accountId} property={property} canEdit={canEdit} />
    </article>
  );
}
