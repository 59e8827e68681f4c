import { describe, expect, it } from 'vitest';
import type { PlanAnalysis, PlanInput } from '../../shared/cost-model/index.ts';
import { cachedResult, derivedKey, type DerivedFrom } from './derived-values.ts';
import { createPlanCaches } from './plan-caches.ts';
import type { SnapshotRevision } from './read-only-snapshot.ts';
import { asAccountId } from '../db/account-id.ts';

const accountId = '00000000-0000-4000-8000-00000000000a';
const planId = '10000000-0000-4000-8000-000000000001';
const plan: PlanInput = {
  startYear: 2026,
  lengthYears: 30,
  clientCostPercent: 10,
  vatPercent: 25,
  indexation: { enabled: false, annualRatePercent: 0, defaultBaseYear: null },
  fund: { openingBalance: 0, currentProvisionPerYear: 0, provisionGrowthPercent: 0, interestRatePercent: 0, minimumBalance: 0 },
  areaM2: 1000,
};

/** A stand-in result that records which computation made it. */
function fakeAnalysis(label: string): PlanAnalysis {
  return { label, years: [{ year: 2026, total: 1 }] } as unknown as PlanAnalysis;
}

/** As `PlanSnapshots.cachedAnalysis` keeps an analysis: `revision` stands for one read in a snapshot. */
function cachedAnalysis(
  account: string,
  plan: string,
  kind: 'analysis' | 'fund',
  inputs: { plan: PlanInput; revision: number },
  options: object,
  compute: () => PlanAnalysis,
) {
  const from: DerivedFrom = { accountId: asAccountId(account), planId: plan, revision: inputs.revision as SnapshotRevision, planInput: inputs.plan };
  return cachedResult(caches.analyses, derivedKey(from, `${kind} ${JSON.stringify(options)}`), compute);
}
const caches = createPlanCaches();

describe('cachedResult with derivedKey (the analyses of PlanSnapshots)', () => {
  it('computes once per revision, plan input and options, and serves the frozen result after that', () => {
    let computed = 0;
    const compute = (label: string) => () => {
      computed += 1;
      return fakeAnalysis(label);
    };
    const options = { vat: 'excl', includeInvestments: true, asOfYear: 2026 };
    const first = cachedAnalysis(accountId, planId, 'analysis', { plan, revision: 4 }, options, compute('first'));
    expect(cachedAnalysis(accountId, planId, 'analysis', { plan, revision: 4 }, { ...options }, compute('again'))).toBe(first);
    expect(computed).toBe(1);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen((first as unknown as { years: object[] }).years[0])).toBe(true);

    // Each of these is another analysis: a new revision, another setting, another area, other options, the fund, another account.
    expect(cachedAnalysis(accountId, planId, 'analysis', { plan, revision: 5 }, options, compute('revision'))).toMatchObject({ label: 'revision' });
    expect(cachedAnalysis(accountId, planId, 'analysis', { plan: { ...plan, clientCostPercent: 12 }, revision: 5 }, options, compute('setting'))).toMatchObject(
      { label: 'setting' },
    );
    expect(cachedAnalysis(accountId, planId, 'analysis', { plan: { ...plan, areaM2: 1200 }, revision: 5 }, options, compute('area'))).toMatchObject({
      label: 'area',
    });
    expect(cachedAnalysis(accountId, planId, 'analysis', { plan, revision: 5 }, { ...options, asOfYear: 2027 }, compute('year'))).toMatchObject({
      label: 'year',
    });
    expect(cachedAnalysis(accountId, planId, 'fund', { plan, revision: 5 }, options, compute('fund'))).toMatchObject({ label: 'fund' });
    expect(cachedAnalysis('00000000-0000-4000-8000-00000000000b', planId, 'analysis', { plan, revision: 5 }, options, compute('other account'))).toMatchObject({
      label: 'other account',
    });
    expect(computed).toBe(7);
    // The old revision is gone.
    expect(cachedAnalysis(accountId, planId, 'analysis', { plan, revision: 4 }, options, compute('recomputed'))).toMatchObject({ label: 'recomputed' });
  });
});
