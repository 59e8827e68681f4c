import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleFiles, listFilesUnder, multipartBody, uploadFiles, type FilePart } from '../../test-support/attachment-uploads.ts';
import { created, createPropertyWithPlan, expectAllNotFound, isoTimestamp, signUpTeam, type Person, type Team } from '../../test-support/plan-data.ts';
import { startS3TestServer, type S3TestServer } from '../../test-support/s3-test-server.ts';
import { createTestApp, TestClient, type TestApp } from '../../test-support/test-app.ts';
import { createAttachmentStorage } from './attachment-storage.ts';
import { createAttachment, type AttachmentDeps } from './attachments.service.ts';
import { purgeExpiredTrash } from '../trash/purge-trash.ts';
import { orphanGraceMs, sweepOrphanAttachmentFiles } from './sweep-orphan-attachment-files.ts';

/** A small limit, so an oversized file is cheap to send. */
const maxBytes = 1024;
const action = { name: 'Byte av takpapp', category: 'yttertak', quantity: 450, unit: 'm2', unitPrice: 640.5, year: 2031 };
const attachmentsUrl = (id: string) => `/api/actions/${id}/attachments`;
const contentUrl = (id: string) => `/api/attachments/${id}/content`;
const attachmentUrl = (id: string) => `/api/attachments/${id}`;

type AttachmentBody = { id: string; fileName: string; contentType: string; sizeBytes: number; uploadedBy: string | null; uploaderName: string | null };

