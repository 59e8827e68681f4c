/**
 * How long does the PDF board report take for a 10 000-action plan, and how big is it
 * (docs/product/performance-targets.md § PDF board report: "generating the report must stay fast for a 10 000-action plan")?
 *
 * In process and without a database: the report's input (plan, property, buildings, actions with
 * names) is built in memory as `reportDataOf` makes it, then each run goes through what the
 * route does after the read: the cost model (analysePlan, analyseFund, planOccurrences), the
 * layout, the drawing and pdfkit's compression, with the stream read to its end. The database read
 * of that many actions is measured by analysis.bench.ts. Plans of 1 000 and 10 000 actions, 30
 * years (2026–2055), every category and status, recurring every 5–40 years and one-offs, overdue
 * ones, investments, four buildings, names of realistic length.
 *
 * Also: time to the first byte (the stream starts before the last page is drawn), the longest
 * event-loop stall during generation (a 10 ms interval timer: the report yields between pages, so
 * other requests keep being served), and the process's peak RSS.
 *
 *   npx tsx bench/report.bench.ts
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { categoryCodes } from '../shared/categories.ts';
import { analyseFund, analysePlan, planOccurrences, type ActionInput, type PlanInput } from '../shared/cost-model/index.ts';
import { createReportDocument } from '../server/features/reports/report-document.ts';
import type { ReportData } from '../server/features/reports/report-data.ts';
import { markdownTable, median, ms } from './support.ts';

const runs = 5;
const sizes = [1_000, 10_000];
const statuses = ['planned', 'planned', 'planned', 'urgent', 'deferred', 'draft', 'done'] as const;
const units = ['st', 'm2', 'm', 'm3', 'tim'];
const nouns = [
  'Byte av fönster',
  'Målning av fasad',
  'Relining av stammar',
  'Översyn av ventilation',
  'Omläggning av tak',
  'Byte av hissmaskin',
  'Spolning av avlopp',
  'Renovering av tvättstuga',
  'Byte av belysning',
  'Injustering av värme',
];
const places = ['trapphus', 'gård', 'källare', 'vind', 'garage', 'lägenheter'];

function reportDataOf(actionCount: number): ReportData {
  const planInput: PlanInput = {
    startYear: 2026,
    lengthYears: 30,
    clientCostPercent: 10,
    vatPercent: 25,
    indexation: { enabled: true, annualRatePercent: 2, defaultBaseYear: 2026 },
    fund: { openingBalance: 2_000_000, currentProvisionPerYear: 90 * actionCount, provisionGrowthPercent: 2, interestRatePercent: 1, minimumBalance: 500_000 },
    areaM2: 12_400,
  };
  const buildings = ['Hus A', 'Hus B', 'Hus C', 'Garage'].map((name, index) => ({ id: `00000000-0000-4000-8000-00000000000${index}`, name }));
  const actions: ActionInput[] = [];
  const actionTexts: ReportData['actionTexts'] = new Map();
  for (let index = 0; index < actionCount; index += 1) {
    const id = `10000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
    actions.push({
      id,
      category: categoryCodes[index % categoryCodes.length]!,
      buildingId: index % 5 === 0 ? null : buildings[index % buildings.length]!.id,
      locationId: null,
      quantity: 1 + (index % 120),
      unitPrice: 150 + ((index * 7919) % 40_000),
      year: 2020 + (index % 45),
      intervalYears: index % 3 === 0 ? null : 5 + (index % 36),
      status: statuses[index % statuses.length]!,
      baseYear: null,
      isInvestment: index % 23 === 0,
    });
    actionTexts.set(id, {
      name: `${nouns[index % nouns.length]} ${places[index % places.length]} ${1 + (index % 9)}`,
      unit: units[index % units.length]!,
      quantity: 1 + (index % 120),
    });
  }
  actions.sort((a, b) => a.year - b.year);
  return {
    plan: { name: 'Underhållsplan 2026–2055', lengthYears: 30, vatPercent: 25 },
    planInput,
    property: {
      name: 'Brf Åkervägen',
      designation: 'Västerås Åkern 3',
      address: 'Åkervägen 1–9',
      municipality: 'Västerås',
      buildYear: 1968,
      boa: 11_000,
      loa: 1_400,
    },
    buildings,
    actions,
    actionTexts,
    branding: null,
  };
}

interface Run {
  totalMs: number;
  costModelMs: number;
  firstByteMs: number;
  bytes: number;
  pages: number;
  longestStallMs: number;
  occurrences: number;
}

async function generate(data: ReportData): Promise<Run> {
  let longestStallMs = 0;
  let lastTick = performance.now();
  const probe = setInterval(() => {
    const now = performance.now();
    longestStallMs = Math.max(longestStallMs, now - lastTick - 10);
    lastTick = now;
  }, 10);
  const started = performance.now();
  const figures = {
    analysis: analysePlan(data.planInput, data.actions, { vat: 'incl', includeInvestments: true, asOfYear: 2026 }),
    fund: analyseFund(data.planInput, data.actions, { vat: 'incl' }),
    occurrences: planOccurrences(data.planInput, data.actions, { vat: 'incl', includeInvestments: true }),
  };
  const costModelMs = performance.now() - started;
  const document = createReportDocument(data, figures, { language: 'sv', vat: 'incl', isRounded: false, printedAt: new Date() });
  let bytes = 0;
  let firstByteMs = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of document as AsyncIterable<Buffer>) {
    if (bytes === 0) firstByteMs = performance.now() - started;
    bytes += chunk.length;
    chunks.push(chunk);
  }
  const totalMs = performance.now() - started;
  clearInterval(probe);
  // The page tree's /Count is the page count; cheaper than parsing the document.
  const pages = Number(/\/Type \/Pages\s*\/Count (\d+)/.exec(Buffer.concat(chunks).toString('latin1'))?.[1] ?? NaN);
  return { totalMs, costModelMs, firstByteMs, bytes, pages, longestStallMs: Math.max(0, longestStallMs), occurrences: figures.occurrences.length };
}

async function main(): Promise<void> {
  console.log(
    `# Report benchmark: ${new Date().toISOString()}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), load average ${loadavg()
      .map((value) => value.toFixed(1))
      .join(' ')}\n`,
  );
  const rows: string[][] = [];
  let peakRss = 0;
  for (const size of sizes) {
    const data = reportDataOf(size);
    await generate(data); // warm-up: fonts parsed, code compiled
    const results: Run[] = [];
    for (let run = 0; run < runs; run += 1) {
      results.push(await generate(data));
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
    const first = results[0]!;
    rows.push([
      String(size),
      String(first.occurrences),
      String(first.pages),
      `${(first.bytes / 1024 / 1024).toFixed(2)} MiB`,
      ms(median(results.map((result) => result.totalMs))),
      `${ms(Math.min(...results.map((result) => result.totalMs)))}–${ms(Math.max(...results.map((result) => result.totalMs)))}`,
      ms(median(results.map((result) => result.costModelMs))),
      ms(median(results.map((result) => result.firstByteMs))),
      ms(Math.max(...results.map((result) => result.longestStallMs))),
    ]);
  }
  console.log(
    markdownTable(['actions', 'occurrences', 'pages', 'size', 'total p50', 'total min–max', 'cost model p50', 'first byte p50', 'longest stall'], rows),
  );
  console.log(`\nPeak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MiB, ${runs} runs per size after one warm-up.`);
}

await main();
