import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { created, createPropertyWithPlan, signUpTeam, type Team } from '../../test-support/plan-data.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { builtinLibrary } from './builtin-library.ts';

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

type Item = { id: string; name: { sv: string; en: string }; unitPrice: number; priceYear: number; origin: string; replacesItemId: string | null };
type Action = Record<string, unknown> & { id: string; libraryItemId: string | null };

const library = builtinLibrary();
const component = library.components[0]!;
const itemsOf = (componentId: string) => library.components.find((c) => c.id === componentId)!.itemIds.map((id) => library.items.find((i) => i.id === id)!);
const firstItem = itemsOf(component.id)[0]!;

const libraryUrl = (accountId: string, query = '') => `/api/library/items?accountId=${accountId}${query}`;
const ownItem = (overrides: Record<string, unknown> = {}) => ({
  name: 'Byte av entrédörr, föreningens ramavtal',
  category: 'fasad',
  unit: 'st',
  lifetimeYears: 35,
  unitPrice: 41250.5,
  priceYear: 2026,
  source: 'Ramavtal med Dörrbolaget 2026',
  ...overrides,
});

describe('the library', () => {
  it('lists every built-in item with its source and price year, for the only account of a user without naming it', async () => {
    const response = await team.admin.client.get('/api/library/items');
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json() as Item[];
    expect(items).toHaveLength(library.items.length);
    expect(items.find((item) => item.id === firstItem.id)).toEqual({
      id: firstItem.id,
      name: firstItem.name,
      category: firstItem.category,
      unit: firstItem.unit,
      lifetimeYears: firstItem.lifetimeYears,
      unitPrice: firstItem.unitPrice,
      priceYear: firstItem.priceYear,
      source: firstItem.source,
      kind: firstItem.kind,
      origin: 'builtin',
      replacesItemId: null,
    });
  });

  it('asks a member of several accounts which one, and filters by category and by a search in both languages', async () => {
    const unnamed = await team.editor.client.get('/api/library/items');
    expect(unnamed.statusCode).toBe(400);
    expect(unnamed.json().error.fieldCodes).toEqual({ accountId: 'field.required' });

    const byCategory = (await team.editor.client.get(libraryUrl(team.accountId, `&category=${firstItem.category}`))).json() as Item[];
    expect(byCategory.map((item) => item.id)).toEqual(
      library.items
        .filter((item) => item.category === firstItem.category)
        .sort((a, b) => (a.name.sv < b.name.sv ? -1 : a.name.sv > b.name.sv ? 1 : a.id.localeCompare(b.id)))
        .map((item) => item.id),
    );
    const word = firstItem.name.en.split(' ')[0]!.toUpperCase();
    const searched = (await team.editor.client.get(libraryUrl(team.accountId, `&q=${encodeURIComponent(word)}`))).json() as Item[];
    expect(searched.map((item) => item.id)).toContain(firstItem.id);
    expect(searched.every((item) => `${item.name.sv} ${item.name.en}`.toLowerCase().includes(word.toLowerCase()))).toBe(true);
    const wildcard = (await team.editor.client.get(libraryUrl(team.accountId, '&q=%25'))).json() as Item[];
    expect(wildcard).toEqual([]);
  });

  it('lists the components with their built-in items', async () => {
    const response = await team.viewer.client.get('/api/library/components');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(library.components.map(({ id, name, category, itemIds }) => ({ id, name, category, itemIds })));
  });
});

