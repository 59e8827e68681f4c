/**
 * docs/product/performance-targets.md § Bundle budget: the web app's initial JavaScript stays
 * within 250 KB gzip. "Initial" is what the browser must fetch before the app can run: the entry
 * module and the chunks it imports statically, which Vite lists in index.html as the module script
 * and its modulepreload links. Lazily loaded chunks (dynamic import) are not counted. The size is
 * read from the build output (deterministic for given sources), so this is a plain test rather than
 * a benchmark.
 *
 * scripts/test.sh builds dist/web before Vitest runs; KVARTER_BUNDLE_DIR points at another build
 * (e.g. `npx vite build --config web/vite.config.ts --outDir /tmp/web-budget`).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';

const budgetBytes = 250 * 1000;
const buildDir = process.env.KVARTER_BUNDLE_DIR ?? path.resolve(import.meta.dirname, '..', 'dist', 'web');

/** The same-origin script URLs index.html loads up front: module scripts and modulepreloads. */
function initialScriptPaths(indexHtml: string): string[] {
  const found = new Set<string>();
  for (const tag of indexHtml.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const isModuleScript = /^<script/i.test(tag) && /\btype=["']?module["']?/i.test(tag);
    const isPreload = /^<link/i.test(tag) && /\brel=["']?modulepreload["']?/i.test(tag);
    const url = /\b(?:src|href)=["']?([^"'\s>]+)/i.exec(tag)?.[1];
    if ((isModuleScript || isPreload) && url) found.add(url);
  }
  return [...found];
}

it('reads the initial scripts from index.html: the module entry and its modulepreloads only', () => {
  const html = `<head><script type="module" crossorigin src="/assets/index-A.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/vendor-B.js">
    <link rel="stylesheet" crossorigin href="/assets/index-C.css"></head>`;
  expect(initialScriptPaths(html)).toEqual(['/assets/index-A.js', '/assets/vendor-B.js']);
});

it('keeps the initial JavaScript of the built web app within 250 KB gzip (level 9)', () => {
  const indexFile = path.join(buildDir, 'index.html');
  if (!existsSync(indexFile)) {
    throw new Error(
      `No web build at ${buildDir} (index.html missing). Run \`npm run build:web\` (npm test does it through ` +
        'scripts/ensure-web-build.sh) or set KVARTER_BUNDLE_DIR to a build of your own.',
    );
  }
  const scripts = initialScriptPaths(readFileSync(indexFile, 'utf8'));
  expect(scripts.length, 'index.html loads no module script: is this a Vite build?').toBeGreaterThan(0);
  const sizes = scripts.map((url) => {
    const file = path.join(buildDir, url.replace(/^\//, ''));
    if (!existsSync(file)) throw new Error(`index.html loads ${url}, but ${file} does not exist: the build is incomplete.`);
    const source = readFileSync(file);
    return { url, rawBytes: source.length, gzipBytes: gzipSync(source, { level: 9 }).length };
  });
  const total = sizes.reduce((sum, size) => sum + size.gzipBytes, 0);
  const detail = sizes.map((size) => `${size.url}: ${(size.gzipBytes / 1000).toFixed(1)} KB gzip (${(size.rawBytes / 1000).toFixed(1)} KB raw)`).join('; ');
  expect(total, `initial JavaScript is ${(total / 1000).toFixed(1)} KB gzip, over the budget of ${budgetBytes / 1000} KB — ${detail}`).toBeLessThanOrEqual(
    budgetBytes,
  );
});
