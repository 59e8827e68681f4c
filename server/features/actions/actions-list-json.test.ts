import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryCodes } from '../../../shared/categories.ts';
import { planOccurrences } from '../../../shared/cost-model/index.ts';
import { occurrencesResponseSchema } from '../../../shared/schemas/action.ts';
import { statusCodes } from '../../../shared/statuses.ts';
import { findPlan } from '../plans/plans.queries.ts';
import { planCostInputOf } from '../../plan-snapshot/plan-cost-input.ts';
import { actionsListFromRows, costInputsFromRows } from '../../test-support/actions-from-rows.ts';
import { created, createPropertyWithPlan, signUpTeam, type Team } from '../../test-support/plan-data.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

/**
 * GET /api/plans/:id/actions is written by PostgreSQL (findActionsJson), and the occurrences read
 * their cost inputs as JSON and skip the zod parse. Both bodies must stay byte for byte what the
 * API sent before: rows read by node-pg (numerics through `Number`, timestamps through `Date`),
 * checked by the response schema and stringified by JSON.stringify.
 */
let testApp: TestApp;
let team: Team;
let own: Awaited<ReturnType<typeof createPropertyWithPlan>>;

beforeAll(async () => {
  testApp = await createTestApp();
  team = await signUpTeam(testApp.app);
  own = await createPropertyWithPlan(team.editor.client, team.accountId);
});
afterAll(async () => {
  await testApp.close();
});

/** The occurrences as the cost model made them from node-pg's rows, through `occurrencesResponseSchema`. */
async function previousOccurrencesBody(planId: string, options: { vat: 'excl' | 'incl'; includeInvestments: boolean }): Promise<string> {
  const db = testApp.database.db;
  const plan = (await findPlan(db, team.accountId, planId))!;
  const inputs = await costInputsFromRows(db, planId);
  return JSON.stringify(occurrencesResponseSchema.parse(planOccurrences(planCostInputOf(plan, 0), inputs, options)));
}

/** Every variant of the occurrences query answers exactly the previous body. */
async function expectSameOccurrences(planId: string): Promise<void> {
  for (const [query, options] of [
    ['', { vat: 'excl', includeInvestments: true }],
    ['?vat=incl', { vat: 'incl', includeInvestments: true }],
    ['?vat=incl&includeInvestments=false', { vat: 'incl', includeInvestments: false }],
  ] as const) {
    const response = await team.viewer.client.get(`/api/plans/${planId}/occurrences${query}`);
    expect(response.statusCode).toBe(200);
    expect(response.body, query).toBe(await previousOccurrencesBody(planId, options));
  }
}

async function currentBody(planId: string): Promise<string> {
  const response = await team.viewer.client.get(`/api/plans/${planId}/actions`);
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
  return response.body;
}

async function createPlan(): Promise<string> {
  return created<{ id: string }>(
    await team.editor.client.post(`/api/properties/${own.propertyId}/plans`, {
      name: 'Plan',
      startYear: 2026,
      // Indexed prices and client costs, so the occurrence costs are long chains of double arithmetic.
      clientCostPercent: 12.5,
      vatPercent: 25,
      indexation: { enabled: true, annualRatePercent: 2.35, defaultBaseYear: 2024 },
    }),
  ).id;
}

async function createAction(planId: string, body: Record<string, unknown>): Promise<string> {
  const base = { name: 'Åtgärd', category: 'fasad', quantity: 1, unit: 'st', unitPrice: 100, year: 2030 };
  return created<{ id: string }>(await team.editor.client.post(`/api/plans/${planId}/actions`, { ...base, ...body })).id;
}

