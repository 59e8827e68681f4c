import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { categoryCodes } from '../../../shared/categories.ts';
import { builtinId } from './builtin-id.ts';
import { readBuiltinLibrary } from './builtin-library.ts';

/** The data files as written, for what the loaded library no longer shows (source keys). */
function readRaw<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(`./builtin/${file}`, import.meta.url), 'utf8')) as T;
}
interface RawItem {
  key: string;
  category: string;
  kind: string;
  lifetimeSource: string;
  priceSource: string;
}
interface RawSource {
  key: string;
  name: string;
  publisher: string;
  year: number;
  url?: string;
}

const library = readBuiltinLibrary();
const rawItems = readRaw<RawItem[]>('items.json');
const rawSources = readRaw<RawSource[]>('sources.json');
const readme = readFileSync(new URL('./builtin/README.md', import.meta.url), 'utf8');

function item(key: string) {
  const found = library.items.find((candidate) => candidate.id === builtinId(`item:${key}`));
  if (!found) throw new Error(`no built-in item ${key}`);
  return found;
}

/** Inspections: every statutory item, and every item whose key names an inspection. */
const inspectionKey = /\.(besiktning|kontroll|provning|filmning)$/;

describe('the built-in library', () => {
  it('loads with at least 150 items and 60 components', () => {
    expect(library.items.length).toBeGreaterThanOrEqual(150);
    expect(library.components.length).toBeGreaterThanOrEqual(60);
  });

  it('has items and components in every category', () => {
    for (const category of categoryCodes) {
      expect(library.items.filter((candidate) => candidate.category === category).length, category).toBeGreaterThan(0);
      expect(library.components.filter((candidate) => candidate.category === category).length, category).toBeGreaterThan(0);
    }
  });

  it('puts every item in at least one component', () => {
    const inComponents = new Set(library.components.flatMap((component) => component.itemIds));
    const loose = library.items.filter((candidate) => !inComponents.has(candidate.id)).map((candidate) => candidate.name.sv);
    expect(loose).toEqual([]);
  });

  it('uses every source it lists, and lists every source in the README', () => {
    const used = new Set(rawItems.flatMap((raw) => [raw.lifetimeSource, raw.priceSource]));
    expect(rawSources.map((source) => source.key).filter((key) => !used.has(key))).toEqual([]);
    for (const source of rawSources) {
      expect(readme, source.key).toContain(`\`${source.key}\``);
      expect(readme, source.key).toContain(source.name);
      if (source.url) expect(readme, source.key).toContain(source.url);
    }
  });

  it('never has two items with the same Swedish name in a category', () => {
    const seen = new Set<string>();
    const repeated: string[] = [];
    for (const candidate of library.items) {
      const name = `${candidate.category}: ${candidate.name.sv}`;
      if (seen.has(name)) repeated.push(name);
      seen.add(name);
    }
    expect(repeated).toEqual([]);
  });

  it('gives inspections, and only inspections, the kind inspect', () => {
    const wrong = rawItems.filter((raw) => (raw.category === 'myndighet' || inspectionKey.test(raw.key)) !== (raw.kind === 'inspect')).map((raw) => raw.key);
    expect(wrong).toEqual([]);
  });

  it('gives every price the price year 2025 and a whole number of öre', () => {
    for (const candidate of library.items) {
      expect(candidate.priceYear, candidate.name.sv).toBe(2025);
      expect(Math.round(candidate.unitPrice * 100), candidate.name.sv).toBe(candidate.unitPrice * 100);
    }
  });

  it('keeps the statutory intervals of the regulations it cites', () => {
    const ovk = 'Boverkets föreskrifter och allmänna råd om funktionskontroll av ventilationssystem, BFS 2011:16 (OVK 1)';
    expect(item('myndighet.ovk.f-system.besiktning')).toMatchObject({ lifetimeYears: 6, kind: 'inspect', unit: 'lgh' });
    expect(item('myndighet.ovk.f-system.besiktning').source).toContain(`Livslängd: ${ovk}.`);
    expect(item('myndighet.ovk.ftx.besiktning')).toMatchObject({ lifetimeYears: 3, kind: 'inspect' });
    expect(item('myndighet.ovk.ftx.besiktning').source).toContain(`Livslängd: ${ovk}.`);
    expect(item('myndighet.hiss.besiktning')).toMatchObject({ lifetimeYears: 1, kind: 'inspect' });
    expect(item('myndighet.hiss.besiktning').source).toContain('BFS 2012:11 (H 14)');
    expect(item('myndighet.energideklaration')).toMatchObject({ lifetimeYears: 10, kind: 'inspect' });
    expect(item('myndighet.energideklaration').source).toContain('Lag (2006:985) om energideklaration för byggnader');
    expect(item('myndighet.lekplats.besiktning')).toMatchObject({ lifetimeYears: 1, kind: 'inspect' });
    expect(item('myndighet.cistern.kontroll')).toMatchObject({ lifetimeYears: 6, kind: 'inspect' });
    expect(item('myndighet.koldmedia.kontroll')).toMatchObject({ lifetimeYears: 1, kind: 'inspect' });
    expect(item('brand.brandlarm.besiktning')).toMatchObject({ lifetimeYears: 1, kind: 'inspect' });
    expect(item('brand.brandslackare.kontroll')).toMatchObject({ lifetimeYears: 10, kind: 'inspect' });
  });

  it('lists the statutory inspection with the lifts that need it', () => {
    const inspection = builtinId('item:myndighet.hiss.besiktning');
    for (const key of ['transport.linhiss', 'transport.hydraulhiss']) {
      const component = library.components.find((candidate) => candidate.id === builtinId(`component:${key}`));
      expect(component?.itemIds, key).toContain(inspection);
    }
  });

  it('keeps the first two items with their keys and figures', () => {
    expect(item('yttertak.betongpannor.byte')).toMatchObject({
      name: { sv: 'Byte av takbeläggning, betongpannor', en: 'Replacement of concrete roof tiles' },
      unit: 'm2',
      lifetimeYears: 40,
      unitPrice: 1250,
      kind: 'replace',
    });
    expect(item('yttertak.betongpannor.tvatt')).toMatchObject({ unit: 'm2', lifetimeYears: 10, unitPrice: 85, kind: 'maintain' });
  });
});
