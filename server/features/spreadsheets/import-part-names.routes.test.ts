import { afterAll, beforeAll, expect, it } from 'vitest';
import { multipartBody } from '../../test-support/attachment-uploads.ts';
import { createPropertyWithPlan, signUpTeam, type Team } from '../../test-support/plan-data.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

/**
 * The import finds a property's buildings and locations by name exactly as the unique index on
 * their names compares them (shared/property-part-name-key.ts): ignoring case, surrounding space
 * and how an accented letter is composed, so it never creates a part the index would refuse.
 */
let testApp: TestApp;
let team: Team;
let ids: Awaited<ReturnType<typeof createPropertyWithPlan>>;

beforeAll(async () => {
  testApp = await createTestApp();
  team = await signUpTeam(testApp.app);
  // "Hus A" and "Tvättstuga".
  ids = await createPropertyWithPlan(team.editor.client, team.accountId);
});
afterAll(async () => {
  await testApp.close();
});

function upload(lines: string[], query = '') {
  const { body, contentType } = multipartBody([{ fileName: 'plan.csv', content: Buffer.from(lines.join('\r\n'), 'utf8') }]);
  return team.editor.client.request('POST', `/api/plans/${ids.planId}/import${query}`, body, { 'content-type': contentType });
}

it('matches names as the unique index does, and creates each new one once', async () => {
  const lines = [
    'Åtgärd;Kategori;Byggnad;Läge;Mängd;Enhet;À-pris;År',
    'Fönster;fasad;HUS A;TVA\u0308TTSTUGA;1;st;1;2030',
    'Tak;yttertak; hus a ;tvättstuga;1;st;1;2031',
    'Port;fasad;Hus B;;1;st;1;2032',
    'Grind;mark;HUS B;;1;st;1;2033',
  ];
  const dryRun = await upload(lines, '?dryRun=true');
  expect(dryRun.statusCode, dryRun.body).toBe(200);
  expect(dryRun.json()).toMatchObject({ validRowCount: 4, errorCount: 0, newBuildings: ['Hus B'], newLocations: [] });
  const confirm = await upload(lines);
  expect(confirm.statusCode, confirm.body).toBe(200);

  const buildings = (await team.viewer.client.get(`/api/properties/${ids.propertyId}/buildings`)).json() as { id: string; name: string }[];
  const locations = (await team.viewer.client.get(`/api/properties/${ids.propertyId}/locations`)).json() as { id: string; name: string }[];
  expect(buildings.map((part) => part.name)).toEqual(['Hus A', 'Hus B']);
  expect(locations.map((part) => part.name)).toEqual(['Tvättstuga']);
  const actions = (await team.viewer.client.get(`/api/plans/${ids.planId}/actions`)).json() as {
    name: string;
    buildingId: string;
    locationId: string | null;
  }[];
  const houseB = buildings[1]!.id;
  expect(Object.fromEntries(actions.map((action) => [action.name, [action.buildingId, action.locationId]]))).toEqual({
    Fönster: [ids.buildingId, ids.locationId],
    Tak: [ids.buildingId, ids.locationId],
    Port: [houseB, null],
    Grind: [houseB, null],
  });
});
