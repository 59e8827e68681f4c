import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../../shared/i18n/language.ts';
import { created, createPropertyWithPlan, signUpTeam, type Team } from '../../test-support/plan-data.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { pdfPageCount, pdfText, pdfWords, renderFirstPage, requirePopplerTools } from './pdf-tools.test-support.ts';
import { formatReportAmount } from './report-format.ts';
import { firstColumnText, usedShare } from './report-reading.test-support.ts';
import { fillText, reportTextsOf } from './report-texts.ts';

let testApp: TestApp;
let team: Team;
let other: Team;
/**
 * The plan of docs/product/cost-model.md § Worked example, on a property of 1 000 m² BOA + 200 m²
 * LOA, with a fund that runs short in 2026.
 */
let planId: string;

const reportUrl = (id: string, query = '') => `/api/plans/${id}/report.pdf${query}`;

type Body = Record<string, unknown> & { id: string };

beforeAll(async () => {
  requirePopplerTools();
  testApp = await createTestApp();
  team = await signUpTeam(testApp.app);
  other = await signUpTeam(testApp.app);
  const chain = await createPropertyWithPlan(team.editor.client, team.accountId, {
    organisation: 'Brf Åkern',
    property: 'Åkern 3',
    plan: 'Underhållsplan 2026',
  });
  const editor = team.editor.client;
  expect(
    (
      await editor.patch(`/api/properties/${chain.propertyId}`, {
        designation: 'Västerås Åkern 3',
        address: 'Ängsgatan 7',
        municipality: 'Västerås',
        buildYear: 1968,
        boa: 1000,
        loa: 200,
      })
    ).statusCode,
  ).toBe(200);
  planId = created<Body>(
    await editor.post(`/api/properties/${chain.propertyId}/plans`, {
      name: 'Plan för styrelsen',
      startYear: 2026,
      clientCostPercent: 10,
      vatPercent: 25,
      indexation: { enabled: true, annualRatePercent: 2, defaultBaseYear: 2026 },
      fund: { openingBalance: 0, currentProvisionPerYear: 10_000, provisionGrowthPercent: 0, interestRatePercent: 0, minimumBalance: 0 },
    }),
  ).id;
  // 2027, 2035, 2043, 2051: 112 200.00 + 131 460.18 + 154 026.56 + 180 466.66 (excl. VAT).
  created(
    await editor.post(`/api/plans/${planId}/actions`, {
      name: 'Målning fönster',
      category: 'fasad',
      quantity: 40,
      unit: 'st',
      unitPrice: 2500,
      year: 2027,
      intervalYears: 8,
      buildingId: chain.buildingId,
    }),
  );
  // Overdue one-off: 11 000 in 2026, and the whole maintenance debt.
  created(
    await editor.post(`/api/plans/${planId}/actions`, {
      name: 'Byte av takpapp',
      category: 'yttertak',
      quantity: 1,
      unit: 'm2',
      unitPrice: 10_000,
      year: 2022,
    }),
  );
});
afterAll(async () => {
  await testApp?.close();
});

async function download(url: string, client = team.viewer.client): Promise<{ response: LightMyRequestResponse; pdf: Buffer; text: string }> {
  const response = await client.get(url);
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  const pdf = response.rawPayload;
  return { response, pdf, text: await pdfText(pdf) };
}

/**
 * The PDF's text keeps no-break spaces apart from spaces only in what it draws: DejaVu gives both
 * one glyph, so pdftotext reads "1 234 kr" back with plain spaces. Expected values are compared so.
 */
function plain(value: string): string {
  return value.replace(/\u00a0/g, ' ');
}

/** The line of the layout text that holds just `label` and `value` (a key figure or a fact). */
function lineWith(text: string, label: string, value: string): string | undefined {
  const pattern = new RegExp(`^\\s*${escape(label)}\\s+${escape(plain(value))}\\s*$`);
  return text.split('\n').find((line) => pattern.test(line));
}

