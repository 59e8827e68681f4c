import type { Email } from '../outbox/outbox-mailer.ts';

/** The customer's name as the manager chose it, on one line: quotes and line breaks escaped. */
const quoted = (text: string) => JSON.stringify(text);

/** Dates as a Swedish installation's people read them; the deletion happens at the first hourly run on or after it. */
const dateIn = (locale: 'sv-SE' | 'en-GB', date: Date) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Stockholm' }).format(date);

/**
 * Tells an admin of the manager account that an inactive customer account will be deleted, when,
 * and how to keep it (set it active in Kunder). `daysLeft` is counted from the run that sends it,
 * so a warning sent late says how long is really left.
 */
export function deletionWarningEmail(warning: { to: string; customerName: string; deletesAt: Date; daysLeft: number }): Email {
  const { customerName, deletesAt, daysLeft } = warning;
  const name = quoted(customerName);
  return {
    to: warning.to,
    subject: `Ett inaktivt kundkonto tas bort om ${daysLeft} dagar / An inactive customer account will be deleted in ${daysLeft} days`,
    text: [
      `Kundkontot ${name} är inaktivt och tas bort den ${dateIn('sv-SE', deletesAt)}, med allt det innehåller: organisationer, fastigheter, planer, åtgärder, kommentarer, bilagor och historik.`,
      'Vill ni behålla det? Öppna Kunder i Kvarter och gör kundkontot aktivt igen före det datumet.',
      'Du får det här meddelandet eftersom du är administratör för kontot som förvaltar kunden.',
      '',
      `The customer account ${name} is inactive and will be deleted on ${dateIn('en-GB', deletesAt)}, with everything it holds: organisations, properties, plans, actions, comments, attachments and history.`,
      'To keep it, open Customers in Kvarter and set the customer account active again before that date.',
      'You receive this message as an admin of the account that manages the customer.',
      '',
    ].join('\n'),
  };
}
