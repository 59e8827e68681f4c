import { describe, expect, it } from 'vitest';
import { repriceRequestFor } from './reprice-request.ts';

const ids = ['a0a0a0a0-0000-4000-8000-000000000001', 'a0a0a0a0-0000-4000-8000-000000000002', 'a0a0a0a0-0000-4000-8000-000000000003'];

describe('repriceRequestFor', () => {
  it('asks for every candidate without a list when all are ticked', () => {
    expect(repriceRequestFor(ids, new Set())).toEqual({});
  });

  it('names the ticked candidates when some are unticked', () => {
    expect(repriceRequestFor(ids, new Set([ids[1]!]))).toEqual({ actionIds: [ids[0], ids[2]] });
  });

  it('ignores unticked ids that are no longer candidates', () => {
    expect(repriceRequestFor(ids, new Set(['a0a0a0a0-0000-4000-8000-000000000009']))).toEqual({});
  });
});
