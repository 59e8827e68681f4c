/**
 * Does a 10 000-row spreadsheet import (confirm) within 10 s (docs/product/performance-targets.md § Spreadsheet import)?
 *
 * Starts its own TLS-only cluster (ensureLocalCluster, var/bench-import), a fresh database
 * `kvarter_bench_import` in it (dropped again at the end) and the real HTTPS server in this
 * process (startServer: migrations, sessions, CSRF, multipart, the full request path). Signs up one
 * user and makes an organisation and a property through the API. It then writes two files of
 * 10 000 action rows each — a Windows-1252 CSV with semicolons and Swedish numbers (what Swedish
 * Excel saves) and an .xlsx from the import template — with every category and status, 20
 * buildings and 10 locations by name (all new to the property), tags and notes.
 *
 * For each file and each of `rounds` rounds, into a new empty plan: `POST /import?dryRun=true`,
 * then `POST /import` (the confirm: parse, validate, create the buildings and locations, insert
 * in batches, one transaction), timed from the first byte sent to the last byte received, over one
 * keep-alive HTTPS connection. Checks that every round created exactly 10 000 actions. Stops the
 * server and the cluster (if it started it) on every way out, Ctrl-C included.
 *
 *   npx tsx bench/import.bench.ts
 */
import { randomBytes } from 'node:crypto';
import https from 'node:https';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { categories } from '../shared/categories.ts';
import { statusCodes, statusNames } from '../shared/statuses.ts';
import { buildTemplateWorkbook } from '../server/features/spreadsheets/build-template-workbook.ts';
import { benchServer } from './bench-server.ts';
import { signUpForBench } from './bench-session.ts';
import { clientAgent, gitDescription, markdownTable, ms, repoRoot, readResponse, type Response, runBench, summarise, type Target } from './support.ts';

const dataDir = path.join(repoRoot, 'var', 'bench-import');
const databaseName = 'kvarter_bench_import';
const rowCount = 10_000;
const rounds = 3;
/** The goal for the confirm of a 10 000-row file (docs/product/performance-targets.md § Spreadsheet import). */
const goalMs = 10_000;
const timeLimitMs = 10 * 60_000;

const say = (text: string) => process.stderr.write(`${text}\n`);

const bench = benchServer({ dataDir, databaseName, say });
const stopEverything = bench.stop;

