import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { categories } from '../../../shared/categories.ts';
import { alreadyGeneratedSchema, type AlreadyGenerated, type GenerateComponent, type LibraryComponent } from '../../../shared/schemas/library.ts';
import type { Plan } from '../../../shared/schemas/plan.ts';
import { z } from 'zod';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { Spinner } from '../../components/ui/spinner.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { ApiError } from '../../lib/api/api-error.ts';
import { describeActionError } from '../../lib/api/describe-api-error.ts';
import { QueryLoadError } from '../../lib/api/query-load-error.tsx';
import { useDisplayPreferences } from '../../lib/display-preferences.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { planCostInputOf } from '../plan-core/plan-cost-inputs.ts';
import { planPath } from '../plan-core/plan-route-params.ts';
import { useBuildings } from '../property-parts/property-parts-api.ts';
import { AlreadyGeneratedChoice } from './already-generated-choice.tsx';
import { changeEntry, checklistErrorsFromApi, checklistRequest, emptyChecklist, toggleEntry, type Checklist, type ChecklistErrors } from './checklist.ts';
import { ChecklistGroup } from './checklist-group.tsx';
import { summariseDrafts } from './draft-summary.ts';
import { useLibraryItems } from '../library-items/library-items-query.ts';
import { useGenerate, useGeneratePreview, useLibraryComponents } from './generate-api.ts';
import { GenerateSummary, type SummaryState } from './generate-summary.tsx';
import type { GeneratedState } from './generated-notice.tsx';
import { useDebouncedValue } from './use-debounced-value.ts';

const alreadyGeneratedListSchema = z.array(alreadyGeneratedSchema);

/** The 409 of a part generated before, with its list (shared/schemas/library.ts); else undefined. */
function alreadyGeneratedOf(error: unknown): AlreadyGenerated[] | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) return undefined;
  const parsed = alreadyGeneratedListSchema.safeParse(error.details.alreadyGenerated);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The checklist screen of docs/product/screens.md § Generate from checklist: building parts by
 * category, ticked per building, with what they create and cost as they are ticked; "Skapa utkast"
 * creates the drafts and goes back to the plan, which reports them with an undo.
 */