describe('account items', () => {
  it('lets editors keep their own items and replace a built-in price, which the account then sees in its place', async () => {
    const own = created<Item>(await team.editor.client.post(`/api/accounts/${team.accountId}/library-items`, ownItem()));
    expect(own).toMatchObject({ name: { sv: ownItem().name, en: ownItem().name }, unitPrice: 41250.5, origin: 'account', kind: 'replace' });
    const replacement = created<Item>(
      await team.editor.client.post(`/api/accounts/${team.accountId}/library-items`, {
        ...ownItem({ name: { sv: 'Eget pris', en: 'Own price' }, category: firstItem.category, unitPrice: 999.99, priceYear: 2026 }),
        replacesItemId: firstItem.id,
      }),
    );
    const seen = (await team.viewer.client.get(libraryUrl(team.accountId))).json() as Item[];
    expect(seen.map((item) => item.id)).not.toContain(firstItem.id);
    expect(seen.find((item) => item.id === replacement.id)).toMatchObject({ replacesItemId: firstItem.id, unitPrice: 999.99 });
    expect(((await team.viewer.client.get(`/api/accounts/${team.accountId}/library-items`)).json() as Item[]).map((item) => item.id).sort()).toEqual(
      [own.id, replacement.id].sort(),
    );

    // A second replacement of the same item, or one of an account item, is refused per field.
    const twice = await team.editor.client.post(`/api/accounts/${team.accountId}/library-items`, { ...ownItem(), replacesItemId: firstItem.id });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.fieldCodes).toEqual({ replacesItemId: 'library.already_replaced' });
    const ofOwn = await team.editor.client.post(`/api/accounts/${team.accountId}/library-items`, { ...ownItem(), replacesItemId: own.id });
    expect(ofOwn.json().error.fieldCodes).toEqual({ replacesItemId: 'library.replaces_not_builtin' });

    // Viewers read only; another account sees none of it and cannot touch it.
    expect((await team.viewer.client.post(`/api/accounts/${team.accountId}/library-items`, ownItem())).statusCode).toBe(403);
    const elsewhere = (await other.admin.client.get(libraryUrl(other.accountId))).json() as Item[];
    expect(elsewhere.map((item) => item.id)).toContain(firstItem.id);
    expect(elsewhere.map((item) => item.id)).not.toContain(own.id);
    expect((await other.admin.client.patch(`/api/library-items/${own.id}`, { unitPrice: 1 })).statusCode).toBe(404);
    expect((await other.admin.client.delete(`/api/library-items/${own.id}`)).statusCode).toBe(404);
    expect((await other.admin.client.get(`/api/accounts/${team.accountId}/library-items`)).statusCode).toBe(404);
    expect((await other.admin.client.get(libraryUrl(team.accountId))).statusCode).toBe(404);
    // Built-in items are nobody's to change.
    expect((await team.admin.client.patch(`/api/library-items/${firstItem.id}`, { unitPrice: 1 })).statusCode).toBe(404);

    const patched = await team.editor.client.patch(`/api/library-items/${own.id}`, {
      unitPrice: 42000,
      name: { sv: 'Byte av entrédörr', en: 'Entrance door replacement' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({
      unitPrice: 42000,
      name: { sv: 'Byte av entrédörr', en: 'Entrance door replacement' },
      source: 'Ramavtal med Dörrbolaget 2026',
    });
    expect((await team.editor.client.delete(`/api/library-items/${replacement.id}`)).statusCode).toBe(204);
    expect(((await team.viewer.client.get(libraryUrl(team.accountId))).json() as Item[]).map((item) => item.id)).toContain(firstItem.id);
  });

  it('links actions to items the account may use, answers 404 for another account’s, and unlinks them (with history) when an item is deleted', async () => {
    const ids = await createPropertyWithPlan(team.editor.client, team.accountId);
    const own = created<Item>(await team.editor.client.post(`/api/accounts/${team.accountId}/library-items`, ownItem({ name: 'Lagning av staket' })));
    const foreign = created<Item>(await other.editor.client.post(`/api/accounts/${other.accountId}/library-items`, ownItem({ name: 'Främmande' })));
    const action = { name: 'Lagning av staket', category: 'mark', quantity: 10, unit: 'm', unitPrice: 500, year: 2030 };

    expect((await team.editor.client.post(`/api/plans/${ids.planId}/actions`, { ...action, libraryItemId: foreign.id })).statusCode).toBe(404);
    const linked = created<Action>(await team.editor.client.post(`/api/plans/${ids.planId}/actions`, { ...action, libraryItemId: own.id }));
    expect(linked.libraryItemId).toBe(own.id);
    const listed = (await team.viewer.client.get(`/api/plans/${ids.planId}/actions`)).json() as Action[];
    expect(listed.map((row) => row.libraryItemId)).toEqual([own.id]);

    expect((await team.editor.client.patch(`/api/actions/${linked.id}`, { libraryItemId: foreign.id })).statusCode).toBe(404);
    const relinked = await team.editor.client.patch(`/api/actions/${linked.id}`, { libraryItemId: firstItem.id });
    expect(relinked.json().libraryItemId).toBe(firstItem.id);
    expect((await team.editor.client.patch(`/api/actions/${linked.id}`, { libraryItemId: own.id })).statusCode).toBe(200);

    expect((await team.editor.client.delete(`/api/library-items/${own.id}`)).statusCode).toBe(204);
    const after = (await team.viewer.client.get(`/api/actions/${linked.id}`)).json() as Action;
    expect(after).toMatchObject({ libraryItemId: null, unitPrice: 500, name: 'Lagning av staket' });
    const history = (await team.viewer.client.get(`/api/actions/${linked.id}/history`)).json() as Array<{
      user: { id: string } | null;
      changes: Record<string, unknown>;
    }>;
    expect(history[0]).toMatchObject({ user: { id: team.editor.userId }, changes: { libraryItemId: { from: own.id, to: null } } });
    expect(history[1]!.changes).toEqual({ libraryItemId: { from: firstItem.id, to: own.id } });
  });
});

describe('links over time', () => {
  it('restores an action from the trash, and a version, without a link to an item deleted since', async () => {
    const ids = await createPropertyWithPlan(team.editor.client, team.accountId);
    const own = created<Item>(await team.editor.client.post(`/api/accounts/${team.accountId}/library-items`, ownItem({ name: 'Snart borta' })));
    const action = created<Action>(
      await team.editor.client.post(`/api/plans/${ids.planId}/actions`, {
        name: 'Snart borta',
        category: 'fasad',
        quantity: 1,
        unit: 'st',
        unitPrice: 100,
        year: 2030,
        libraryItemId: own.id,
      }),
    );
    const version = created<{ id: string }>(await team.editor.client.post(`/api/plans/${ids.planId}/versions`, { name: 'Med länk' }));
    expect((await team.editor.client.delete(`/api/actions/${action.id}`)).statusCode).toBe(204);
    expect((await team.editor.client.delete(`/api/library-items/${own.id}`)).statusCode).toBe(204);

    const trash = (await team.editor.client.get(`/api/accounts/${team.accountId}/trash`)).json() as Array<{ id: string; name: string }>;
    const trashed = trash.find((item) => item.name === 'Snart borta')!;
    const restored = await team.editor.client.post(`/api/trash/${trashed.id}/restore`);
    expect(restored.statusCode, restored.body).toBe(200);
    expect((await team.viewer.client.get(`/api/actions/${action.id}`)).json()).toMatchObject({ name: 'Snart borta', libraryItemId: null });

    expect((await team.editor.client.patch(`/api/actions/${action.id}`, { unitPrice: 200 })).statusCode).toBe(200);
    const back = await team.editor.client.post(`/api/plans/${ids.planId}/versions/${version.id}/restore`);
    expect(back.statusCode, back.body).toBe(200);
    expect((await team.viewer.client.get(`/api/actions/${action.id}`)).json()).toMatchObject({ unitPrice: 100, libraryItemId: null });
  });
});
