import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, signUpUser, TestClient, type TestApp } from '../../test-support/test-app.ts';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(async () => {
  await testApp.close();
});

it('lists the 16 categories in the order of the specification, with Swedish and English names', async () => {
  const { client } = await signUpUser(testApp.app);
  const response = await client.get('/api/categories');
  expect(response.statusCode).toBe(200);
  expect(response.json()).toEqual([
    { code: 'mark', sv: 'Mark', en: 'Grounds' },
    { code: 'stomme', sv: 'Stomme och grund', en: 'Structure and foundation' },
    { code: 'fasad', sv: 'Fasad', en: 'Facade' },
    { code: 'yttertak', sv: 'Yttertak', en: 'Roof' },
    { code: 'invandigt', sv: 'Invändigt', en: 'Interiors' },
    { code: 'ventilation', sv: 'Ventilation', en: 'Ventilation' },
    { code: 'vatten', sv: 'Vatten', en: 'Water supply' },
    { code: 'avlopp', sv: 'Avlopp', en: 'Drainage and sewage' },
    { code: 'avfall', sv: 'Avfall och återvinning', en: 'Waste and recycling' },
    { code: 'varme-kyla', sv: 'Värme och kyla', en: 'Heating and cooling' },
    { code: 'el', sv: 'El', en: 'Electrical' },
    { code: 'styr', sv: 'Styr och övervakning', en: 'Controls and automation' },
    { code: 'tele', sv: 'Tele och data', en: 'Telecom and data' },
    { code: 'transport', sv: 'Transport', en: 'Lifts' },
    { code: 'brand-sakerhet', sv: 'Brand och säkerhet', en: 'Fire and security' },
    { code: 'myndighet', sv: 'Myndighetskrav', en: 'Statutory inspections' },
  ]);
});

it('answers 401 when signed out', async () => {
  const response = await new TestClient(testApp.app).get('/api/categories');
  expect(response.statusCode).toBe(401);
  expect(response.json().error.code).toBe('unauthenticated');
});
