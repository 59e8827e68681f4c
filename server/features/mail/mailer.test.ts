import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodedBody, smtpUrl, TestSmtpServer } from '../../test-support/smtp-test-server.ts';
import { createTestApp, signUpUser, type TestApp } from '../../test-support/test-app.ts';

async function outboxRow(testApp: TestApp, recipient: string) {
  return testApp.database.db
    .selectFrom('outbox_emails')
    .select(['recipient', 'body', 'sent_at', 'last_error'])
    .where('recipient', '=', recipient)
    .executeTakeFirstOrThrow();
}

function invitationLinkIn(text: string): string {
  const link = /https:\/\/localhost:8443\/invitations\/[A-Za-z0-9_-]{20,}/.exec(text)?.[0];
  if (!link) throw new Error(`no invitation link in: ${text}`);
  return link;
}

describe('with SMTP_URL set', () => {
  const smtp = new TestSmtpServer();
  let testApp: TestApp;
  beforeAll(async () => {
    await smtp.start();
    testApp = await createTestApp({ environment: { SMTP_URL: smtpUrl(smtp.port, { trustCa: true }) } });
  });
  afterAll(async () => {
    await testApp?.close();
    await smtp.stop().catch(() => undefined);
  });

  it('delivers the invitation over STARTTLS, marks it sent, and keeps answering when the server is gone', async () => {
    const admin = await signUpUser(testApp.app);
    const invite = await admin.client.post(`/api/accounts/${admin.accountId}/members`, { email: 'ny.medlem@example.se', role: 'editor' });
    expect(invite.statusCode).toBe(201);
    expect(invite.json().status).toBe('invited');

    expect(smtp.messages).toHaveLength(1);
    const [message] = smtp.messages;
    expect(message).toMatchObject({ from: 'no-reply@localhost', to: ['ny.medlem@example.se'], secure: true });
    expect(message!.raw).toMatch(/^To: ny\.medlem@example\.se\r$/m);
    const sent = await outboxRow(testApp, 'ny.medlem@example.se');
    expect(decodedBody(message!.raw)).toContain(invitationLinkIn(sent.body));
    expect(sent.sent_at).toBeInstanceOf(Date);
    expect(sent.last_error).toBeNull();

    // The mail server goes away: the invitation is still made, the e-mail waits in the outbox.
    await smtp.stop();
    const second = await admin.client.post(`/api/accounts/${admin.accountId}/members`, { email: 'nummer.tva@example.se', role: 'viewer' });
    expect(second.statusCode).toBe(201);
    expect(second.json().status).toBe('invited');
    const members = await admin.client.get(`/api/accounts/${admin.accountId}/members`);
    expect(members.json().invitations.map((invitation: { email: string }) => invitation.email)).toContain('nummer.tva@example.se');
    const unsent = await outboxRow(testApp, 'nummer.tva@example.se');
    expect(unsent.sent_at).toBeNull();
    expect(unsent.last_error).toMatch(/ECONNREFUSED|connect/i);
    invitationLinkIn(unsent.body);
    expect(smtp.messages).toHaveLength(1);
  });
});

describe('with an SMTP server whose certificate cannot be verified', () => {
  const smtp = new TestSmtpServer();
  let testApp: TestApp;
  beforeAll(async () => {
    await smtp.start();
    testApp = await createTestApp({ environment: { SMTP_URL: smtpUrl(smtp.port, { trustCa: false }) } });
  });
  afterAll(async () => {
    await testApp?.close();
    await smtp.stop();
  });

  it('sends nothing (no fallback to plain text) and records the error', async () => {
    const admin = await signUpUser(testApp.app);
    const invite = await admin.client.post(`/api/accounts/${admin.accountId}/members`, { email: 'overifierad@example.se', role: 'viewer' });
    expect(invite.statusCode).toBe(201);
    expect(smtp.messages).toHaveLength(0);
    const row = await outboxRow(testApp, 'overifierad@example.se');
    expect(row.sent_at).toBeNull();
    expect(row.last_error).toMatch(/certificate/i);
  });
});

describe('without SMTP_URL', () => {
  const logLines: string[] = [];
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp({ logger: { level: 'info', stream: { write: (line: string) => void logLines.push(line) } } });
  });
  afterAll(async () => {
    await testApp?.close();
  });

  it('keeps the e-mail in the outbox and logs the link, but no session id or password', async () => {
    const admin = await signUpUser(testApp.app, { password: 'ett hemligt lösenord 42' });
    const sessionId = admin.client.cookie!.split('.')[0]!;
    const invite = await admin.client.post(`/api/accounts/${admin.accountId}/members`, { email: 'loggad@example.se', role: 'viewer' });
    expect(invite.statusCode).toBe(201);

    const row = await outboxRow(testApp, 'loggad@example.se');
    expect(row.sent_at).toBeNull();
    expect(row.last_error).toBeNull();
    const link = invitationLinkIn(row.body);

    const mailLines = logLines.filter((line) => line.includes('SMTP not configured'));
    expect(mailLines).toHaveLength(1);
    const entry = JSON.parse(mailLines[0]!) as { to: string; text: string };
    expect(entry.to).toBe('loggad@example.se');
    expect(entry.text).toContain(link);

    // Nothing logged while signing up, signing in and inviting carries the session or the password.
    expect(logLines.length).toBeGreaterThan(1);
    for (const line of logLines) {
      expect(line).not.toContain(sessionId);
      expect(line).not.toContain(admin.password);
      expect(line).not.toContain(admin.client.csrfToken!);
    }
  });
});
