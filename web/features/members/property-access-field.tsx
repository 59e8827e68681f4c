import { useId } from 'react';
import { CheckboxField } from '../../components/ui/checkbox-field.tsx';
import { Spinner } from '../../components/ui/spinner.tsx';
import { QueryLoadError } from '../../lib/api/query-load-error.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import type { OrganisationProperties } from './account-properties.ts';
import type { FailedQuery } from '../../lib/api/query-load-error.tsx';

interface PropertyAccessFieldProps {
  groups: readonly OrganisationProperties[];
  isPending: boolean;
  failed: FailedQuery | undefined;
  /** null: every property of the account. */
  value: readonly string[] | null;
  onChange: (propertyIds: string[] | null) => void;
  /** An admin manages the whole account: the choice is fixed to every property. */
  isAdmin: boolean;
  error?: string | undefined;
}

/**
 * "Åtkomst": every property, or the chosen ones, grouped by organisation. Controlled, so the
 * invitation form and a member's row share it.
 */
export function PropertyAccessField({ groups, isPending, failed, value, onChange, isAdmin, error }: PropertyAccessFieldProps) {
  const { t } = useTranslation();
  const name = useId();
  const isAll = isAdmin || value === null;
  const chosen = new Set(value ?? []);

  function toggle(propertyId: string, isChecked: boolean) {
    const next = new Set(chosen);
    if (isChecked) next.add(propertyId);
    else next.delete(propertyId);
    // The account's order, so the request and the list read alike.
    onChange(groups.flatMap((group) => group.properties.map((property) => property.id)).filter((id) => next.has(id)));
  }

  return (
    <fieldset className="property-access" aria-describedby={isAdmin ? `${name}-admin` : undefined}>
      <legend className="field__label">{t('members.access.label')}</legend>
      <div className="property-access__choices">
        <label className="property-access__choice">
          <input type="radio" name={name} checked={isAll} disabled={isAdmin} onChange={() => onChange(null)} />
          {t('members.access.all')}
        </label>
        <label className="property-access__choice">
          <input type="radio" name={name} checked={!isAll} disabled={isAdmin} onChange={() => onChange([])} />
          {t('members.access.some')}
        </label>
      </div>
      {isAdmin && (
        <p className="field__hint" id={`${name}-admin`}>
          {t('members.access.admin_all')}
        </p>
      )}
      {!isAll && isPending && <Spinner label={t('loading')} />}
      {!isAll && failed && <QueryLoadError query={failed} />}
      {!isAll && !isPending && !failed && groups.every((group) => group.properties.length === 0) && (
        <p className="muted">{t('members.access.no_properties')}</p>
      )}
      {!isAll &&
        !isPending &&
        groups
          .filter((group) => group.properties.length > 0)
          .map((group) => (
            <fieldset key={group.organisationId} className="property-access__organisation">
              <legend>{group.organisationName}</legend>
              {group.properties.map((property) => (
                <CheckboxField
                  key={property.id}
                  label={property.name}
                  checked={chosen.has(property.id)}
                  onChange={(event) => toggle(property.id, event.currentTarget.checked)}
                />
              ))}
            </fieldset>
          ))}
      {error && <p className="field__error">{error}</p>}
    </fieldset>
  );
}
