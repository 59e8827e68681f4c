import { describe, expect, it } from 'vitest';
import { defaultRevisionCacheBytes, RevisionCache, type RevisionKey } from './revision-cache.ts';
import { asAccountId } from '../db/account-id.ts';

const accountA = asAccountId('00000000-0000-4000-8000-00000000000a');
const accountB = asAccountId('00000000-0000-4000-8000-00000000000b');
const plan1 = '10000000-0000-4000-8000-000000000001';
const plan2 = '10000000-0000-4000-8000-000000000002';
const plan3 = '10000000-0000-4000-8000-000000000003';

const key = (overrides: Partial<RevisionKey> = {}): RevisionKey => ({ accountId: accountA, id: plan1, revision: 3, variant: 'list', ...overrides });

describe('RevisionCache', () => {
  it('answers only the exact account, plan, revision and variant it was given', () => {
    const cache = new RevisionCache<string>();
    cache.set(key(), 'A/1/r3/list', 10);
    expect(cache.get(key())).toBe('A/1/r3/list');
    // The same plan id under another account (impossible in the database, but never a hit here).
    expect(cache.get(key({ accountId: accountB }))).toBeUndefined();
    expect(cache.get(key({ id: plan2 }))).toBeUndefined();
    expect(cache.get(key({ revision: 4 }))).toBeUndefined();
    expect(cache.get(key({ revision: 2 }))).toBeUndefined();
    expect(cache.get(key({ variant: 'cost-inputs' }))).toBeUndefined();
  });

  it('keeps two accounts apart even when their keys differ only in the account', () => {
    const cache = new RevisionCache<string>();
    cache.set(key({ accountId: accountA }), 'of A', 4);
    cache.set(key({ accountId: accountB }), 'of B', 4);
    expect(cache.get(key({ accountId: accountA }))).toBe('of A');
    expect(cache.get(key({ accountId: accountB }))).toBe('of B');
    expect(cache.size).toBe(2);
  });

  it('replaces an older revision of the same plan and variant, and frees its bytes', () => {
    const cache = new RevisionCache<string>();
    cache.set(key({ revision: 3 }), 'r3', 100);
    cache.set(key({ revision: 4 }), 'r4', 30);
    expect(cache.get(key({ revision: 3 }))).toBeUndefined();
    expect(cache.get(key({ revision: 4 }))).toBe('r4');
    expect(cache.size).toBe(1);
    expect(cache.bytes).toBe(30);
  });

  it('moves an entry read to the back only when it is in the older half of the order', () => {
    const cache = new RevisionCache<string>(100);
    const ids = Array.from({ length: 16 }, (_, index) => `p${index}`);
    for (const id of ids.slice(0, 10)) cache.set(key({ id }), id, 10);
    // p0 is the oldest: reading it moves it to the back. p6 is in the more recent half: it stays.
    expect(cache.get(key({ id: 'p0' }))).toBe('p0');
    expect(cache.get(key({ id: 'p6' }))).toBe('p6');
    // Six more entries push out the six oldest in order: p1 to p6, but not p0.
    for (const id of ids.slice(10)) cache.set(key({ id }), id, 10);
    expect(ids.filter((id) => cache.get(key({ id })) !== undefined)).toEqual(['p0', 'p7', 'p8', 'p9', 'p10', 'p11', 'p12', 'p13', 'p14', 'p15']);
  });

  it('lets the last value stored win when revisions are not monotonic (row versions)', () => {
    const cache = new RevisionCache<string>(1000, { isMonotonic: false });
    cache.set(key({ revision: 5 }), 'xmin 5', 10);
    cache.set(key({ revision: 4 }), 'xmin 4', 12);
    expect(cache.get(key({ revision: 4 }))).toBe('xmin 4');
    expect(cache.get(key({ revision: 5 }))).toBeUndefined();
    expect(cache.bytes).toBe(12);
  });

  it('does not let a slow reader of an older snapshot replace a newer revision', () => {
    const cache = new RevisionCache<string>();
    cache.set(key({ revision: 5 }), 'r5', 10);
    cache.set(key({ revision: 4 }), 'r4', 10);
    expect(cache.get(key({ revision: 5 }))).toBe('r5');
    expect(cache.get(key({ revision: 4 }))).toBeUndefined();
    expect(cache.bytes).toBe(10);
  });

  it('evicts the least recently used entries once the byte budget is exceeded', () => {
    const cache = new RevisionCache<string>(100);
    cache.set(key({ id: plan1 }), 'one', 40);
    cache.set(key({ id: plan2 }), 'two', 40);
    // Reading plan 1 makes plan 2 the least recently used.
    expect(cache.get(key({ id: plan1 }))).toBe('one');
    cache.set(key({ id: plan3 }), 'three', 40);
    expect(cache.get(key({ id: plan2 }))).toBeUndefined();
    expect(cache.get(key({ id: plan1 }))).toBe('one');
    expect(cache.get(key({ id: plan3 }))).toBe('three');
    expect(cache.bytes).toBe(80);
    expect(cache.size).toBe(2);
  });

  it('evicts as many entries as a big value needs, and never stores one larger than the budget', () => {
    const cache = new RevisionCache<string>(100);
    cache.set(key({ id: plan1 }), 'one', 30);
    cache.set(key({ id: plan2 }), 'two', 30);
    cache.set(key({ id: plan3 }), 'big', 90);
    expect(cache.get(key({ id: plan1 }))).toBeUndefined();
    expect(cache.get(key({ id: plan2 }))).toBeUndefined();
    expect(cache.get(key({ id: plan3 }))).toBe('big');
    expect(cache.bytes).toBe(90);

    cache.set(key({ id: plan1 }), 'too big', 101);
    expect(cache.get(key({ id: plan1 }))).toBeUndefined();
    expect(cache.get(key({ id: plan3 }))).toBe('big');
    expect(cache.bytes).toBe(90);
  });

  it('counts the bytes a stored value grows by, only while that very value is stored, and evicts for them', () => {
    const cache = new RevisionCache<{ parts: string[] }>(100);
    const one = { parts: ['plain'] };
    cache.set(key({ id: plan1 }), one, 40);
    cache.set(key({ id: plan2 }), { parts: ['other'] }, 40);
    cache.grow(key({ id: plan1 }), one, 10);
    expect(cache.bytes).toBe(90);
    // Another revision, or another value under the same key, is not what grew.
    cache.grow(key({ id: plan1, revision: 4 }), one, 10);
    cache.grow(key({ id: plan1 }), { parts: ['plain'] }, 10);
    expect(cache.bytes).toBe(90);
    // Growing past the budget evicts the least recently used entry.
    cache.grow(key({ id: plan1 }), one, 20);
    expect(cache.get(key({ id: plan2 }))).toBeUndefined();
    expect(cache.get(key({ id: plan1 }))).toBe(one);
    expect(cache.bytes).toBe(70);
  });

  it('holds 64 MiB by default and empties on clear', () => {
    const cache = new RevisionCache<string>();
    expect(cache.maxBytes).toBe(64 * 1024 * 1024);
    expect(defaultRevisionCacheBytes).toBe(67_108_864);
    cache.set(key(), 'value', 5);
    cache.clear();
    expect(cache.get(key())).toBeUndefined();
    expect(cache.bytes).toBe(0);
    expect(cache.size).toBe(0);
  });
});
