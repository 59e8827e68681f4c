import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { created, createPropertyWithPlan, expectAllNotFound, isoTimestamp, signUpTeam, type Team } from '../../test-support/plan-data.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

let testApp: TestApp;
let team: Team;
let other: Team;

beforeAll(async () => {
  testApp = await createTestApp();
  team = await signUpTeam(testApp.app);
  other = await signUpTeam(testApp.app);
});
afterAll(async () => {
  await testApp.close();
});

type Body = Record<string, unknown> & { id: string };

const versionsUrl = (planId: string) => `/api/plans/${planId}/versions`;
const diffUrl = (planId: string, versionId: string, query = '') => `/api/plans/${planId}/versions/${versionId}/diff${query}`;
const restoreUrl = (planId: string, versionId: string) => `/api/plans/${planId}/versions/${versionId}/restore`;

async function get(url: string) {
  const response = await team.viewer.client.get(url);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** What a restore must bring back: the plan's settings, its actions (without their timestamps), both analyses. */
async function planState(planId: string) {
  const { updatedAt: _updatedAt, ...plan } = await get(`/api/plans/${planId}`);
  const actions = (await get(`/api/plans/${planId}/actions`)) as Array<Body & { createdAt: string; updatedAt: string }>;
  return {
    plan,
    actions: actions.map(({ createdAt: _createdAt, updatedAt: _actionUpdatedAt, ...fields }) => fields).sort((a, b) => a.id.localeCompare(b.id)),
    analysis: await get(`/api/plans/${planId}/analysis?asOfYear=2026`),
    analysisWithVat: await get(`/api/plans/${planId}/analysis?vat=incl&asOfYear=2026`),
    fund: await get(`/api/plans/${planId}/fund`),
  };
}

/** 2026–2035, client cost 10 %, a fund that runs short: the figures move when the plan does. */
const planSettings = {
  name: 'Underhållsplan',
  startYear: 2026,
  lengthYears: 10,
  clientCostPercent: 10,
  fund: { openingBalance: 100_000, currentProvisionPerYear: 50_000, provisionGrowthPercent: 0, interestRatePercent: 0, minimumBalance: 0 },
};
/** 40 × 2 500 × 1.1 = 110 000 in 2027 and 2035. */
const windows = { name: 'Målning fönster', category: 'fasad', quantity: 40, unit: 'st', unitPrice: 2500, year: 2027, intervalYears: 8, tags: ['K1'] };
/** 1 × 300 000 × 1.1 = 330 000 in 2030. */
const roof = { name: 'Byte av takpapp', category: 'yttertak', quantity: 1, unit: 'st', unitPrice: 300_000, year: 2030 };
/** 1 × 90 000 × 1.1 = 99 000 in 2028. */
const relining = { name: 'Relining', category: 'avlopp', quantity: 1, unit: 'st', unitPrice: 90_000, year: 2028 };

const zeroYears = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

describe('plan versions', () => {
  let planId: string;
  let buildingId: string;
  let windowsId: string;
  let roofId: string;
  let version: Body;
  let before: Awaited<ReturnType<typeof planState>>;

  beforeAll(async () => {
    const chain = await createPropertyWithPlan(team.editor.client, team.accountId, { organisation: 'Brf Ask', property: 'Ask 1', plan: 'Tom plan' });
    buildingId = chain.buildingId;
    planId = created<Body>(await team.editor.client.post(`/api/properties/${chain.propertyId}/plans`, planSettings)).id;
    windowsId = created<Body>(await team.editor.client.post(`/api/plans/${planId}/actions`, { ...windows, buildingId })).id;
    roofId = created<Body>(await team.editor.client.post(`/api/plans/${planId}/actions`, roof)).id;
    before = await planState(planId);
    const response = await team.editor.client.post(versionsUrl(planId), { name: 'Antagen vid stämman 2027', note: 'Styrelsens förslag' });
    version = created<Body>(response);
  });

  it('saves the plan under a name with its action count, its author and the analysis total excluding VAT', () => {
    expect(version).toEqual({
      id: expect.any(String),
      name: 'Antagen vid stämman 2027',
      note: 'Styrelsens förslag',
      createdAt: isoTimestamp,
      createdBy: { id: team.editor.userId, name: team.editor.name },
      actionCount: 2,
      total: 550_000,
    });
    expect(version.total).toBe(before.analysis.total);
  });

  it('lists the versions newest first, to viewers too, and a version without a note has an empty one', async () => {
    const second = created<Body>(await team.admin.client.post(versionsUrl(planId), { name: '  Utkast  ' }));
    expect(second).toMatchObject({ name: 'Utkast', note: '', createdBy: { id: team.admin.userId, name: team.admin.name }, actionCount: 2, total: 550_000 });
    const listed = await get(versionsUrl(planId));
    expect(listed).toEqual([second, version]);
  });

  it('is empty for a plan without versions', async () => {
    const chain = await createPropertyWithPlan(team.editor.client, team.accountId, { organisation: 'Brf Tom', property: 'Tom 1', plan: 'Ny plan' });
    expect(await get(versionsUrl(chain.planId))).toEqual([]);
  });

  it('compares a version with itself as no change at all', async () => {
    const diff = await get(diffUrl(planId, version.id));
    expect(diff.actions).toEqual({ added: [], removed: [], changed: [] });
    expect(diff.analysis.total).toEqual({ from: 550_000, to: 550_000 });
    expect(diff.analysis.years).toEqual(
      before.analysis.years.map((year: { year: number; total: number }) => ({ year: year.year, from: year.total, to: year.total })),
    );
  });

  describe('after the plan has changed', () => {
    let reliningId: string;
    let after: Awaited<ReturnType<typeof planState>>;

    beforeAll(async () => {
      reliningId = created<Body>(await team.editor.client.post(`/api/plans/${planId}/actions`, relining)).id;
      expect(
        (await team.editor.client.patch(`/api/actions/${windowsId}`, { unitPrice: 3000, year: 2028, tags: ['K1', 'K2'], buildingId: null })).statusCode,
      ).toBe(200);
      expect((await team.editor.client.delete(`/api/actions/${roofId}`)).statusCode).toBe(204);
      expect((await team.editor.client.patch(`/api/plans/${planId}`, { lengthYears: 12, fund: { currentProvisionPerYear: 20_000 } })).statusCode).toBe(200);
      after = await planState(planId);
    });

    it('names the actions added, removed and changed field by field, with the figures of both analyses', async () => {
      const diff = await get(diffUrl(planId, version.id, '?against=current'));
      expect(diff.actions).toEqual({
        added: [{ id: reliningId, name: 'Relining' }],
        removed: [{ id: roofId, name: 'Byte av takpapp' }],
        changed: [
          {
            id: windowsId,
            name: 'Målning fönster',
            changes: {
              buildingId: { from: buildingId, to: null },
              unitPrice: { from: 2500, to: 3000 },
              year: { from: 2027, to: 2028 },
              tags: { from: ['K1'], to: ['K1', 'K2'] },
            },
          },
        ],
      });
      // 2028 and 2036: 40 × 3 000 × 1.1 = 132 000; relining 99 000 in 2028.
      expect(after.analysis.total).toBe(363_000);
      expect(diff.analysis.total).toEqual({ from: 550_000, to: 363_000 });
      const beforeByYear = new Map(before.analysis.years.map((year: { year: number; total: number }) => [year.year, year.total]));
      const afterByYear = new Map(after.analysis.years.map((year: { year: number; total: number }) => [year.year, year.total]));
      expect(diff.analysis.years).toEqual(zeroYears(2026, 2037).map((year) => ({ year, from: beforeByYear.get(year) ?? null, to: afterByYear.get(year) })));
      expect(diff.analysis.years.find((year: { year: number }) => year.year === 2028)).toEqual({ year: 2028, from: 0, to: 231_000 });
      expect(diff.analysis.years.at(-1)).toEqual({ year: 2037, from: null, to: 0 });
      expect(diff.fund).toEqual({
        requiredProvisionPerYear: { from: before.fund.requiredProvisionPerYear, to: after.fund.requiredProvisionPerYear },
        firstShortfallYear: { from: before.fund.firstShortfallYear, to: after.fund.firstShortfallYear },
      });
      expect(diff.fund.firstShortfallYear).toEqual({ from: 2030, to: 2028 });
    });

    it('computes the amounts including VAT when asked, as the analysis does', async () => {
      const diff = await get(diffUrl(planId, version.id, '?vat=incl'));
      expect(diff.analysis.total).toEqual({ from: before.analysisWithVat.total, to: after.analysisWithVat.total });
      expect(diff.analysis.total).toEqual({ from: 687_500, to: 453_750 });
    });

    it('compares two versions: "from" is the version, "to" the other', async () => {
      const later = created<Body>(await team.editor.client.post(versionsUrl(planId), { name: 'Efter ändringen' }));
      expect(later).toMatchObject({ actionCount: 2, total: 363_000 });
      const diff = await get(diffUrl(planId, later.id, `?against=${version.id}`));
      expect(diff.actions.added).toEqual([{ id: roofId, name: 'Byte av takpapp' }]);
      expect(diff.actions.removed).toEqual([{ id: reliningId, name: 'Relining' }]);
      expect(diff.actions.changed[0].changes.unitPrice).toEqual({ from: 3000, to: 2500 });
      expect(diff.analysis.total).toEqual({ from: 363_000, to: 550_000 });
    });

    it('answers 404 for a version of another plan or account, and 400 for a malformed comparison', async () => {
      const chain = await createPropertyWithPlan(team.editor.client, team.accountId, { organisation: 'Brf Lönn', property: 'Lönn 1', plan: 'Annan' });
      const elsewhere = created<Body>(await team.editor.client.post(versionsUrl(chain.planId), { name: 'Annan plan' }));
      await expectAllNotFound(team.viewer.client, [
        { method: 'GET', url: diffUrl(planId, elsewhere.id) },
        { method: 'GET', url: diffUrl(planId, version.id, `?against=${elsewhere.id}`) },
        { method: 'GET', url: diffUrl(planId, randomUUID()) },
        { method: 'GET', url: diffUrl(planId, 'not-an-id') },
      ]);
      await expectAllNotFound(team.editor.client, [{ method: 'POST', url: restoreUrl(planId, elsewhere.id) }]);
      for (const query of ['?against=yesterday', '?vat=maybe', '?against=current&extra=1']) {
        const response = await team.viewer.client.get(diffUrl(planId, version.id, query));
        expect(response.statusCode, query).toBe(400);
        expect(response.json().error.code).toBe('validation');
      }
    });

    it("keeps other accounts out of the plan's versions", async () => {
      await expectAllNotFound(other.admin.client, [
        { method: 'GET', url: versionsUrl(planId) },
        { method: 'POST', url: versionsUrl(planId), body: { name: 'Intrång' } },
        { method: 'GET', url: diffUrl(planId, version.id) },
        { method: 'POST', url: restoreUrl(planId, version.id) },
      ]);
    });

    it('lets viewers read but not save or restore', async () => {
      for (const [url, body] of [
        [versionsUrl(planId), { name: 'Tittarens' }],
        [restoreUrl(planId, version.id), undefined],
      ] as const) {
        const response = await team.viewer.client.post(url, body);
        expect(response.statusCode, url).toBe(403);
        expect(response.json().error.code).toBe('forbidden');
      }
    });

    it('refuses a version without a name, with too long a note, or with unknown fields', async () => {
      for (const body of [{}, { name: ' ' }, { name: 'A', note: 'x'.repeat(4001) }, { name: 'A', extra: true }]) {
        const response = await team.editor.client.post(versionsUrl(planId), body);
        expect(response.statusCode, JSON.stringify(body)).toBe(400);
        expect(response.json().error.code).toBe('validation');
      }
    });
  });
});

describe('restoring a version', () => {
  it("makes the plan's settings and actions (same ids) the version's, and its analyses identical", async () => {
    const chain = await createPropertyWithPlan(team.editor.client, team.accountId, { organisation: 'Brf Alm', property: 'Alm 1', plan: 'Tom plan' });
    const planId = created<Body>(await team.editor.client.post(`/api/properties/${chain.propertyId}/plans`, planSettings)).id;
    const windowsId = created<Body>(
      await team.editor.client.post(`/api/plans/${planId}/actions`, {
        ...windows,
        buildingId: chain.buildingId,
        locationId: chain.locationId,
        quantity: 40.125,
      }),
    ).id;
    const roofId = created<Body>(await team.editor.client.post(`/api/plans/${planId}/actions`, { ...roof, note: 'Enligt besiktning', status: 'urgent' })).id;
    const before = await planState(planId);
    const version = created<Body>(await team.editor.client.post(versionsUrl(planId), { name: 'Antagen' }));

    const reliningId = created<Body>(await team.editor.client.post(`/api/plans/${planId}/actions`, relining)).id;
    await team.editor.client.patch(`/api/actions/${windowsId}`, { unitPrice: 3000, quantity: 12, tags: [], locationId: null });
    await team.editor.client.delete(`/api/actions/${roofId}`);
    await team.editor.client.patch(`/api/plans/${planId}`, { name: 'Omdöpt', vatPercent: 12, fund: { openingBalance: 0 } });
    expect((await planState(planId)).analysis.total).not.toBe(before.analysis.total);

    const response = await team.editor.client.post(restoreUrl(planId, version.id));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ changeSetId: expect.stringMatching(/^[0-9a-f-]{36}$/) });

    const restored = await planState(planId);
    expect(restored).toEqual(before);
    expect(restored.actions.map((action) => action.id)).toEqual([windowsId, roofId].sort());
    expect(restored.actions.find((action) => action.id === windowsId)).toMatchObject({ quantity: 40.125, locationId: chain.locationId });
    expect(restored.analysis.total).toBe(550_687.5);
    expect(restored.actions.some((action) => action.id === reliningId)).toBe(false);
    const diff = await get(diffUrl(planId, version.id));
    expect(diff.actions).toEqual({ added: [], removed: [], changed: [] });

    // The history names the restore's changes, made by the editor, as one change set.
    const history = (await get(`/api/plans/${planId}/history?limit=100`)) as { items: Array<{ kind: string; actionId: string | null; user: { id: string } }> };
    const restoredEntries = history.items.filter((item) => item.kind === 'restored');
    expect(restoredEntries.map((item) => item.actionId).sort()).toEqual([null, windowsId, roofId].sort());
    expect(restoredEntries.every((item) => item.user.id === team.editor.userId)).toBe(true);
    expect(history.items.find((item) => item.kind === 'deleted' && item.actionId === reliningId)).toBeDefined();
  });

  it('clears a building or location of the version that has been deleted since, as the deletion cleared it', async () => {
    const chain = await createPropertyWithPlan(team.editor.client, team.accountId, { organisation: 'Brf Hassel', property: 'Hassel 1', plan: 'Plan' });
    const actionId = created<Body>(
      await team.editor.client.post(`/api/plans/${chain.planId}/actions`, { ...roof, buildingId: chain.buildingId, locationId: chain.locationId }),
    ).id;
    const version = created<Body>(await team.editor.client.post(versionsUrl(chain.planId), { name: 'Med hus' }));
    await team.editor.client.patch(`/api/actions/${actionId}`, { unitPrice: 1 });
    expect((await team.editor.client.delete(`/api/buildings/${chain.buildingId}`)).statusCode).toBe(204);

    const response = await team.editor.client.post(restoreUrl(chain.planId, version.id));
    expect(response.statusCode, response.body).toBe(200);
    expect(await get(`/api/actions/${actionId}`)).toMatchObject({ unitPrice: 300_000, buildingId: null, locationId: chain.locationId });
  });

  it('restores a version of an empty plan by removing every action', async () => {
    const chain = await createPropertyWithPlan(team.editor.client, team.accountId, { organisation: 'Brf Tall', property: 'Tall 1', plan: 'Plan' });
    const version = created<Body>(await team.editor.client.post(versionsUrl(chain.planId), { name: 'Tom' }));
    expect(version).toMatchObject({ actionCount: 0, total: 0 });
    await team.editor.client.post(`/api/plans/${chain.planId}/actions`, roof);
    expect((await team.admin.client.post(restoreUrl(chain.planId, version.id))).statusCode).toBe(200);
    expect(await get(`/api/plans/${chain.planId}/actions`)).toEqual([]);
  });
});

