import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseFund, analysePlan, planOccurrences } from '../../shared/cost-model/index.ts';
import { analysisResponseSchema, fundResponseSchema } from '../../shared/schemas/analysis.ts';
import { occurrencesResponseOf } from '../features/actions/occurrences-response.ts';
import { findPlan } from '../features/plans/plans.queries.ts';
import { created, createPropertyWithPlan, signUpTeam, type Team } from '../test-support/plan-data.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { actionsListFromRows, costInputsFromRows } from '../test-support/actions-from-rows.ts';
import { planCostInputOf } from './plan-cost-input.ts';
import { findPlanInSnapshot, findPlanRevision, listActionVersions } from './plan-snapshot.queries.ts';
import { createPlanCaches } from './plan-caches.ts';
import { PlanSnapshots } from './plan-snapshots.ts';
import { inReadOnlySnapshot } from './read-only-snapshot.ts';

/**
 * The cached endpoints (list, occurrences, analysis, fund) must answer after every kind of write
 * exactly what an uncached computation from the database answers at that moment.
 */
let testApp: TestApp;
let team: Team;
let other: Team;
let own: Awaited<ReturnType<typeof createPropertyWithPlan>>;
let foreign: Awaited<ReturnType<typeof createPropertyWithPlan>>;

beforeAll(async () => {
  testApp = await createTestApp();
  team = await signUpTeam(testApp.app);
  other = await signUpTeam(testApp.app);
  own = await createPropertyWithPlan(team.editor.client, team.accountId);
  foreign = await createPropertyWithPlan(other.editor.client, other.accountId);
  await team.editor.client.patch(`/api/properties/${own.propertyId}`, { boa: 1200, loa: 300 });
});
afterAll(async () => {
  await testApp.close();
});

type Created = { id: string };
const db = () => testApp.database.db;
/** The module below the permission check, on the app's own caches. */
const snapshots = () => new PlanSnapshots(db(), testApp.planCaches);
const asOfYear = 2026;

/** What each endpoint answers when nothing is cached: straight from the tables, as the services compute it. */
async function uncached(planId: string, accountId = team.accountId) {
  const plan = (await findPlan(db(), accountId, planId))!;
  const inListOrder = await costInputsFromRows(db(), planId, 'list');
  const byId = await costInputsFromRows(db(), planId, 'id');
  const property = await db().selectFrom('properties').select(['boa', 'loa']).where('id', '=', plan.propertyId).executeTakeFirstOrThrow();
  const input = planCostInputOf(plan, (property.boa ?? 0) + (property.loa ?? 0));
  const viaJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
  return {
    list: await actionsListFromRows(db(), planId),
    occurrences: viaJson(occurrencesResponseOf(planOccurrences(planCostInputOf(plan, 0), inListOrder, { vat: 'excl', includeInvestments: true }))),
    analysis: viaJson(analysisResponseSchema.parse(analysePlan(input, byId, { vat: 'excl', includeInvestments: true, asOfYear }))),
    fund: viaJson(fundResponseSchema.parse(analyseFund(input, byId, { vat: 'excl' }))),
  };
}

/** The body of an answer as the client reads it, decompressed as its Content-Encoding says. */
function decoded(response: LightMyRequestResponse): string {
  const encoding = response.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(response.rawPayload).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(response.rawPayload).toString('utf8');
  expect(encoding).toBeUndefined();
  return response.body;
}

/**
 * Reads every cached endpoint twice (the second a hit) and compares both with the uncached answer;
 * the list and the occurrences also compressed (cached per revision as well), as browsers ask.
 */
