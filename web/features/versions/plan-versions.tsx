import { useId, useState } from 'react';
import type { Plan } from '../../../shared/schemas/plan.ts';
import type { Version } from '../../../shared/schemas/version.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { SelectField } from '../../components/ui/select-field.tsx';
import { Spinner } from '../../components/ui/spinner.tsx';
import { QueryLoadError } from '../../lib/api/query-load-error.tsx';
import { useDisplayPreferences } from '../../lib/display-preferences.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useBuildings, useLocations } from '../property-parts/property-parts-api.ts';
import { RestoreVersionDialog } from './restore-version-dialog.tsx';
import { SaveVersionForm } from './save-version-form.tsx';
import { VersionComparison } from './version-comparison.tsx';
import { VersionList } from './version-list.tsx';
import { useRestoreVersion, useVersionDiff, useVersions } from './versions-api.ts';

const current = 'current';

/**
 * The plan's versions tab (docs/product/screens.md § Plan versions): save a version, list them,
 * compare one with the plan today or another version, and restore one after a confirmation.
 */
export function PlanVersions({ plan, canEdit }: { plan: Plan; canEdit: boolean }) {
  const { t } = useTranslation();
  const { vat } = useDisplayPreferences();
  const versions = useVersions(plan.id);
  const [selected, setSelected] = useState<{ versionId: string; against: string } | null>(null);
  const [toRestore, setToRestore] = useState<Version | null>(null);
  const [restoredName, setRestoredName] = useState<string | null>(null);
  const restore = useRestoreVersion(plan.id, plan.propertyId);
  const list = versions.data ?? [];
  const comparison = selected ?? (list[0] ? { versionId: list[0].id, against: current } : null);

  return (
    <div className="plan-versions">
      <h2>{t('versions.title')}</h2>
      <p>{t('versions.intro')}</p>
      {restoredName !== null && <Alert tone="success">{t('versions.restored', { name: restoredName })}</Alert>}
      {canEdit && <SaveVersionForm planId={plan.id} />}
      {versions.isPending && <Spinner label={t('loading')} />}
      {versions.isError && <QueryLoadError query={versions} />}
      {versions.isSuccess && (
        <VersionList
          versions={list}
          canEdit={canEdit}
          onCompare={(version) => setSelected({ versionId: version.id, against: current })}
          onRestore={(version) => {
            restore.reset();
            setToRestore(version);
          }}
        />
      )}
      {comparison !== null && <Comparison plan={plan} versions={list} comparison={comparison} vat={vat} onChange={(next) => setSelected(next)} />}
      <RestoreVersionDialog
        planId={plan.id}
        version={toRestore}
        isPending={restore.isPending}
        error={restore.error}
        onCancel={() => setToRestore(null)}
        onConfirm={() => {
          if (toRestore === null) return;
          restore.mutate(toRestore.id, {
            onSuccess: () => {
              setRestoredName(toRestore.name);
              setToRestore(null);
            },
          });
        }}
      />
    </div>
  );
}

interface ComparisonProps {
  plan: Plan;
  versions: readonly Version[];
  comparison: { versionId: string; against: string };
  vat: 'excl' | 'incl';
  onChange: (comparison: { versionId: string; against: string }) => void;
}

function Comparison({ plan, versions, comparison, vat, onChange }: ComparisonProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const diff = useVersionDiff(plan.id, { ...comparison, vat });
  const buildings = useBuildings(plan.propertyId);
  const locations = useLocations(plan.propertyId);
  const partNames = new Map([...(buildings.data ?? []), ...(locations.data ?? [])].map((part) => [part.id, part.name]));
  const nameOf = (id: string) => (id === current ? t('versions.against_current') : (versions.find((version) => version.id === id)?.name ?? ''));
  const versionOptions = versions.map((version) => ({ value: version.id, label: version.name }));

  return (
    <section className="section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('versions.compare_title')}</h3>
      <div className="version-compare-fields">
        <SelectField
          label={t('versions.compare_version')}
          name="version"
          options={versionOptions}
          value={comparison.versionId}
          onChange={(event) => onChange({ ...comparison, versionId: event.currentTarget.value })}
        />
        <SelectField
          label={t('versions.compare_against')}
          name="against"
          options={[{ value: current, label: t('versions.against_current') }, ...versionOptions.filter((option) => option.value !== comparison.versionId)]}
          value={comparison.against}
          onChange={(event) => onChange({ ...comparison, against: event.currentTarget.value })}
        />
      </div>
      {diff.isPending && <Spinner label={t('loading')} />}
      {diff.isError && <QueryLoadError query={diff} />}
      {diff.data && <VersionComparison diff={diff.data} fromName={nameOf(comparison.versionId)} toName={nameOf(comparison.against)} partNames={partNames} />}
    </section>
  );
}
