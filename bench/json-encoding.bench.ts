/**
 * Which compression settings for the large JSON answers (decision 0016)? Builds, in memory, an
 * action list shaped like `GET /api/plans/:id/actions` at 10 000 actions (the fields, ids and the
 * value mix of actions.bench.ts's plan: every category and status, tags, some notes; about
 * 5 MiB) and compresses it with gzip and brotli at several levels, as the server does (zlib on the
 * thread pool), 7 times each after one warm-up. Reports the median time and the size.
 *
 *   npx tsx bench/json-encoding.bench.ts
 */
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { categoryCodes } from '../shared/categories.ts';
import { statusCodes } from '../shared/statuses.ts';
import { gitDescription, markdownTable, median, ms } from './support.ts';

const runs = 7;
const [accountId, planId, propertyId, buildingId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
const list = Buffer.from(
  JSON.stringify(
    Array.from({ length: 10_000 }, (_, i) => ({
      id: randomUUID(),
      accountId,
      planId,
      propertyId,
      name: `Åtgärd ${i}`,
      category: categoryCodes[i % categoryCodes.length],
      buildingId: i % 3 === 0 ? buildingId : null,
      locationId: null,
      quantity: 1 + (i % 500),
      unit: ['st', 'm', 'm2', 'm3', 'kg', 'tim'][i % 6],
      unitPrice: ((i * 7919) % 1_000_000) / 100,
      year: 2020 + ((i * 13) % 40),
      intervalYears: i % 4 === 0 ? null : 5 + (i % 36),
      status: statusCodes[i % statusCodes.length],
      baseYear: i % 7 === 0 ? 2020 : null,
      isInvestment: i % 20 === 0,
      tags: [`P-${i % 50}`],
      note: i % 9 === 0 ? `Besiktigad vid ronderingen, åtgärd ${i}` : '',
      createdAt: new Date(Date.UTC(2026, 10, 27, 13, 0, 0, i)).toISOString(),
      updatedAt: new Date(Date.UTC(2026, 10, 27, 13, 0, 0, i)).toISOString(),
    })),
  ),
);

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);
const settings: Array<{ label: string; compress: () => Promise<Buffer> }> = [
  ...[1, 6, 9].map((level) => ({ label: `gzip level ${level}`, compress: () => gzip(list, { level }) })),
  ...[1, 4, 6].map((quality) => ({
    label: `brotli quality ${quality}`,
    compress: () =>
      brotli(list, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: quality,
          [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: list.byteLength,
        },
      }),
  })),
];

const rows: string[][] = [];
for (const { label, compress } of settings) {
  let size = 0;
  const times: number[] = [];
  for (let run = 0; run <= runs; run += 1) {
    const started = performance.now();
    size = (await compress()).byteLength;
    if (run > 0) times.push(performance.now() - started);
  }
  rows.push([label, ms(median(times)), `${(size / 1024).toFixed(0)} KiB`, `${(list.byteLength / size).toFixed(1)}×`]);
}
process.stdout.write(
  [
    `## json-encoding.bench.ts — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${await gitDescription()}`,
    '',
    `A 10 000-action list of ${(list.byteLength / 1024 / 1024).toFixed(2)} MiB; median of ${runs} runs after one warm-up. ${cpus().length} CPUs, load average ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}; Node ${process.version}.`,
    '',
    markdownTable(['setting', 'ms', 'size', 'ratio'], rows),
    '',
  ].join('\n'),
);