let dataDir: string;
let testApp: TestApp;
let team: Team;
let other: Team;
let planId: string;
let actionId: string;
let foreignActionId: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'kvarter-attachments-test-'));
  testApp = await createTestApp({ environment: { KVARTER_DATA_DIR: dataDir, ATTACHMENT_MAX_BYTES: String(maxBytes) } });
  team = await signUpTeam(testApp.app);
  other = await signUpTeam(testApp.app);
  planId = (await createPropertyWithPlan(team.editor.client, team.accountId)).planId;
  actionId = await createAction(team.editor, planId);
  const foreign = await createPropertyWithPlan(other.editor.client, other.accountId);
  foreignActionId = await createAction(other.editor, foreign.planId);
});
afterAll(async () => {
  await testApp.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** A moment when everything in the trash now is due for purging. */
const afterRetention = (app: TestApp) => new Date(Date.now() + (app.config.trashRetentionDays + 1) * 24 * 60 * 60 * 1000);

async function createAction(person: Person, plan: string): Promise<string> {
  return created<{ id: string }>(await person.client.post(`/api/plans/${plan}/actions`, action)).id;
}

async function nameOf(person: Person): Promise<string> {
  return (await testApp.database.db.selectFrom('users').select('name').where('id', '=', person.userId).executeTakeFirstOrThrow()).name;
}

async function upload(person: Person, part: FilePart, id = actionId): Promise<AttachmentBody> {
  return created<AttachmentBody>(await uploadFiles(person.client, id, [part]));
}

const storedFile = (accountId: string, attachmentId: string) => path.join(dataDir, 'attachments', accountId, attachmentId);

/** Rows of the attachments table and files under the attachments directory (the incoming one included). */
async function countStored(): Promise<{ rows: number; files: string[] }> {
  const rows = await testApp.database.db.selectFrom('action_attachments').select('id').execute();
  return { rows: rows.length, files: await listFilesUnder(path.join(dataDir, 'attachments')) };
}

describe('uploading attachments', () => {
  it('stores each allowed type under the type its bytes show, whatever the client declared', async () => {
    const cases: [keyof typeof sampleFiles, string, string][] = [
      ['jpeg', 'tak.jpg', 'image/jpeg'],
      ['png', 'ritning.png', 'image/png'],
      ['webp', 'fasad.webp', 'image/webp'],
      ['heic', 'IMG_0042.HEIC', 'image/heic'],
      ['pdf', 'offert.pdf', 'application/pdf'],
    ];
    for (const [kind, fileName, contentType] of cases) {
      // Declared as something else on purpose: only the bytes count.
      const response = await uploadFiles(team.viewer.client, actionId, [{ fileName, contentType: 'text/html', content: sampleFiles[kind] }]);
      expect(response.statusCode, response.body).toBe(201);
      const body = response.json();
      expect(body).toEqual({
        id: expect.any(String),
        actionId,
        fileName,
        contentType,
        sizeBytes: sampleFiles[kind].length,
        uploadedBy: team.viewer.userId,
        uploaderName: await nameOf(team.viewer),
        createdAt: isoTimestamp,
      });
      expect(await readFile(storedFile(team.accountId, body.id))).toEqual(sampleFiles[kind]);
      const row = await testApp.database.db.selectFrom('action_attachments').selectAll().where('id', '=', body.id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ account_id: team.accountId, storage_key: `${team.accountId}/${body.id}`, content_type: contentType, file_name: fileName });
    }
    const list = await team.viewer.client.get(attachmentsUrl(actionId));
    expect(list.statusCode).toBe(200);
    expect(list.json().map((item: AttachmentBody) => [item.fileName, item.contentType, item.sizeBytes])).toEqual(
      cases.map(([kind, fileName, contentType]) => [fileName, contentType, sampleFiles[kind].length]),
    );
    // Nothing is left in the incoming directory.
    expect((await countStored()).files.filter((file) => file.startsWith('.incoming'))).toEqual([]);
  });

  it('accepts a file of exactly the limit and keeps only a safe display name', async () => {
    const exact = Buffer.concat([sampleFiles.jpeg, Buffer.alloc(maxBytes - sampleFiles.jpeg.length, 9)]);
    expect(exact.length).toBe(maxBytes);
    const names: [string, string][] = [
      ['../../etc/passwd.pdf', 'passwd.pdf'],
      ['C:\\Users\\Eva\\Bilder\\tak.jpg', 'tak.jpg'],
      ['fak\u202Egpj.exe', 'fakgpj.exe'],
      ['rad\u0001brytning\u007f.jpg', 'radbrytning.jpg'],
      ['   ', 'file'],
      [`${'å'.repeat(300)}.jpg`, `${'å'.repeat(251)}.jpg`],
    ];
    for (const [sent, kept] of names) {
      const body = await upload(team.editor, { fileName: sent, content: exact });
      expect(body.fileName).toBe(kept);
      expect(body.sizeBytes).toBe(maxBytes);
    }
  });

  it('answers 400 on `file` to every refused upload, in the request language, and stores nothing', async () => {
    const before = await countStored();
    const oversized = Buffer.concat([sampleFiles.jpeg, Buffer.alloc(maxBytes + 1 - sampleFiles.jpeg.length, 9)]);
    const muchTooLarge = Buffer.concat([sampleFiles.pdf, Buffer.alloc(50 * maxBytes, 9)]);
    const cases: [string, Parameters<typeof multipartBody>[0], string, string][] = [
      ['one byte too large', [{ fileName: 'stor.jpg', content: oversized }], 'attachment.too_large', 'Filen är större än vad som tillåts.'],
      ['far too large', [{ fileName: 'stor.pdf', content: muchTooLarge }], 'attachment.too_large', 'Filen är större än vad som tillåts.'],
      [
        'HTML renamed .pdf',
        [{ fileName: 'faktura.pdf', contentType: 'application/pdf', content: sampleFiles.html }],
        'attachment.type_not_allowed',
        'Bara foton (JPEG, PNG, WebP, HEIC) och PDF-filer kan bifogas.',
      ],
      [
        'a Windows program',
        [{ fileName: 'bild.jpg', contentType: 'image/jpeg', content: sampleFiles.exe }],
        'attachment.type_not_allowed',
        'Bara foton (JPEG, PNG, WebP, HEIC) och PDF-filer kan bifogas.',
      ],
      [
        'too short to tell',
        [{ fileName: 'x.jpg', content: Buffer.from([0xff, 0xd8]) }],
        'attachment.type_not_allowed',
        'Bara foton (JPEG, PNG, WebP, HEIC) och PDF-filer kan bifogas.',
      ],
      ['empty', [{ fileName: 'tom.pdf', contentType: 'application/pdf', content: Buffer.alloc(0) }], 'attachment.empty', 'Filen är tom.'],
      ['no part at all', [], 'attachment.required', 'Välj en fil att ladda upp.'],
      ['a field only', [{ field: 'note', value: 'hej' }], 'attachment.unexpected_field', 'Skicka bara filen, i fältet file.'],
      [
        'the file under another name',
        [{ field: 'document', fileName: 'tak.jpg', content: sampleFiles.jpeg }],
        'attachment.unexpected_field',
        'Skicka bara filen, i fältet file.',
      ],
      [
        'a field before the file',
        [
          { field: 'note', value: 'hej' },
          { fileName: 'tak.jpg', content: sampleFiles.jpeg },
        ],
        'attachment.unexpected_field',
        'Skicka bara filen, i fältet file.',
      ],
      [
        'a field after the file',
        [
          { fileName: 'tak.jpg', content: sampleFiles.jpeg },
          { field: 'note', value: 'hej' },
        ],
        'attachment.unexpected_field',
        'Skicka bara filen, i fältet file.',
      ],
      [
        'two files',
        [
          { fileName: 'a.jpg', content: sampleFiles.jpeg },
          { fileName: 'b.png', content: sampleFiles.png },
        ],
        'attachment.too_many',
        'Ladda upp en fil i taget.',
      ],
    ];
    for (const [label, parts, code, swedish] of cases) {
      const response = await uploadFiles(team.viewer.client, actionId, parts, { 'accept-language': 'sv' });
      expect(response.statusCode, `${label}: ${response.body}`).toBe(400);
      expect(response.json().error, label).toEqual({ code: 'validation', message: expect.any(String), fields: { file: swedish }, fieldCodes: { file: code } });
      expect(await countStored(), label).toEqual(before);
    }
    const english = await uploadFiles(team.viewer.client, actionId, [{ fileName: 'tom.pdf', content: Buffer.alloc(0) }], { 'accept-language': 'en' });
    expect(english.json().error.fields).toEqual({ file: 'The file is empty.' });
  });

  it('answers 415 to a body that is not multipart, and 400 to malformed multipart, never 5xx', async () => {
    const json = await team.viewer.client.post(attachmentsUrl(actionId), { file: 'x' });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe('unsupported_media_type');
    const { body } = multipartBody([{ fileName: 'tak.jpg', content: sampleFiles.jpeg }]);
    for (const [label, payload, contentType] of [
      ['no boundary', body, 'multipart/form-data'],
      ['wrong boundary', body, 'multipart/form-data; boundary=nothing-like-it'],
      [
        'cut short',
        body.subarray(0, body.length - 40),
        multipartBody([]).contentType.replace(/boundary=.*/, `boundary=${/--(\S+)/.exec(body.toString('latin1'))![1]}`),
      ],
      ['garbage', Buffer.from('this is not multipart at all'), 'multipart/form-data; boundary=abc'],
      ['a boundary longer than busboy takes', body, `multipart/form-data; boundary=${'b'.repeat(300)}`],
    ] as const) {
      const response = await team.viewer.client.request('POST', attachmentsUrl(actionId), payload, { 'content-type': contentType });
      expect(response.statusCode, `${label}: ${response.body}`).toBe(400);
      expect(response.json().error.fieldCodes, label).toEqual({ file: 'attachment.required' });
    }
    expect((await countStored()).files.filter((file) => file.startsWith('.incoming'))).toEqual([]);
  });

  it('tells clients the limits', async () => {
    const response = await team.viewer.client.get('/api/attachments/limits');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ maxBytes, contentTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf'] });
    expect((await new TestClient(testApp.app).get('/api/attachments/limits')).statusCode).toBe(401);
  });
});

describe('downloading attachments', () => {
  it('always sends the bytes as a download, sandboxed and not cached', async () => {
    const body = await upload(team.editor, { fileName: "Takfoto öst 'A' (1).jpg", contentType: 'image/jpeg', content: sampleFiles.jpeg });
    const response = await team.viewer.client.get(contentUrl(body.id));
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload).toEqual(sampleFiles.jpeg);
    expect(response.headers['content-type']).toBe('image/jpeg');
    expect(response.headers['content-length']).toBe(String(sampleFiles.jpeg.length));
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="Takfoto _st 'A' (1).jpg"; filename*=UTF-8''Takfoto%20%C3%B6st%20%27A%27%20%281%29.jpg`,
    );
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toBe("sandbox; default-src 'none'; frame-ancestors 'none'");
    expect(response.headers['cache-control']).toBe('private, no-store');
  });

  it('answers 404 when the stored file has gone missing (e.g. after a restore)', async () => {
    const body = await upload(team.editor, { fileName: 'borta.pdf', content: sampleFiles.pdf });
    await rm(storedFile(team.accountId, body.id));
    const response = await team.viewer.client.get(contentUrl(body.id));
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toEqual({ code: 'not_found', message: 'Attachment file not found' });
  });
});

describe('deleting attachments', () => {
  it('lets the uploader delete their own, editors and admins anyone’s, and a viewer nobody else’s', async () => {
    const byViewer = await upload(team.viewer, { fileName: 'viewer.jpg', content: sampleFiles.jpeg });
    const byEditor = await upload(team.editor, { fileName: 'editor.jpg', content: sampleFiles.jpeg });
    const byAdmin = await upload(team.admin, { fileName: 'admin.jpg', content: sampleFiles.jpeg });
    const secondByViewer = await upload(team.viewer, { fileName: 'viewer2.jpg', content: sampleFiles.jpeg });

    for (const id of [byEditor.id, byAdmin.id]) {
      const response = await team.viewer.client.delete(attachmentUrl(id));
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('forbidden');
    }
    for (const [person, id] of [
      [team.viewer, byViewer.id],
      [team.editor, byAdmin.id],
      [team.admin, byEditor.id],
      [team.editor, secondByViewer.id],
    ] as const) {
      expect((await person.client.delete(attachmentUrl(id))).statusCode).toBe(204);
      await expect(readFile(storedFile(team.accountId, id))).rejects.toThrow(/ENOENT/);
      expect((await team.viewer.client.get(contentUrl(id))).statusCode).toBe(404);
    }
    expect((await team.admin.client.delete(attachmentUrl(byViewer.id))).statusCode).toBe(404);
  });

  it('removes the files of an action deleted by cascade with the orphan sweep, after the grace period and the trash purge only', async () => {
    const doomedActionId = await createAction(team.editor, planId);
    const doomed = await upload(team.viewer, { fileName: 'tak.jpg', content: sampleFiles.jpeg }, doomedActionId);
    const kept = await upload(team.viewer, { fileName: 'kvar.jpg', content: sampleFiles.jpeg });
    expect((await team.editor.client.delete(`/api/actions/${doomedActionId}`)).statusCode).toBe(204);
    expect(await testApp.database.db.selectFrom('action_attachments').select('id').where('action_id', '=', doomedActionId).execute()).toEqual([]);

    const storage = createAttachmentStorage(dataDir, testApp.config.attachments);
    // Fresh files may belong to an upload whose row is not in yet.
    expect(await sweepOrphanAttachmentFiles(testApp.database.db, storage)).toBe(0);
    await readFile(storedFile(team.accountId, doomed.id));

    // The action is in the trash, restorable with its attachment, until the trash is purged.
    const later = new Date(Date.now() + orphanGraceMs + 60_000);
    expect(await sweepOrphanAttachmentFiles(testApp.database.db, storage, later)).toBe(0);
    await readFile(storedFile(team.accountId, doomed.id));
    const inTrash = await testApp.database.db.selectFrom('trash_items').select('id').execute();
    expect(inTrash.map((item) => item.id)).toContain(doomedActionId);
    expect(await purgeExpiredTrash(testApp.database.db, testApp.config.trashRetentionDays, afterRetention(testApp))).toBe(inTrash.length);
    expect(await sweepOrphanAttachmentFiles(testApp.database.db, storage, later)).toBe(1);
    await expect(readFile(storedFile(team.accountId, doomed.id))).rejects.toThrow(/ENOENT/);
    expect(await readFile(storedFile(team.accountId, kept.id))).toEqual(sampleFiles.jpeg);
    expect(await sweepOrphanAttachmentFiles(testApp.database.db, storage, later)).toBe(0);
  });

  it('removes a received upload left behind by a crash once it is old', async () => {
    const stale = path.join(dataDir, 'attachments', '.incoming', `${randomUUID()}.upload`);
    await import('node:fs/promises').then(({ writeFile }) => writeFile(stale, 'half a file'));
    const old = new Date(Date.now() - orphanGraceMs - 60_000);
    await utimes(stale, old, old);
    expect(await sweepOrphanAttachmentFiles(testApp.database.db, createAttachmentStorage(dataDir, testApp.config.attachments))).toBe(1);
    expect((await countStored()).files.filter((file) => file.startsWith('.incoming'))).toEqual([]);
  });

  it('deletes the stored file when the row cannot be inserted (the action went away during the upload)', async () => {
    const vanishingActionId = await createAction(team.editor, planId);
    const before = await countStored();
    const deps = {
      db: testApp.database.db,
      config: testApp.config,
      log: pino({ level: 'silent' }),
      storage: createAttachmentStorage(dataDir, testApp.config.attachments),
    } as unknown as AttachmentDeps;
    const actor = { userId: team.editor.userId, sessionId: 'test', ip: '127.0.0.1' };
    const attempt = createAttachment(deps, actor, vanishingActionId, async (directory) => {
      const file = path.join(directory, `${randomUUID()}.upload`);
      const { writeFile } = await import('node:fs/promises');
      await writeFile(file, sampleFiles.pdf);
      await testApp.database.db.deleteFrom('actions').where('id', '=', vanishingActionId).execute();
      return { path: file, fileName: 'offert.pdf', contentType: 'application/pdf', sizeBytes: sampleFiles.pdf.length };
    });
    await expect(attempt).rejects.toMatchObject({ code: 'not_found' });
    expect(await countStored()).toEqual(before);
  });
});

describe('tenancy', () => {
  it('answers 401 without a session', async () => {
    const anonymous = new TestClient(testApp.app);
    expect((await anonymous.get(attachmentsUrl(actionId))).statusCode).toBe(401);
    expect((await uploadFiles(anonymous, actionId, [{ fileName: 'a.jpg', content: sampleFiles.jpeg }])).statusCode).toBe(401);
  });

  it("answers 404 to another account's members for every attachment route, and stores nothing", async () => {
    const own = await upload(team.viewer, { fileName: 'intern.pdf', content: sampleFiles.pdf });
    const foreign = await upload(other.viewer, { fileName: 'annan.pdf', content: sampleFiles.pdf }, foreignActionId);
    const before = await countStored();
    for (const outsider of [other.admin, other.editor, other.viewer]) {
      await expectAllNotFound(outsider.client, [
        { method: 'GET', url: attachmentsUrl(actionId) },
        { method: 'GET', url: contentUrl(own.id) },
        { method: 'DELETE', url: attachmentUrl(own.id) },
      ]);
      const upload = await uploadFiles(outsider.client, actionId, [{ fileName: 'intrång.jpg', content: sampleFiles.jpeg }]);
      expect(upload.statusCode).toBe(404);
      expect(upload.json().error.code).toBe('not_found');
    }
    await expectAllNotFound(team.admin.client, [
      { method: 'GET', url: attachmentsUrl(foreignActionId) },
      { method: 'GET', url: contentUrl(foreign.id) },
      { method: 'DELETE', url: attachmentUrl(foreign.id) },
      { method: 'GET', url: attachmentsUrl(randomUUID()) },
      { method: 'GET', url: contentUrl(randomUUID()) },
      { method: 'DELETE', url: attachmentUrl(randomUUID()) },
      { method: 'GET', url: contentUrl(actionId) },
      { method: 'GET', url: contentUrl('not-a-uuid') },
      { method: 'DELETE', url: attachmentUrl('../../etc') },
    ]);
    for (const id of [foreignActionId, randomUUID(), 'not-a-uuid']) {
      const response = await uploadFiles(team.admin.client, id, [{ fileName: 'a.jpg', content: sampleFiles.jpeg }]);
      expect(response.statusCode).toBe(404);
    }
    expect(await countStored()).toEqual(before);
  });
});

describe('attachments in S3', () => {
  let s3: S3TestServer;
  let s3App: TestApp;
  let s3Team: Team;
  let s3ActionId: string;

  beforeAll(async () => {
    s3 = await startS3TestServer();
    s3App = await createTestApp({ environment: { KVARTER_DATA_DIR: dataDir, ATTACHMENT_MAX_BYTES: String(maxBytes), ...s3.attachmentEnvironment } });
    s3Team = await signUpTeam(s3App.app);
    const plan = await createPropertyWithPlan(s3Team.editor.client, s3Team.accountId);
    s3ActionId = created<{ id: string }>(await s3Team.editor.client.post(`/api/plans/${plan.planId}/actions`, action)).id;
  }, 60_000);
  afterAll(async () => {
    await s3App?.close();
    await s3?.stop();
  });

  it('uploads, lists, downloads, refuses, deletes and sweeps through the bucket', async () => {
    const storage = createAttachmentStorage(dataDir, s3App.config.attachments);
    expect(storage.kind).toBe('s3');
    const uploaded = created<AttachmentBody>(await uploadFiles(s3Team.viewer.client, s3ActionId, [{ fileName: 'offert.pdf', content: sampleFiles.pdf }]));
    expect(await storage.list()).toEqual([{ key: `${s3Team.accountId}/${uploaded.id}`, lastModified: expect.any(Date) }]);
    expect((await s3Team.viewer.client.get(attachmentsUrl(s3ActionId))).json()).toEqual([
      expect.objectContaining({ id: uploaded.id, fileName: 'offert.pdf', contentType: 'application/pdf' }),
    ]);
    const download = await s3Team.viewer.client.get(contentUrl(uploaded.id));
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload).toEqual(sampleFiles.pdf);
    expect(download.headers['content-disposition']).toBe(`attachment; filename="offert.pdf"; filename*=UTF-8''offert.pdf`);

    const refused = await uploadFiles(s3Team.viewer.client, s3ActionId, [{ fileName: 'x.pdf', content: sampleFiles.html }]);
    expect(refused.statusCode).toBe(400);
    expect(await storage.list()).toHaveLength(1);

    expect((await s3Team.viewer.client.delete(attachmentUrl(uploaded.id))).statusCode).toBe(204);
    expect(await storage.list()).toEqual([]);

    const orphaned = created<AttachmentBody>(await uploadFiles(s3Team.viewer.client, s3ActionId, [{ fileName: 'tak.png', content: sampleFiles.png }]));
    expect((await s3Team.editor.client.delete(`/api/actions/${s3ActionId}`)).statusCode).toBe(204);
    expect(await sweepOrphanAttachmentFiles(s3App.database.db, storage, new Date(Date.now() + orphanGraceMs + 60_000))).toBe(0);
    expect(await purgeExpiredTrash(s3App.database.db, s3App.config.trashRetentionDays, afterRetention(s3App))).toBe(1);
    expect(await sweepOrphanAttachmentFiles(s3App.database.db, storage, new Date(Date.now() + orphanGraceMs + 60_000))).toBe(1);
    expect(await storage.list()).toEqual([]);
    expect(orphaned.contentType).toBe('image/png');
    // Nothing was written to the disk storage.
    expect(await listFilesUnder(path.join(dataDir, 'attachments', s3Team.accountId))).toEqual([]);
  });
});