describe('GET /api/plans/:id/report.pdf', () => {
  it('is a PDF download for a viewer, named after the plan and its property, never cached or rendered inline', async () => {
    const { response, pdf } = await download(reportUrl(planId));
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="Underh_llsplan _ Plan f_r styrelsen _ _kern 3.pdf"; filename*=UTF-8''Underh%C3%A5llsplan%20%E2%80%93%20Plan%20f%C3%B6r%20styrelsen%20%E2%80%93%20%C3%85kern%203.pdf`,
    );
    expect(response.headers['cache-control']).toBe('private, no-store');
    expect(response.headers['content-security-policy']).toBe("sandbox; default-src 'none'; frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
  });

  it('shows the worked example to the öre in Swedish: cover facts, key figures, å/ä/ö and the action list', async () => {
    const { text, pdf } = await download(reportUrl(planId, '?vat=excl&lang=sv'));
    for (const [label, value] of [
      ['Fastighetsbeteckning', 'Västerås Åkern 3'],
      ['Adress', 'Ängsgatan 7'],
      ['Kommun', 'Västerås'],
      ['Byggår', '1968'],
      ['BOA (boarea)', '1\u00a0000 m²'],
      ['LOA (lokalarea)', '200 m²'],
      ['Planperiod', '2026–2055 (30 år)'],
      ['Moms', 'Belopp exklusive moms'],
      ['Avrundning', 'Exakta belopp'],
      ['Totalt under planperioden', '589\u00a0153,40\u00a0kr'],
      ['Genomsnitt per år', '19\u00a0638,45\u00a0kr'],
      ['Area (BOA + LOA)', '1\u00a0200 m²'],
      ['Genomsnitt per år och m²', '16,37\u00a0kr'],
      ['Underhållsskuld', '11\u00a0000\u00a0kr'],
      ['Underhållsskuld per m²', '9,17\u00a0kr'],
      ['Första år med underskott', '2026'],
    ] as const) {
      expect(lineWith(text, label, value), `${label}: ${value}`).toBeDefined();
    }
    expect(text).toContain('Underhållsplan');
    expect(text).toContain('Åtgärder per år');
    expect(text).toContain('Avsättningsanalys');
    expect(text).toMatch(/2027\s+Summa 112 200 kr/);
    expect(text).toMatch(/Målning fönster\s+Fasad\s+Hus A\s+40 st\s+112 200 kr\s+Planerad/);
    expect(text).toMatch(/Byte av takpapp\s+Yttertak\s+Ingen byggnad\s+1 m²\s+11 000 kr\s+Planerad, försenad/);
    const pages = await pdfPageCount(pdf);
    for (let page = 1; page <= pages; page += 1) expect(text).toContain(`Sida ${page} av ${pages}`);
    expect(text).not.toContain(`Sida ${pages + 1} av`);
  });

  it('shows the same key figures as GET /analysis and /fund for VAT excl and incl, sv and en, rounded and not', async () => {
    let checked = 0;
    for (const vat of ['excl', 'incl'] as const) {
      const analysis = (await team.viewer.client.get(`/api/plans/${planId}/analysis?vat=${vat}`)).json();
      const fund = (await team.viewer.client.get(`/api/plans/${planId}/fund?vat=${vat}`)).json();
      for (const lang of ['sv', 'en'] as Language[]) {
        for (const rounded of [false, true]) {
          const { text } = await download(reportUrl(planId, `?vat=${vat}&lang=${lang}&rounded=${rounded}`));
          const texts = reportTextsOf(lang);
          const amount = (value: number) => formatReportAmount(value, lang, rounded);
          const expected: [string, string][] = [
            [texts.total, amount(analysis.total)],
            [texts.averagePerYear, amount(analysis.averagePerYear)],
            [texts.averagePerYearPerM2, amount(analysis.averagePerYearPerM2)],
            [texts.maintenanceDebt, amount(analysis.maintenanceDebt)],
            [texts.maintenanceDebtPerM2, amount(analysis.maintenanceDebtPerM2)],
            [texts.firstShortfallYear, String(fund.firstShortfallYear)],
            [texts.requiredProvision, amount(fund.requiredProvisionPerYear)],
            [texts.annualisedCost, amount(fund.annualisedCost)],
            [texts.vat, vat === 'incl' ? fillText(texts.vatIncluded, { percent: 25 }) : texts.vatExcluded],
            [texts.rounding, rounded ? texts.roundedAmounts : texts.exactAmounts],
          ];
          for (const [label, value] of expected) {
            expect(lineWith(text, label, value), `${vat} ${lang} rounded=${rounded} ${label}: ${value}`).toBeDefined();
            checked += 1;
          }
          for (const year of fund.years.slice(0, 3)) {
            expect(text, `${vat} ${lang} ${year.year}`).toMatch(
              new RegExp(
                `^\\s*${year.year}\\s+${escape(plain(amount(year.cost)))}\\s+${escape(plain(amount(year.provision)))}\\s+${escape(plain(amount(year.balance)))}\\s*$`,
                'm',
              ),
            );
          }
          expect(text).toContain(lang === 'sv' ? 'Åtgärder per år' : 'Actions per year');
        }
      }
    }
    expect(checked).toBe(2 * 2 * 2 * 10);
  });

  it('writes the spot checks of both languages as people read them', async () => {
    const { text: swedishRounded } = await download(reportUrl(planId, '?vat=incl&lang=sv&rounded=true'));
    // 589 153.40 × 1.25 = 736 441.75 → 736 000; debt 13 750 → 14 000.
    expect(lineWith(swedishRounded, 'Totalt under planperioden', '736\u00a0000\u00a0kr')).toBeDefined();
    expect(lineWith(swedishRounded, 'Underhållsskuld', '14\u00a0000\u00a0kr')).toBeDefined();
    const { text: english } = await download(reportUrl(planId, '?vat=incl&lang=en'));
    expect(lineWith(english, 'Total over the plan period', 'SEK\u00a0736,441.75')).toBeDefined();
    expect(lineWith(english, 'Maintenance backlog', 'SEK\u00a013,750')).toBeDefined();
    expect(english).toContain('Page 1 of');
    // Names are the plan's own data: the English report prints them as entered.
    expect(english).toMatch(/Målning fönster\s+Facade\s+Hus A\s+40 st\s+SEK 140,250\s+Planned/);
  });

  it('renders its first page: a 50 dpi A4 image with ink on it', async () => {
    const { pdf } = await download(reportUrl(planId));
    const page = await renderFirstPage(pdf);
    expect(page.png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([page.width, page.height]).toEqual([414, 585]);
    // Title, rules and three tables of text: far more than a stray pixel, far less than a black page.
    expect(page.inkedPixels).toBeGreaterThan(5_000);
    expect(page.inkedPixels).toBeLessThan(page.width * page.height * 0.5);
  });

  it('says so when the plan has no actions, and is still a whole report', async () => {
    const chain = await createPropertyWithPlan(team.editor.client, team.accountId, { organisation: 'Brf Tom', property: 'Tom 1', plan: 'Tom plan' });
    const { text, pdf } = await download(reportUrl(chain.planId));
    expect(text).toContain('Planen har inga åtgärder ännu.');
    expect(lineWith(text, 'Totalt under planperioden', '0\u00a0kr')).toBeDefined();
    expect(lineWith(text, 'Genomsnitt per år och m²', 'Saknas (ingen area angiven)')).toBeDefined();
    const pages = await pdfPageCount(pdf);
    expect(text).toContain(`Sida ${pages} av ${pages}`);
  });

  it('prints names with markup and spreadsheet formulas literally', async () => {
    const script = '<script>alert("x")</script>';
    const formula = '=HYPERLINK("http://evil.example","Klicka")';
    const chain = await createPropertyWithPlan(team.editor.client, team.accountId, { organisation: 'Brf Test', property: '<b>Fet</b>', plan: formula });
    expect((await team.editor.client.patch(`/api/buildings/${chain.buildingId}`, { name: '=1+1' })).statusCode).toBe(200);
    created(
      await team.editor.client.post(`/api/plans/${chain.planId}/actions`, {
        name: script,
        category: 'el',
        quantity: 1,
        unit: '@A1',
        unitPrice: 100,
        year: 2030,
        buildingId: chain.buildingId,
      }),
    );
    const { text, response } = await download(reportUrl(chain.planId));
    expect(text).toContain(formula);
    expect(text).toContain('<b>Fet</b>');
    expect(text).toMatch(/<script>alert\("x"\)<\/script>\s+El\s+=1\+1\s+1 @A1\s+100 kr/);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="Underh_llsplan _ =HYPERLINK(_http___evil.example_,_Klicka_) _ _b_Fet__b_.pdf"; filename*=UTF-8''Underh%C3%A5llsplan%20%E2%80%93%20%3DHYPERLINK%28_http___evil.example_%2C_Klicka_%29%20%E2%80%93%20_b_Fet__b_.pdf`,
    );
  });

  it('repeats the table header and the year on every page of a long action list', async () => {
    const chain = await createPropertyWithPlan(team.editor.client, team.accountId, { organisation: 'Brf Lång', property: 'Lång 1', plan: 'Lång plan' });
    for (let index = 0; index < 70; index += 1) {
      created(
        await team.editor.client.post(`/api/plans/${chain.planId}/actions`, {
          name: `Åtgärd ${String(index).padStart(2, '0')}`,
          category: 'vatten',
          quantity: 1,
          unit: 'st',
          unitPrice: 1000,
          year: 2030,
        }),
      );
    }
    const { text } = await download(reportUrl(chain.planId));
    expect(text).toMatch(/^\s*2030\s+Summa 70 000\s*kr\s*$/m);
    expect(text).toMatch(/^\s*2030 \(forts\.\)\s+Summa 70 000 kr\s*$/m);
    const actionPages = text.split('\f').filter((page) => page.includes('Åtgärd 69') || page.includes('Åtgärd 00'));
    expect(actionPages).toHaveLength(2);
    for (const page of actionPages) expect(page).toMatch(/Åtgärd\s+Kategori\s+Byggnad\s+Mängd\s+Kostnad\s+Status/);
    for (let index = 0; index < 70; index += 1) expect(text).toContain(`Åtgärd ${String(index).padStart(2, '0')}`);
  });

  it("prints every action name of a new user's twelve-action plan in full, wrapped within its column, on well-used pages", async () => {
    const chain = await createPropertyWithPlan(team.editor.client, team.accountId, {
      organisation: 'Brf Eken',
      property: 'Eken 1',
      plan: 'Underhållsplan 2026–2055',
    });
    const actions: [name: string, category: string, year: number, intervalYears: number | null][] = [
      ['Byte av undercentral fjärrvärme inklusive styr- och reglerutrustning', 'varme-kyla', 2031, null],
      ['Relining av avloppsstammar', 'avlopp', 2034, null],
      ['Målning av fönster och fönsterbleck', 'fasad', 2027, 8],
      ['Omläggning av tak med ny underlagspapp och plåtdetaljer', 'yttertak', 2038, null],
      ['OVK obligatorisk ventilationskontroll', 'myndighet', 2026, 6],
      ['Byte av hissmaskin och styrsystem', 'transport', 2033, null],
      ['Renovering av tvättstuga', 'invandigt', 2029, 15],
      ['Spolning av dagvattenledningar', 'mark', 2026, 3],
      ['Byte av entrépartier', 'fasad', 2030, 30],
      ['Injustering av värmesystem', 'varme-kyla', 2028, 10],
      ['Byte av belysning i trapphus till LED med närvarostyrning', 'el', 2027, 20],
      // One unbroken word of 60 letters.
      ['Balkongplattereparationsprojekteringsunderlagsgranskningarna', 'stomme', 2032, 25],
    ];
    for (const [index, [name, category, year, intervalYears]] of actions.entries()) {
      created(
        await team.editor.client.post(`/api/plans/${chain.planId}/actions`, {
          name,
          category,
          quantity: 1 + index,
          unit: 'st',
          unitPrice: 25_000 * (1 + index),
          year,
          intervalYears,
          ...(index % 3 === 0 ? {} : { buildingId: chain.buildingId }),
        }),
      );
    }
    for (const lang of ['sv', 'en'] as const) {
      const { response, pdf, text } = await download(reportUrl(chain.planId, `?lang=${lang}`));
      expect(response.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('Underhållsplan 2026–2055 – Eken 1.pdf')}`);
      // The plan's name says what the document is: it is the cover's title, not said twice.
      expect(text.split('\n').slice(0, 3)).toEqual(['Underhållsplan 2026–2055', 'Eken 1', '']);
      await expectReadableActionList(
        pdf,
        text,
        lang,
        actions.map(([name]) => name),
      );
    }
  });

  it('prints every action name of a long plan in full over many pages, names of 200 characters and long words too', async () => {
    const chain = await createPropertyWithPlan(team.editor.client, team.accountId, { organisation: 'Brf Lång', property: 'Lång 2', plan: 'Plan 2026' });
    const longName = `Åtgärd 00: ${'Utbyte av samtliga radiatorventiler, termostater och stamregleringsventiler i trapphus A–D '.repeat(3)}`
      .slice(0, 200)
      .trim();
    const names = [
      longName,
      ...Array.from({ length: 39 }, (_, index) => {
        const number = String(index + 1).padStart(2, '0');
        const phrases = [
          'Relining av avloppsstammar',
          'Målning av fönster och fönsterbleck på gårdssidan',
          'Takavvattningssystemsomläggningsprojekteringsunderlagshandlingar',
          'OVK',
          'Byte av undercentral fjärrvärme inklusive styr- och reglerutrustning',
        ];
        return `Åtgärd ${number}: ${phrases[index % phrases.length]}`;
      }),
    ];
    for (const [index, name] of names.entries()) {
      created(
        await team.editor.client.post(`/api/plans/${chain.planId}/actions`, {
          name,
          category: ['fasad', 'vatten', 'el', 'yttertak'][index % 4],
          quantity: 1,
          unit: 'st',
          unitPrice: 1000 + index,
          year: 2026 + (index % 7),
          intervalYears: 3 + (index % 6),
          buildingId: chain.buildingId,
        }),
      );
    }
    for (const lang of ['sv', 'en'] as const) {
      const { pdf, text } = await download(reportUrl(chain.planId, `?lang=${lang}`));
      expect(await pdfPageCount(pdf)).toBeGreaterThanOrEqual(10);
      await expectReadableActionList(pdf, text, lang, names);
    }
  });

  it('answers 404 to members of another account and to unknown or malformed ids, 401 without a session', async () => {
    for (const client of [other.viewer.client, other.admin.client]) {
      const response = await client.get(reportUrl(planId));
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    }
    expect((await team.viewer.client.get(reportUrl('00000000-0000-4000-8000-000000000000'))).statusCode).toBe(404);
    expect((await team.viewer.client.get(reportUrl('not-a-uuid'))).statusCode).toBe(404);
    const anonymous = await testApp.app.inject({ method: 'GET', url: reportUrl(planId), headers: { 'x-forwarded-proto': 'https' } });
    expect(anonymous.statusCode).toBe(401);
  });

  it('answers 400 naming the parameter to a bad or unknown query parameter', async () => {
    const cases: [string, Record<string, string>][] = [
      ['?vat=both', { vat: 'vat.invalid' }],
      ['?lang=de', { lang: 'language.invalid' }],
      ['?rounded=yes', { rounded: 'boolean.invalid' }],
      ['?lang=sv&lang=en', { lang: 'language.invalid' }],
    ];
    for (const [query, fieldCodes] of cases) {
      const response = await team.viewer.client.get(reportUrl(planId, query));
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.fieldCodes, query).toEqual(fieldCodes);
    }
    const unknown = await team.viewer.client.get(reportUrl(planId, '?format=docx'));
    expect(unknown.statusCode).toBe(400);
    expect(Object.keys(unknown.json().error.fieldCodes)).toEqual(['format']);
  });
});

/**
 * The report as a board reads it: every action name in full in the action list (its lines, read
 * back by poppler, run on to the whole name; no "…" anywhere), no word spilling into the next
 * column, and no page but the last nearly empty (less than a quarter of its text area used).
 */
async function expectReadableActionList(pdf: Buffer, text: string, lang: Language, names: readonly string[]): Promise<void> {
  const texts = reportTextsOf(lang);
  const pages = await pdfWords(pdf);
  const column = firstColumnText(pages, texts.action, texts.category);
  for (const name of names) expect(column.text, `${lang}: ${name}`).toContain(name.replace(/\s+/g, ''));
  expect(column.overflowing, lang).toEqual([]);
  expect(text).not.toContain('…');
  pages.slice(0, -1).forEach((page, index) => expect(usedShare(page), `${lang}: page ${index + 1} of ${pages.length}`).toBeGreaterThanOrEqual(0.25));
}

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
