import { languages } from '../../../shared/i18n/language.ts';
import { reportTextsOf } from './report-texts.ts';

/** Case and Unicode form do not matter when one name is looked for in another. */
const comparable = (text: string) => text.normalize('NFC').toLocaleLowerCase('sv');
const titles = languages.map((language) => comparable(reportTextsOf(language).documentTitle));

/**
 * Whether the plan's name already says what the document is, in either language ("Underhållsplan
 * 2026–2055", "Maintenance plan Eken"): then the report does not put its title before it.
 */
export function planNamesTheDocument(planName: string): boolean {
  const name = comparable(planName);
  return titles.some((title) => name.includes(title));
}

/**
 * The report's name, saying the document, the plan and the property once each: "Underhållsplan
 * 2026–2055 – Brf Eken", "Underhållsplan – Plan för styrelsen – Åkern 3". `title` is the document's
 * title in the report's language; it is left out when the plan's name says it, and the property
 * when the plan's name holds it. White space (tabs, line breaks) reads as one space.
 */
export function reportName(title: string, planName: string, propertyName: string): string {
  const clean = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();
  const plan = clean(planName);
  const property = clean(propertyName);
  const parts = [planNamesTheDocument(plan) ? '' : title, plan, comparable(plan).includes(comparable(property)) ? '' : property];
  return parts.filter((part) => part !== '').join(' – ');
}