/** Row `i` of the files, as the cells of the template's columns (Swedish names, Swedish numbers in the CSV). */
function rowOf(i: number): { cells: (string | number | null)[]; swedishPrice: string } {
  const category = categories[i % categories.length]!;
  const status = statusCodes[i % 4]!;
  const price = ((i * 7919) % 1_000_000) / 100;
  return {
    cells: [
      `Åtgärd ${i}`,
      category.sv,
      `Hus ${i % 20}`,
      i % 3 === 0 ? `Läge ${i % 10}` : null,
      1 + (i % 500),
      ['st', 'm', 'm2', 'm3', 'kg', 'tim'][i % 6]!,
      price,
      2026 + ((i * 13) % 30),
      i % 4 === 0 ? null : 5 + (i % 36),
      statusNames[status].sv,
      i % 7 === 0 ? 2024 : null,
      i % 20 === 0 ? 'ja' : 'nej',
      `P-${i % 50}`,
      i % 9 === 0 ? `Besiktigad vid ronderingen; åtgärd ${i}` : null,
    ],
    swedishPrice: price.toLocaleString('sv-SE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  };
}

function buildCsv(): Buffer {
  const lines = ['Åtgärd;Kategori;Byggnad;Läge;Mängd;Enhet;À-pris;År;Intervall;Status;Basår;Investering;Märkning;Anteckning'];
  for (let i = 0; i < rowCount; i += 1) {
    const { cells, swedishPrice } = rowOf(i);
    cells[6] = swedishPrice;
    lines.push(cells.map((cell) => (cell === null ? '' : /[;"\n]/.test(String(cell)) ? `"${String(cell).replace(/"/g, '""')}"` : String(cell))).join(';'));
  }
  return Buffer.from(lines.join('\r\n'), 'latin1');
}

async function buildXlsx(): Promise<Buffer> {
  const workbook = buildTemplateWorkbook({ buildings: [], locations: [] });
  const sheet = workbook.getWorksheet('Åtgärder')!;
  for (let i = 0; i < rowCount; i += 1) sheet.getRow(3 + i).values = rowOf(i).cells;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A multipart/form-data POST with one file part, timed from sending to the last byte of the answer. */
function postFile(
  agent: https.Agent,
  target: Target,
  requestPath: string,
  headers: Record<string, string>,
  fileName: string,
  content: Buffer,
): Promise<Response & { ms: number }> {
  const boundary = `kvarter-bench-${randomBytes(8).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const outgoing = https.request(
      {
        host: '127.0.0.1',
        port: target.port,
        method: 'POST',
        path: requestPath,
        agent,
        timeout: 120_000,
        headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(body.length) },
      },
      (incoming) => readResponse(incoming).then((response) => resolve({ ...response, ms: performance.now() - started }), reject),
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`POST ${requestPath} timed out`)));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const { target } = await bench.start();
  const agent = clientAgent(target);
  const { accountId, cookie, csrfToken, send, createdId } = await signUpForBench(agent, target, {
    email: 'bench@example.se',
    name: 'Bench',
    accountName: 'Brf Bench',
  });
  const organisationId = await createdId(`/api/accounts/${accountId}/organisations`, { name: 'Brf Bench' });

  say(`Writing the files (${rowCount} rows each)…`);
  const files = [
    { label: 'CSV, Windows-1252, `;`, Swedish numbers', fileName: 'plan.csv', content: buildCsv() },
    { label: '.xlsx from the template', fileName: 'plan.xlsx', content: await buildXlsx() },
  ];

  const results: string[][] = [];
  for (const file of files) {
    const dryRunTimes: number[] = [];
    const confirmTimes: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      // A new property each round, so the buildings and locations are new every time.
      const propertyId = await createdId(`/api/organisations/${organisationId}/properties`, { name: `Bench ${file.fileName} ${round}` });
      const planId = await createdId(`/api/properties/${propertyId}/plans`, { name: 'Underhållsplan', startYear: 2026 });
      const headers = { cookie, 'x-csrf-token': csrfToken };
      const dryRun = await postFile(agent, target, `/api/plans/${planId}/import?dryRun=true`, headers, file.fileName, file.content);
      const checked = JSON.parse(dryRun.body) as { rowCount?: number; errorCount?: number };
      if (dryRun.status !== 200 || checked.rowCount !== rowCount || checked.errorCount !== 0)
        throw new Error(`dry run → ${dryRun.status} ${dryRun.body.slice(0, 500)}`);
      const confirm = await postFile(agent, target, `/api/plans/${planId}/import`, headers, file.fileName, file.content);
      if (confirm.status !== 200 || (JSON.parse(confirm.body) as { created: number }).created !== rowCount)
        throw new Error(`confirm → ${confirm.status} ${confirm.body.slice(0, 500)}`);
      const list = await send('GET', `/api/plans/${planId}/actions`);
      if ((JSON.parse(list.body) as unknown[]).length !== rowCount) throw new Error('the plan does not hold every imported action');
      dryRunTimes.push(dryRun.ms);
      confirmTimes.push(confirm.ms);
      say(`  ${file.fileName} round ${round + 1}: dry run ${ms(dryRun.ms)} ms, confirm ${ms(confirm.ms)} ms`);
    }
    const dry = summarise(dryRunTimes);
    const confirmed = summarise(confirmTimes);
    results.push([
      file.label,
      `${(file.content.length / 1024).toFixed(0)} KiB`,
      ms(dry.p50),
      ms(dry.max),
      ms(confirmed.p50),
      ms(confirmed.max),
      confirmed.max <= goalMs ? 'yes' : '**no**',
    ]);
  }

  const commit = await gitDescription();
  const lines = [
    `## import.bench.ts — ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${commit}`,
    '',
    `${rowCount} rows per file into a new empty plan (20 buildings and 10 locations created by name), ${rounds} rounds per file; ` +
      `${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average ${loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')}; Node ${process.version}; ` +
      'HTTPS over one keep-alive connection, timed from the first byte sent to the last byte of the answer.',
    '',
    markdownTable(['file', 'size', 'dry run p50 ms', 'dry run max ms', 'confirm p50 ms', 'confirm max ms', `confirm ≤ ${goalMs / 1000} s`], results),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

await runBench({ name: 'import.bench.ts', timeLimitMs, main, stop: stopEverything, say });