export function GenerateChecklist({ accountId, plan }: { accountId: string; plan: Plan }) {
  const { t, language } = useTranslation();
  const navigate = useNavigate();
  const { vat } = useDisplayPreferences();
  const components = useLibraryComponents();
  const items = useLibraryItems(accountId);
  const buildings = useBuildings(plan.propertyId);
  const [checklist, setChecklist] = useState<Checklist>(emptyChecklist);
  const [search, setSearch] = useState('');
  const [openCategories, setOpenCategories] = useState<ReadonlySet<string>>(new Set());
  const [onExisting, setOnExisting] = useState<'skip' | 'add' | null>(null);
  const [conflict, setConflict] = useState<AlreadyGenerated[] | null>(null);
  const [outcome, setOutcome] = useState<'nothing' | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const generate = useGenerate(plan.id);

  const { components: requested, errors: typedErrors } = useMemo(() => checklistRequest(checklist, new Date().getFullYear()), [checklist]);
  const previewRequest = useMemo(
    // Until the person chooses, the preview leaves out what was generated before, and says so.
    () => (typedErrors.size === 0 && requested.length > 0 ? { components: requested, onExisting: onExisting ?? ('skip' as const) } : null),
    [typedErrors, requested, onExisting],
  );
  const settledRequest = useDebouncedValue(previewRequest, 300);
  const preview = useGeneratePreview(plan.id, settledRequest);
  // What only the server can tell (a next year after 2200): beside the fields, once it answers the request on screen.
  const errors = useMemo<ChecklistErrors>(() => {
    if (typedErrors.size > 0) return typedErrors;
    const refusal = generate.error ?? (settledRequest === previewRequest ? preview.error : null);
    return refusal instanceof ApiError ? checklistErrorsFromApi(checklist, refusal.fieldCodes) : typedErrors;
  }, [typedErrors, generate.error, settledRequest, previewRequest, preview.error, checklist]);
  const summaryState = useMemo<SummaryState>(() => {
    if (checklist.size === 0) return { kind: 'none' };
    if (errors.size > 0) return { kind: 'invalid' };
    if (preview.isError) return { kind: 'failed' };
    if (!preview.data || preview.isPlaceholderData || preview.isFetching) return { kind: 'loading' };
    return { kind: 'ready', summary: summariseDrafts(planCostInputOf(plan), preview.data.drafts, vat), skippedCount: preview.data.alreadyGenerated.length };
  }, [checklist.size, errors.size, preview.isError, preview.data, preview.isPlaceholderData, preview.isFetching, plan, vat]);

  const itemsById = useMemo(() => new Map((items.data ?? []).map((item) => [item.id, item])), [items.data]);
  const componentNames = useMemo(
    () => new Map((components.data ?? []).map((component) => [component.id, component.name[language]])),
    [components.data, language],
  );
  const buildingNames = useMemo(() => new Map((buildings.data ?? []).map((building) => [building.id, building.name])), [buildings.data]);
  const groups = useMemo(() => groupComponents(components.data ?? [], search, itemsById, language), [components.data, search, itemsById, language]);

  if (components.isPending || items.isPending || buildings.isPending) return <Spinner label={t('loading')} />;
  const failed = [components, items, buildings].find((query) => query.isError);
  if (failed) return <QueryLoadError query={failed} />;

  function changeChecklist(next: Checklist) {
    setChecklist(next);
    setConflict(null);
    setOutcome(null);
    generate.reset();
  }

  async function create(request: { components: GenerateComponent[]; onExisting?: 'skip' | 'add' }) {
    setOutcome(null);
    try {
      const result = await generate.mutateAsync(request);
      if (result.created === 0 || result.changeSetId === undefined) {
        setConflict(null);
        setOutcome('nothing');
        return;
      }
      const state: GeneratedState = { generated: { changeSetId: result.changeSetId, created: result.created } };
      void navigate(planPath(accountId, plan.id), { state });
    } catch (error) {
      const already = alreadyGeneratedOf(error);
      if (already) setConflict(already);
    }
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (errors.size > 0) {
      form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    if (requested.length === 0) return;
    void create({ components: requested, ...(onExisting ? { onExisting } : {}) });
  }

  function choose(choice: 'skip' | 'add') {
    setOnExisting(choice);
    void create({ components: requested, onExisting: choice });
  }

  const isSearching = search.trim() !== '';
  const buildingList = buildings.data ?? [];
  return (
    <form ref={form} className="generate-checklist" noValidate onSubmit={handleSubmit}>
      <TextField
        className="generate-checklist__search"
        type="search"
        label={t('generate.search')}
        hint={t('generate.search_hint')}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        autoComplete="off"
      />
      <div className="generate-checklist__groups">
        {groups.length === 0 && <p>{t('generate.no_match')}</p>}
        {groups.map((group) => (
          <ChecklistGroup
            key={group.category}
            title={group.title[language]}
            components={group.components}
            tickedCount={group.components.reduce((count, component) => count + countTicks(checklist, component.id), 0)}
            isOpen={isSearching || openCategories.has(group.category)}
            onToggleOpen={() => setOpenCategories((open) => toggled(open, group.category))}
            buildings={buildingList}
            itemsById={itemsById}
            checklist={checklist}
            errors={errors}
            onTick={(componentId, buildingId, isTicked) => changeChecklist(toggleEntry(checklist, componentId, buildingId, isTicked))}
            onChange={(key, field, text) => changeChecklist(changeEntry(checklist, key, field, text))}
          />
        ))}
      </div>
      <aside className="generate-checklist__footer" aria-label={t('generate.summary_title')}>
        <GenerateSummary plan={plan} state={summaryState} buildingNames={buildingNames} />
        {conflict && (
          <AlreadyGeneratedChoice
            alreadyGenerated={conflict}
            componentNames={componentNames}
            buildingNames={buildingNames}
            isPending={generate.isPending}
            onChoose={choose}
          />
        )}
        {outcome === 'nothing' && <Alert tone="info">{t('generate.nothing_created')}</Alert>}
        {generate.isError && !conflict && errors.size === 0 && (
          <Alert tone="error" title={t('generate.create_failed')}>
            {describeActionError(generate.error, t, language)}
          </Alert>
        )}
        {!conflict && (
          <Button type="submit" variant="primary" isPending={generate.isPending} disabled={checklist.size === 0}>
            {t('generate.create')}
          </Button>
        )}
      </aside>
    </form>
  );
}

interface ComponentGroup {
  category: string;
  title: { sv: string; en: string };
  components: LibraryComponent[];
}

/** The components by category in the categories' display order, narrowed by the search (part and action names, both languages). */
function groupComponents(
  components: readonly LibraryComponent[],
  search: string,
  itemsById: ReadonlyMap<string, { name: { sv: string; en: string } }>,
  language: 'sv' | 'en',
): ComponentGroup[] {
  const needle = search.trim().toLocaleLowerCase(language);
  const matches = (component: LibraryComponent) =>
    needle === '' ||
    [component.name, ...component.itemIds.flatMap((id) => itemsById.get(id)?.name ?? [])].some(
      (name) => name.sv.toLocaleLowerCase('sv').includes(needle) || name.en.toLocaleLowerCase('en').includes(needle),
    );
  return categories.flatMap((category) => {
    const inCategory = components
      .filter((component) => component.category === category.code && matches(component))
      .sort((a, b) => a.name[language].localeCompare(b.name[language], language));
    return inCategory.length > 0 ? [{ category: category.code, title: { sv: category.sv, en: category.en }, components: inCategory }] : [];
  });
}

function countTicks(checklist: Checklist, componentId: string): number {
  let count = 0;
  for (const entry of checklist.values()) if (entry.componentId === componentId) count += 1;
  return count;
}

function toggled(set: ReadonlySet<string>, value: string): ReadonlySet<string> {
  const next = new Set(set);
  if (!next.delete(value)) next.add(value);
  return next;
}
