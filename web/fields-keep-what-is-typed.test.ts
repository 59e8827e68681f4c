/**
 * A text longer than its field's limit gets the field's error, as the API gives it (the shared
 * schemas' message keys): it is never cut while typed. A `maxLength` on an input or text area cuts
 * it silently — a pasted 230-character action name would be saved as its first 200 — so no
 * component of the web app may set one; the limits live in shared/schemas/ alone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const webRoot = import.meta.dirname;

it('sets no maxLength on any field: too long is an error beside the field, not a cut', () => {
  const found: string[] = [];
  for (const entry of readdirSync(webRoot, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.tsx')) continue;
    const file = path.join(entry.parentPath, entry.name);
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        if (/\bmax[lL]ength\b/.test(line)) found.push(`${path.relative(webRoot, file)}:${index + 1}: ${line.trim()}`);
      });
  }
  expect(found).toEqual([]);
});