describe('restoring a version with the trash', () => {
  it('brings an action deleted since back from the trash with its comment, moves one added since there, and undoes as one', async () => {
    const ids = await createPropertyWithPlan(team.editor.client, team.accountId);
    const kept = created<Body>(await team.editor.client.post(`/api/plans/${ids.planId}/actions`, windows));
    created(await team.viewer.client.post(`/api/actions/${kept.id}/comments`, { body: 'Kittet släpper' }));
    const version = created<Body>(await team.editor.client.post(versionsUrl(ids.planId), { name: 'Antagen vid stämman 2027' }));
    expect((await team.editor.client.delete(`/api/actions/${kept.id}`)).statusCode).toBe(204);
    const added = created<Body>(await team.editor.client.post(`/api/plans/${ids.planId}/actions`, roof));

    const restored = await team.editor.client.post(restoreUrl(ids.planId, version.id));
    expect(restored.statusCode, restored.body).toBe(200);
    expect((await get(`/api/plans/${ids.planId}/actions`)).map((action: Body) => action.id)).toEqual([kept.id]);
    expect((await get(`/api/actions/${kept.id}/comments`)).map((comment: { body: string }) => comment.body)).toEqual(['Kittet släpper']);
    const trash = (await team.editor.client.get(`/api/accounts/${team.accountId}/trash`)).json() as Array<{ id: string; kind: string }>;
    expect(trash.filter((item) => item.id === kept.id || item.id === added.id)).toEqual([expect.objectContaining({ id: added.id, kind: 'action' })]);

    const undone = await team.editor.client.post(`/api/change-sets/${restored.json().changeSetId}/undo`);
    expect(undone.statusCode, undone.body).toBe(200);
    expect((await get(`/api/plans/${ids.planId}/actions`)).map((action: Body) => action.id)).toEqual([added.id]);
    expect((await get(`/api/actions/${added.id}`)).name).toBe('Byte av takpapp');
    const trashAfterUndo = (await team.editor.client.get(`/api/accounts/${team.accountId}/trash`)).json() as Array<{ id: string }>;
    expect(trashAfterUndo.map((item) => item.id)).toContain(kept.id);
  });
});