async function expectFresh(planId: string, client = team.viewer.client, accountId = team.accountId): Promise<void> {
  const expected = await uncached(planId, accountId);
  for (let pass = 0; pass < 2; pass += 1) {
    for (const [acceptEncoding, encoding] of [
      [undefined, undefined],
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip', 'gzip'],
    ] as const) {
      const headers = acceptEncoding === undefined ? undefined : { 'accept-encoding': acceptEncoding };
      const list = await client.get(`/api/plans/${planId}/actions`, headers);
      expect(list.statusCode).toBe(200);
      expect(list.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(list.headers['content-encoding']).toBe(encoding);
      expect(list.headers.vary).toContain('accept-encoding');
      expect(decoded(list)).toBe(expected.list);
      const occurrences = await client.get(`/api/plans/${planId}/occurrences`, headers);
      expect(occurrences.headers['content-encoding']).toBe(encoding);
      expect(JSON.parse(decoded(occurrences))).toEqual(expected.occurrences);
    }
    expect((await client.get(`/api/plans/${planId}/analysis?asOfYear=${asOfYear}`)).json()).toEqual(expected.analysis);
    expect((await client.get(`/api/plans/${planId}/fund`)).json()).toEqual(expected.fund);
  }
}

const action = (overrides: Record<string, unknown> = {}) => ({
  name: 'Målning fönster',
  category: 'fasad',
  quantity: 40,
  unit: 'st',
  unitPrice: 2500,
  year: 2027,
  intervalYears: 8,
  ...overrides,
});

describe('the plan revision cache behind the list, occurrences, analysis and fund', () => {
  it('answers fresh data after every kind of write, alternating with reads', async () => {
    const editor = team.editor.client;
    const planId = own.planId;
    await expectFresh(planId);

    const windows = created<Created>(await editor.post(`/api/plans/${planId}/actions`, action({ buildingId: own.buildingId })));
    await expectFresh(planId);
    const roof = created<Created>(
      await editor.post(
        `/api/plans/${planId}/actions`,
        action({ name: 'Takbyte', category: 'yttertak', unitPrice: 900_000, quantity: 1, year: 2022, intervalYears: null, locationId: own.locationId }),
      ),
    );
    await expectFresh(planId);

    expect((await editor.patch(`/api/actions/${windows.id}`, { quantity: 44, note: 'Ny mätning' })).statusCode).toBe(200);
    await expectFresh(planId);

    expect((await editor.post(`/api/actions/${windows.id}/complete`, { year: 2027, actualCost: 101_000 })).statusCode).toBe(201);
    await expectFresh(planId);

    expect(
      (await editor.post(`/api/plans/${planId}/actions/bulk-update`, { actionIds: [windows.id, roof.id], changes: { year: 2031, status: 'urgent' } }))
        .statusCode,
    ).toBe(200);
    await expectFresh(planId);

    expect((await editor.delete(`/api/buildings/${own.buildingId}`)).statusCode).toBe(204);
    await expectFresh(planId);
    expect((await editor.delete(`/api/locations/${own.locationId}`)).statusCode).toBe(204);
    await expectFresh(planId);

    // A writer that bypasses the services (an import, a migration, psql): the trigger still bumps.
    await sql`update actions set unit_price = 1234.5 where id = ${roof.id}`.execute(db());
    await expectFresh(planId);
    await sql`
      insert into actions (account_id, property_id, plan_id, name, category, quantity, unit, unit_price, year, status)
      select ${team.accountId}::uuid, ${own.propertyId}::uuid, ${planId}::uuid, 'Import ' || i, 'el', i, 'st', 100 * i, 2030 + i, 'planned'
      from generate_series(1, 5) as i
    `.execute(db());
    await expectFresh(planId);
    // Two changes of one row in one transaction (other snapshots see only the final one), and a
    // change rolled back (the row keeps its version).
    await db()
      .transaction()
      .execute(async (transaction) => {
        await sql`update actions set quantity = 3 where id = ${roof.id}`.execute(transaction);
        await sql`update actions set quantity = 4, note = 'Två ändringar' where id = ${roof.id}`.execute(transaction);
      });
    await expectFresh(planId);
    await db()
      .transaction()
      .execute(async (transaction) => {
        await sql`update actions set quantity = 5 where id = ${roof.id}`.execute(transaction);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await expectFresh(planId);

    // Plan settings and the property's area are read on every request, and are part of a cached analysis's key.
    expect((await editor.patch(`/api/plans/${planId}`, { startYear: 2028, clientCostPercent: 12 })).statusCode).toBe(200);
    await expectFresh(planId);
    expect((await editor.patch(`/api/properties/${own.propertyId}`, { boa: 1500 })).statusCode).toBe(200);
    await expectFresh(planId);
    expect((await editor.patch(`/api/plans/${planId}`, { startYear: 2026, clientCostPercent: 10 })).statusCode).toBe(200);
    await expectFresh(planId);

    expect((await editor.delete(`/api/actions/${windows.id}`)).statusCode).toBe(204);
    await expectFresh(planId);
  });

  it('answers 404 once the plan is deleted, although its actions were cached', async () => {
    const planId = created<Created>(await team.editor.client.post(`/api/properties/${own.propertyId}/plans`, { name: 'Kortlivad', startYear: 2026 })).id;
    await team.editor.client.post(`/api/plans/${planId}/actions`, action());
    await expectFresh(planId);
    expect((await team.editor.client.delete(`/api/plans/${planId}`)).statusCode).toBe(204);
    for (const path of ['actions', 'occurrences', 'analysis', 'fund']) {
      const response = await team.viewer.client.get(`/api/plans/${planId}/${path}`, { 'accept-encoding': 'br, gzip' });
      expect(response.statusCode).toBe(404);
      // The error answer is plain JSON, whatever the client accepts.
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(response.json()).toMatchObject({ error: { code: 'not_found' } });
    }
    expect(await snapshots().actionsListJson(team.accountId, planId)).toBeUndefined();
  });

  it("never serves another account's plan: the membership is checked first and the key holds the account", async () => {
    await other.editor.client.post(`/api/plans/${foreign.planId}/actions`, action({ name: 'Främmande' }));
    await expectFresh(foreign.planId, other.viewer.client, other.accountId);
    for (const path of ['actions', 'occurrences', 'analysis', 'fund']) {
      const response = await team.viewer.client.get(`/api/plans/${foreign.planId}/${path}`);
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain('Främmande');
    }
    // Even below the permission check, the other account's id finds nothing, cached or not.
    expect(await snapshots().actionsListJson(team.accountId, foreign.planId)).toBeUndefined();
    expect((await snapshots().actionsListJson(other.accountId, foreign.planId))?.toString()).toContain('Främmande');
  });

  it('serves a hit without reading the list again, and refuses to read inside a caller transaction', async () => {
    const first = await snapshots().actionsListJson(team.accountId, own.planId);
    const second = await snapshots().actionsListJson(team.accountId, own.planId);
    expect(first).toBeDefined();
    expect(second).toBe(first);
    await expect(
      db()
        .transaction()
        .execute(async (transaction) => {
          // @ts-expect-error A caller's transaction, which may have written, is not a read-only snapshot.
          await findPlanInSnapshot(transaction, team.accountId, own.planId);
          // Built on a transaction instead of the pool, the module cannot open its snapshot in it.
          return new PlanSnapshots(transaction, testApp.planCaches).read(team.accountId, own.planId, {});
        }),
    ).rejects.toThrow('calling the transaction method for a Transaction is not supported');
  });

  it('is not poisoned by a read during an uncommitted write: the read sees and caches the committed state', async () => {
    const planId = own.planId;
    const before = await uncached(planId);
    const revisionBefore = await findPlanRevision(db(), team.accountId, planId);
    await db()
      .transaction()
      .execute(async (transaction) => {
        await transaction.updateTable('actions').set({ quantity: 777 }).where('plan_id', '=', planId).execute();
        // The pool's other connections see the committed state and its revision, and cache that.
        expect((await team.viewer.client.get(`/api/plans/${planId}/actions`)).body).toBe(before.list);
        expect((await team.viewer.client.get(`/api/plans/${planId}/fund`)).json()).toEqual(before.fund);
      });
    expect(await findPlanRevision(db(), team.accountId, planId)).toBe(revisionBefore! + 1);
    await expectFresh(planId);
    expect((await team.viewer.client.get(`/api/plans/${planId}/actions`)).body).toContain('"quantity":777');
  });

  it('serves the cost-model inputs in the list order and by id exactly as the rows are, from a miss and from a hit', async () => {
    // Nothing cached: the first list read reads every row, the first id read takes them from the
    // row cache in the other order, the last two are plan-cache hits.
    testApp.planCaches.plans.clear();
    testApp.planCaches.rows.clear();
    for (const order of ['list', 'id', 'list', 'id'] as const) {
      const served = (await snapshots().read(team.accountId, own.planId, { costInputs: order }))!.costInputs;
      expect(served.length).toBeGreaterThan(3);
      expect(served, order).toEqual(await costInputsFromRows(db(), own.planId, order));
    }
  });

  it('reads again only the actions whose row version changed, and keeps the others from their cached rows', async () => {
    const planId = created<Created>(await team.editor.client.post(`/api/properties/${own.propertyId}/plans`, { name: 'Radversioner', startYear: 2026 })).id;
    const kept = created<Created>(await team.editor.client.post(`/api/plans/${planId}/actions`, action({ name: 'Oförändrad' })));
    const changed = created<Created>(await team.editor.client.post(`/api/plans/${planId}/actions`, action({ name: 'Ändras', year: 2028 })));
    await expectFresh(planId);
    // A marker in place of the unchanged action's cached JSON, under its current row version: if
    // the next miss of the plan read that row again, the marker would not be in the answer.
    const versions = await inReadOnlySnapshot(db(), (snapshot) => listActionVersions(snapshot, team.accountId, planId, 'list'));
    const keptVersion = versions.find((entry) => entry.id === kept.id)!.version;
    testApp.planCaches.rows.set(
      { accountId: team.accountId, id: kept.id, revision: keptVersion, variant: 'action-json' },
      Buffer.from('{"marker":"from the row cache"}'),
      100,
    );
    expect((await team.editor.client.patch(`/api/actions/${changed.id}`, { quantity: 41 })).statusCode).toBe(200);
    const list = JSON.parse((await team.viewer.client.get(`/api/plans/${planId}/actions`)).body) as Array<Record<string, unknown>>;
    expect(list).toEqual([{ marker: 'from the row cache' }, expect.objectContaining({ id: changed.id, quantity: 41 })]);
    // Without the marker the answer is the database's again.
    testApp.planCaches.rows.clear();
    testApp.planCaches.plans.clear();
    await expectFresh(planId);
  });

  it('reads many plans in batches with exactly what reading each gives, whatever the caches hold', async () => {
    // More plans than one snapshot's batch, across two accounts, one without actions.
    const planIds: string[] = [];
    for (let index = 0; index < 23; index += 1) {
      planIds.push(created<Created>(await team.editor.client.post(`/api/properties/${own.propertyId}/plans`, { name: `Många ${index}`, startYear: 2026 })).id);
    }
    await sql`
      insert into actions (account_id, property_id, plan_id, name, category, quantity, unit, unit_price, year, interval_years, status, tags, note)
      select ${team.accountId}::uuid, ${own.propertyId}::uuid, plan_id, 'Åtgärd ' || i, 'fasad', i, 'm2', 100.5 * i + n, 2026 + (i * n) % 30,
             case when i % 2 = 0 then null else 1 + i % 9 end, case when i % 3 = 0 then 'urgent' else 'planned' end, '{}', ''
      from unnest(${planIds.slice(1)}::uuid[]) with ordinality as plan(plan_id, n), generate_series(1, 5 + n::int % 7) as i`.execute(db());
    const plans = [
      ...planIds.map((planId) => ({ accountId: team.accountId, planId })),
      { accountId: other.accountId, planId: foreign.planId },
      // Another account's plan under this account's id: left out, as `read` finds nothing.
      { accountId: team.accountId, planId: foreign.planId },
    ];
    const eachRead = async () => {
      const fresh = new PlanSnapshots(db(), createPlanCaches());
      return Promise.all(plans.slice(0, -1).map(async ({ accountId, planId }) => (await fresh.read(accountId, planId, { costInputs: 'id' }))!));
    };
    const expectSameAsEachRead = async (label: string) => {
      const many = await snapshots().readMany(plans, 'id');
      const expected = await eachRead();
      expect(
        many.map((snapshot) => snapshot.planId),
        label,
      ).toEqual(expected.map((snapshot) => snapshot.planId));
      for (const [index, snapshot] of many.entries()) {
        const { accountId, planId, plan, planInput, costInputs } = expected[index]!;
        expect({ accountId: snapshot.accountId, planId: snapshot.planId, plan: snapshot.plan, planInput: snapshot.planInput }, label).toEqual({
          accountId,
          planId,
          plan,
          planInput,
        });
        expect(snapshot.costInputs, `${label}: ${planId}`).toEqual(costInputs);
        expect(snapshot.costInputs, `${label}: ${planId} as the rows are`).toEqual(await costInputsFromRows(db(), planId, 'id'));
      }
    };
    // Nothing cached: every plan read whole.
    testApp.planCaches.plans.clear();
    testApp.planCaches.rows.clear();
    await expectSameAsEachRead('nothing cached');
    // Every plan cached.
    await expectSameAsEachRead('every plan cached');
    // One action changed (its plan reads only that row again), one plan's inputs dropped (its rows
    // come from the row cache), one action added to the plan that had none.
    const [changedId] = (await db().selectFrom('actions').select('id').where('plan_id', '=', planIds[5]!).orderBy('id').limit(1).execute()).map(
      (row) => row.id,
    );
    expect((await team.editor.client.patch(`/api/actions/${changedId}`, { quantity: 4242 })).statusCode).toBe(200);
    created(await team.editor.client.post(`/api/plans/${planIds[0]}/actions`, action({ name: 'Första' })));
    testApp.planCaches.plans.clear();
    await expectSameAsEachRead('some rows changed, the plans dropped');
  });

  it('stays within its byte budgets', async () => {
    for (const cache of [testApp.planCaches.plans, testApp.planCaches.rows]) {
      expect(cache.maxBytes).toBe(64 * 1024 * 1024);
      expect(cache.bytes).toBeGreaterThan(0);
      expect(cache.bytes).toBeLessThanOrEqual(cache.maxBytes);
    }
  });
});
