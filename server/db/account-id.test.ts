import { describe, expectTypeOf, it } from 'vitest';
import { findPlan } from '../features/plans/plans.queries.ts';
import { asAccountId, type AccountId } from './account-id.ts';
import type { Db } from './database.ts';

// Checked by the type check (`npm run typecheck`), which fails on an unused @ts-expect-error.
describe('AccountId', () => {
  it('is not interchangeable with other ids: a plan id where a tenant query wants the account id fails the type check', () => {
    const planId = '10000000-0000-4000-8000-000000000001';
    expectTypeOf<string>().not.toExtend<AccountId>();
    expectTypeOf<AccountId>().toExtend<string>();
    const typeCheckOnly = (db: Db) => {
      // @ts-expect-error A plan id is not an account id.
      void findPlan(db, planId, planId);
      void findPlan(db, asAccountId('00000000-0000-4000-8000-00000000000a'), planId);
    };
    expectTypeOf(typeCheckOnly).toBeFunction();
  });

  it('is what the database types give for every account_id column', () => {
    expectTypeOf<NonNullable<Awaited<ReturnType<typeof findPlan>>>['accountId']>().toEqualTypeOf<AccountId>();
  });
});
