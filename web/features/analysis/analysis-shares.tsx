import { categoryCodes, categoryNames, isCategoryCode } from '../../../shared/categories.ts';
import { NO_BUILDING } from '../../../shared/cost-model/index.ts';
import { statusNames } from '../../../shared/statuses.ts';
import { chartPalette, colourAt } from '../../../shared/chart-palette.ts';
import { Spinner } from '../../components/ui/spinner.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import type { AnalysisFigures } from './analysis-figures.ts';
import { partSumsOf } from './analysis-parts.ts';
import { ShareSection } from './share-section.tsx';

const occurrenceStatuses = ['draft', 'planned', 'urgent', 'deferred'] as const;

/** Status colours that carry meaning where they can: green planned, red urgent, orange deferred, grey-blue draft. */
const statusColours: Record<(typeof occurrenceStatuses)[number], string> = {
  draft: chartPalette[13],
  planned: chartPalette[0],
  urgent: chartPalette[4],
  deferred: chartPalette[2],
};

interface AnalysisSharesProps {
  shares: AnalysisFigures['shares'];
  /** The property's buildings in display order; undefined while they load or when they could not be. */
  buildings: readonly { id: string; name: string }[] | undefined;
  /** While true the building split waits, rather than naming real buildings "removed". */
  areBuildingsLoading: boolean;
}

/** The plan's total split three ways: by category, by building and by status. */
export function AnalysisShares({ shares, buildings, areBuildingsLoading }: AnalysisSharesProps) {
  const { t, language } = useTranslation();
  const buildingOrder = [...(buildings ?? []).map((building) => building.id), NO_BUILDING];
  const buildingName = (key: string) =>
    key === NO_BUILDING ? t('analysis.no_building') : (buildings?.find((building) => building.id === key)?.name ?? t('analysis.unknown_building'));

  const categoryParts = partSumsOf(shares.byCategory, categoryCodes).map((part) => ({
    ...part,
    label: isCategoryCode(part.key) ? categoryNames[part.key][language] : part.key,
    colour: colourAt(Math.max(0, (categoryCodes as readonly string[]).indexOf(part.key))),
  }));
  const buildingParts = partSumsOf(shares.byBuilding, buildingOrder).map((part) => ({
    ...part,
    label: buildingName(part.key),
    colour: colourAt(buildingOrder.indexOf(part.key) === -1 ? buildingOrder.length : buildingOrder.indexOf(part.key)),
  }));
  const statusParts = partSumsOf(shares.byStatus, occurrenceStatuses).map((part) => {
    const code = part.key as (typeof occurrenceStatuses)[number];
    return { ...part, label: statusNames[code][language], colour: statusColours[code] };
  });

  return (
    <div className="analysis-shares">
      <ShareSection title={t('analysis.chart.per_category')} parts={categoryParts} />
      {areBuildingsLoading ? (
        <section className="analysis-card">
          <h3>{t('analysis.chart.per_building')}</h3>
          <Spinner label={t('loading')} />
        </section>
      ) : (
        <ShareSection title={t('analysis.chart.per_building')} parts={buildingParts} />
      )}
      <ShareSection title={t('analysis.chart.per_status')} parts={statusParts} />
    </div>
  );
}
