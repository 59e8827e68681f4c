import type { Role } from '../../../shared/schemas/role.ts';
import type { Email } from '../../infrastructure/outbox/outbox-mailer.ts';

const roleNames: Record<Role, { sv: string; en: string }> = {
  viewer: { sv: 'läsa och kommentera', en: 'read and comment' },
  editor: { sv: 'arbeta med planerna', en: 'work on the plans' },
  admin: { sv: 'administrera kontot', en: 'administer the account' },
};

/**
 * Text chosen by the inviting person (their name, the account's name) as quoted data on one line:
 * quotes and line breaks escaped, so it cannot pose as the e-mail's own words or add a paragraph.
 */
const quoted = (text: string) => JSON.stringify(text);

/**
 * The same e-mail for every address, registered or not. It says plainly who invited (name and
 * e-mail address, which the recipient can check) and keeps the account name, which the inviting
 * person chose, out of the subject and marked as their words in the body: the installation's own
 * mail server must not lend its name to a stranger's text. A branded account (its own branding or
 * its manager's, docs/product/api.md § Branding) is named by its brand the same way: quoted, in the
 * body only.
 */
export function invitationEmail(invitation: {
  to: string;
  inviter: { name: string; email: string };
  accountName: string;
  /** The display name of the account's own or its manager's branding; null when it has neither. */
  brandName: string | null;
  role: Role;
  link: string;
}): Email {
  const { inviter, accountName, brandName, role, link } = invitation;
  const brandLine = (line: string) => (brandName === null ? [] : [`${line} ${quoted(brandName)}`]);
  return {
    to: invitation.to,
    subject: `${inviter.email} bjuder in dig till Kvarter / ${inviter.email} invites you to Kvarter`,
    text: [
      `${quoted(inviter.name)} <${inviter.email}> har bjudit in dig att ${roleNames[role].sv} i ett konto på Kvarter.`,
      `Kontots namn, som den som bjöd in har valt: ${quoted(accountName)}`,
      ...brandLine('Kontot visas under varumärket, som dess administratörer har valt:'),
      'Ingenting händer om du inte tackar ja. Känner du inte avsändaren kan du bortse från det här meddelandet.',
      `Öppna inbjudan (länken gäller i 7 dagar och kan användas en gång): ${link}`,
      'Har du redan en användare på Kvarter? Logga in, så finns inbjudan på startsidan.',
      '',
      `${quoted(inviter.name)} <${inviter.email}> has invited you to ${roleNames[role].en} in an account on Kvarter.`,
      `The account's name, as the person who invited you chose it: ${quoted(accountName)}`,
      ...brandLine('The account is shown under the brand its administrators chose:'),
      'Nothing happens unless you accept. If you do not know the sender, you can ignore this message.',
      `Open the invitation (the link works once, for 7 days): ${link}`,
      'Already a Kvarter user? Sign in and the invitation is on the start page.',
      '',
    ].join('\n'),
  };
}