describe('the action list written by PostgreSQL', () => {
  it('is byte for byte the previous body for varied actions', async () => {
    const planId = await createPlan();
    const texts = [
      'Byte av "takpapp"',
      'Back\\slash och /snedstreck/',
      'Rad ett\nrad två\r\ntab\tslut',
      'Styrtecken \u0001 \u0008 \u000c \u001f \u007f',
      'Unicode: ÅÄÖ åäö ß € 😀 𝄞 \u2028 \u2029 \u00a0',
      '</script><script>alert(1)</script>',
      "Enkelfnutt ' och {klamrar} [hakar]",
    ];
    const quantities = [
      0,
      1,
      0.5,
      0.1,
      0.125,
      12.5,
      1 / 3,
      2 / 3,
      123456.789,
      999_999_999.999_999_9,
      1_000_000_000,
      1e-4,
      0.000_15,
      0.000_015,
      1.5e-6,
      1e-6,
      9.99e-7,
      1e-7,
      1.234_567_89e-9,
      5e-324,
    ];
    const unitPrices = [0, 0.01, 0.1, 19.99, 640.5, 2500, 100_000.1, 1_234_567.89, 999_999_999_999.99];
    const ids: string[] = [];
    for (const [index, category] of categoryCodes.entries()) {
      ids.push(
        await createAction(planId, {
          name: texts[index % texts.length],
          category,
          status: statusCodes[index % statusCodes.length],
          quantity: quantities[index % quantities.length],
          unit: ['st', 'm2', 'tim', 'lägenhet', '"x"'][index % 5],
          unitPrice: unitPrices[index % unitPrices.length],
          year: 2026 + (index % 3),
          intervalYears: index % 2 === 0 ? null : 1 + index,
          baseYear: index % 3 === 0 ? null : 2020 + index,
          buildingId: index % 4 === 0 ? own.buildingId : null,
          locationId: index % 5 === 0 ? own.locationId : null,
          isInvestment: index % 6 === 0,
          tags: index % 3 === 0 ? [] : [texts[(index + 1) % texts.length]!.slice(0, 40), `P-${index}`, 'Ω'],
          note: texts[(index + 2) % texts.length],
        }),
      );
    }
    for (const [index, quantity] of quantities.entries()) {
      ids.push(
        await createAction(planId, {
          name: `Mängd ${index}`,
          quantity,
          unitPrice: unitPrices[index % unitPrices.length],
          year: 2040,
          status: statusCodes[index % statusCodes.length],
        }),
      );
    }
    // Numerics no API request writes (more digits than a double holds, trailing zeros) and
    // timestamps at the edges of a millisecond.
    const oddRows: [string, string, string][] = [
      ['1.23456789012345678901234', '2026-01-01 00:00:00.999999+00', '2026-01-01 00:00:00.000001+00'],
      ['0.10000', '1999-12-31 23:59:59.0005+00', '2000-01-01 00:00:00+00'],
      ['7.0000000000000000001', '2026-06-15 12:00:00.5+02', '2026-06-15 12:00:00.12345+05:30'],
      ['0.00001000', '2026-03-29 01:59:59.999+00', '2026-10-25 02:30:00.001+01'],
      ['999999999.99999999999', '1970-01-01 00:00:00+00', '2199-12-31 23:59:59.999999+00'],
      // Below 1e-4 as a numeric, exactly 1e-4 as a double.
      ['0.0000999999999999999999999', '2026-02-28 23:59:59.9999+00', '2026-03-01 00:00:00.0001+00'],
    ];
    for (const [index, [quantity, createdAt, updatedAt]] of oddRows.entries()) {
      await sql`update actions set quantity = ${quantity}::numeric, created_at = ${createdAt}::timestamptz, updated_at = ${updatedAt}::timestamptz where id = ${ids[index]!}`.execute(
        testApp.database.db,
      );
    }
    // Same year and category: ordered by name (Å after Z in the database's collation), then id.
    for (const name of ['Z', 'a', 'Å', 'A', 'A']) await createAction(planId, { name, year: 2041 });

    const body = await currentBody(planId);
    expect(body).toBe(await actionsListFromRows(testApp.database.db, planId));
    const parsed = JSON.parse(body) as { quantity: number; unitPrice: number; status: string; category: string }[];
    expect(parsed).toHaveLength(categoryCodes.length + quantities.length + 5);
    expect(new Set(parsed.map((action) => action.status))).toEqual(new Set(statusCodes));
    expect(new Set(parsed.map((action) => action.category))).toEqual(new Set(categoryCodes));
    expect(body).toContain('"quantity":1e-7,');
    expect(body).toContain('"quantity":0.000015,');
    expect(body).toContain('"quantity":5e-324,');
    expect(body).toContain('"quantity":0.0001,');
    expect(body).toContain('"unitPrice":2500,');
    expect(body).toContain('"unitPrice":999999999999.99,');
    expect(body).toContain('"createdAt":"2026-01-01T00:00:00.999Z"');
    expect(body).toContain('"updatedAt":"2026-06-15T06:30:00.123Z"');
    await expectSameOccurrences(planId);
  });

  it('writes every double a request can store as JavaScript does, and costs them as before (2 000 random quantities and prices)', async () => {
    const planId = await createPlan();
    // Deterministic pseudo-random values (a fixed-seed LCG) over every magnitude of the range.
    let seed = 20_261_127;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const quantities = Array.from({ length: 2000 }, () => {
      const exponent = Math.floor(next() * 19) - 10;
      const digits = 1 + Math.floor(next() * 17);
      return Math.min(1e9, Number((next() * 10 ** exponent).toPrecision(digits)));
    });
    const unitPrices = quantities.map(() => Math.round(next() * 10 ** Math.floor(next() * 15)) / 100);
    // As an API request stores them: node-pg sends String(number).
    await sql`
      insert into actions (account_id, property_id, plan_id, name, category, quantity, unit, unit_price, year, interval_years, base_year, is_investment, status)
      select ${team.accountId}::uuid, ${own.propertyId}::uuid, ${planId}::uuid, 'Slump ' || position, 'el', quantity, 'st', unit_price,
             2020 + position % 40, case when position % 3 = 0 then null else 1 + position % 30 end, case when position % 4 = 0 then 2015 end,
             position % 7 = 0, (array['draft', 'planned', 'urgent', 'deferred', 'done'])[1 + position % 5]
      from unnest(${quantities.map(String)}::numeric[], ${unitPrices.map(String)}::numeric[]) with ordinality as input(quantity, unit_price, position)
    `.execute(testApp.database.db);
    const body = await currentBody(planId);
    expect(body).toBe(await actionsListFromRows(testApp.database.db, planId));
    expect((JSON.parse(body) as unknown[]).length).toBe(2000);
    await expectSameOccurrences(planId);
  });

  it('is [] for a plan without actions', async () => {
    const planId = await createPlan();
    expect(await currentBody(planId)).toBe('[]');
    expect((await team.viewer.client.get(`/api/plans/${planId}/occurrences`)).body).toBe('[]');
  });
});
