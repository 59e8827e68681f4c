import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFilesUnder, sampleFiles, uploadFiles } from '../../test-support/attachment-uploads.ts';
import { created, createPropertyWithPlan, expectAllNotFound, signUpTeam, type Person, type Team } from '../../test-support/plan-data.ts';
import { blue, describeImage, isNear, red, samplePhotos } from '../../test-support/sample-photos.ts';
import { startS3TestServer, type S3TestServer } from '../../test-support/s3-test-server.ts';
import { createTestApp, TestClient, type TestApp } from '../../test-support/test-app.ts';
import { createAttachmentStorage } from './attachment-storage.ts';
import { purgeExpiredTrash } from '../trash/purge-trash.ts';
import { orphanGraceMs, sweepOrphanAttachmentFiles } from './sweep-orphan-attachment-files.ts';

const action = { name: 'Byte av takpapp', category: 'yttertak', quantity: 450, unit: 'm2', unitPrice: 640.5, year: 2031 };
const thumbnailUrl = (id: string) => `/api/attachments/${id}/thumbnail`;
type Photos = Awaited<ReturnType<typeof samplePhotos>>;

let photos: Photos;
let dataDir: string;
let testApp: TestApp;
let team: Team;
let other: Team;
let actionId: string;

beforeAll(async () => {
  photos = await samplePhotos();
  dataDir = await mkdtemp(path.join(tmpdir(), 'kvarter-thumbnails-test-'));
  testApp = await createTestApp({ environment: { KVARTER_DATA_DIR: dataDir } });
  team = await signUpTeam(testApp.app);
  other = await signUpTeam(testApp.app);
  actionId = await createAction(team.editor.client, team);
});
afterAll(async () => {
  await testApp.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function createAction(client: TestClient, owner: Team): Promise<string> {
  const { planId } = await createPropertyWithPlan(client, owner.accountId);
  return created<{ id: string }>(await client.post(`/api/plans/${planId}/actions`, action)).id;
}

async function upload(person: Person, fileName: string, content: Buffer, id = actionId): Promise<string> {
  return created<{ id: string }>(await uploadFiles(person.client, id, [{ fileName, content }])).id;
}

const storedFile = (accountId: string, attachmentId: string) => path.join(dataDir, 'attachments', accountId, attachmentId);
const storedThumbnail = (accountId: string, attachmentId: string) => `${storedFile(accountId, attachmentId)}.thumbnail`;

describe('GET /api/attachments/:id/thumbnail', () => {
  it('answers a WebP of at most 320 px on the longer side for every photo type, to every member', async () => {
    for (const [kind, fileName] of [
      ['jpeg', 'tak.jpg'],
      ['png', 'ritning.png'],
      ['webp', 'fasad.webp'],
      ['heic', 'IMG_0042.HEIC'],
    ] as const) {
      const id = await upload(team.editor, fileName, photos[kind]);
      for (const person of [team.viewer, team.editor, team.admin]) {
        const response = await person.client.get(thumbnailUrl(id));
        expect(response.statusCode, `${kind}: ${response.body.slice(0, 200)}`).toBe(200);
        expect(response.headers['content-type'], kind).toBe('image/webp');
        const image = await describeImage(response.rawPayload, [
          { x: 10, y: 100 },
          { x: 310, y: 100 },
        ]);
        expect([image.format, image.width, image.height], kind).toEqual(['webp', 320, 200]);
        expect(isNear(image.colours[0]!, red) && isNear(image.colours[1]!, blue), `${kind}: the picture is kept`).toBe(true);
      }
    }
  });

  it('turns the photo upright by its EXIF orientation', async () => {
    const id = await upload(team.viewer, 'stående.jpg', photos.jpegTurned);
    const image = await describeImage((await team.viewer.client.get(thumbnailUrl(id))).rawPayload, [
      { x: 100, y: 10 },
      { x: 100, y: 310 },
    ]);
    expect([image.width, image.height]).toEqual([200, 320]);
    expect(isNear(image.colours[0]!, red) && isNear(image.colours[1]!, blue)).toBe(true);
  });

  it('is shown inline but sandboxed, not sniffed, and kept privately by the browser', async () => {
    const id = await upload(team.editor, 'tak.png', photos.png);
    const response = await team.viewer.client.get(thumbnailUrl(id));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/webp');
    expect(response.headers['content-disposition']).toBeUndefined();
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toBe("sandbox; default-src 'none'; frame-ancestors 'none'");
    expect(response.headers['cache-control']).toBe('private, max-age=604800, immutable');
  });

  it('is made once, on the first request, and kept beside the photo', async () => {
    const id = await upload(team.editor, 'en-gång.jpg', photos.jpeg);
    await expect(stat(storedThumbnail(team.accountId, id))).rejects.toThrow(/ENOENT/);
    const [first, concurrent] = await Promise.all([team.viewer.client.get(thumbnailUrl(id)), team.editor.client.get(thumbnailUrl(id))]);
    expect([first.statusCode, concurrent.statusCode]).toEqual([200, 200]);
    expect(await readFile(storedThumbnail(team.accountId, id))).toEqual(first.rawPayload);
    const madeAt = (await stat(storedThumbnail(team.accountId, id))).mtimeMs;

    // Without the photo, a second request can only be answered from the kept thumbnail.
    await rm(storedFile(team.accountId, id));
    const second = await team.admin.client.get(thumbnailUrl(id));
    expect(second.statusCode).toBe(200);
    expect(second.rawPayload).toEqual(first.rawPayload);
    expect((await stat(storedThumbnail(team.accountId, id))).mtimeMs).toBe(madeAt);
    expect((await listFilesUnder(path.join(dataDir, 'attachments'))).filter((file) => file.startsWith('.incoming'))).toEqual([]);
  });

  it('answers 404 for a PDF, for a photo that cannot be decoded, and for a photo whose file is gone', async () => {
    const pdf = await upload(team.editor, 'offert.pdf', sampleFiles.pdf);
    const damaged = await upload(team.editor, 'trasig.jpg', sampleFiles.jpeg);
    const damagedHeic = await upload(team.editor, 'trasig.heic', sampleFiles.heic);
    const gone = await upload(team.editor, 'borta.png', photos.png);
    await rm(storedFile(team.accountId, gone));
    for (const [id, message] of [
      [pdf, 'Attachment thumbnail not found'],
      [damaged, 'Attachment thumbnail not found'],
      [damagedHeic, 'Attachment thumbnail not found'],
      [gone, 'Attachment file not found'],
    ] as const) {
      const response = await team.viewer.client.get(thumbnailUrl(id));
      expect(response.statusCode, message).toBe(404);
      expect(response.json().error).toEqual({ code: 'not_found', message });
    }
    // Nothing is kept for what has no thumbnail.
    for (const id of [pdf, damaged, damagedHeic, gone]) await expect(stat(storedThumbnail(team.accountId, id))).rejects.toThrow(/ENOENT/);
  });

  it("answers 401 without a session and 404 to another account's members, and makes nothing for them", async () => {
    const id = await upload(team.viewer, 'intern.jpg', photos.jpeg);
    expect((await new TestClient(testApp.app).get(thumbnailUrl(id))).statusCode).toBe(401);
    for (const outsider of [other.admin, other.editor, other.viewer]) {
      await expectAllNotFound(outsider.client, [{ method: 'GET', url: thumbnailUrl(id) }]);
    }
    await expectAllNotFound(team.admin.client, [
      { method: 'GET', url: thumbnailUrl(randomUUID()) },
      { method: 'GET', url: thumbnailUrl(actionId) },
      { method: 'GET', url: thumbnailUrl('not-a-uuid') },
    ]);
    await expect(stat(storedThumbnail(team.accountId, id))).rejects.toThrow(/ENOENT/);
  });

  it('is deleted with its attachment, and swept with the files of a deleted action', async () => {
    const id = await upload(team.viewer, 'bort.jpg', photos.jpeg);
    expect((await team.viewer.client.get(thumbnailUrl(id))).statusCode).toBe(200);
    expect((await team.viewer.client.delete(`/api/attachments/${id}`)).statusCode).toBe(204);
    await expect(stat(storedThumbnail(team.accountId, id))).rejects.toThrow(/ENOENT/);
    expect((await team.viewer.client.get(thumbnailUrl(id))).statusCode).toBe(404);

    const doomedActionId = await createAction(team.editor.client, team);
    const doomed = await upload(team.viewer, 'tak.jpg', photos.jpeg, doomedActionId);
    const kept = await upload(team.viewer, 'kvar.jpg', photos.jpeg);
    for (const attachment of [doomed, kept]) expect((await team.viewer.client.get(thumbnailUrl(attachment))).statusCode).toBe(200);
    expect((await team.editor.client.delete(`/api/actions/${doomedActionId}`)).statusCode).toBe(204);
    const storage = createAttachmentStorage(dataDir, testApp.config.attachments);
    const later = new Date(Date.now() + orphanGraceMs + 60_000);
    const before = await listFilesUnder(path.join(dataDir, 'attachments', team.accountId));
    // Kept while the action is in the trash, then swept once the trash is purged.
    expect(await sweepOrphanAttachmentFiles(testApp.database.db, storage, later)).toBe(0);
    const afterRetention = new Date(Date.now() + (testApp.config.trashRetentionDays + 1) * 24 * 60 * 60 * 1000);
    expect(await purgeExpiredTrash(testApp.database.db, testApp.config.trashRetentionDays, afterRetention)).toBe(1);
    expect(await sweepOrphanAttachmentFiles(testApp.database.db, storage, later)).toBe(2);
    expect(await listFilesUnder(path.join(dataDir, 'attachments', team.accountId))).toEqual(before.filter((file) => !file.startsWith(doomed)));
    await readFile(storedThumbnail(team.accountId, kept));
  });
});

describe('thumbnails in S3', () => {
  let s3: S3TestServer;
  let s3App: TestApp;
  let s3Team: Team;

  beforeAll(async () => {
    s3 = await startS3TestServer();
    s3App = await createTestApp({ environment: { KVARTER_DATA_DIR: dataDir, ...s3.attachmentEnvironment } });
    s3Team = await signUpTeam(s3App.app);
  }, 60_000);
  afterAll(async () => {
    await s3App?.close();
    await s3?.stop();
  });

  it('makes the thumbnail once, keeps it beside the photo in the bucket, and deletes both', async () => {
    const storage = createAttachmentStorage(dataDir, s3App.config.attachments);
    const s3ActionId = await createAction(s3Team.editor.client, s3Team);
    const id = await upload(s3Team.viewer, 'IMG_0042.HEIC', photos.heic, s3ActionId);
    const key = `${s3Team.accountId}/${id}`;
    const first = await s3Team.viewer.client.get(thumbnailUrl(id));
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('image/webp');
    expect(await describeImage(first.rawPayload)).toMatchObject({ format: 'webp', width: 320, height: 200 });
    expect((await storage.list()).map((file) => file.key).sort()).toEqual([key, `${key}.thumbnail`]);

    await storage.delete(key);
    const second = await s3Team.editor.client.get(thumbnailUrl(id));
    expect(second.statusCode).toBe(200);
    expect(second.rawPayload).toEqual(first.rawPayload);

    expect((await s3Team.viewer.client.delete(`/api/attachments/${id}`)).statusCode).toBe(204);
    expect(await storage.list()).toEqual([]);
    // Nothing was written to the disk storage.
    expect(await listFilesUnder(path.join(dataDir, 'attachments', s3Team.accountId))).toEqual([]);
  });
});
