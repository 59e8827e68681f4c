import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { startAppServer, type RunningServer } from '../test-support/app-server.ts';
import { FaultClient } from '../test-support/fault-client.ts';
import { freeBytes, mountSmallDisk, unmountSmallDisk } from '../test-support/fault-tmpfs.ts';
import { samplePhotos } from '../test-support/sample-photos.ts';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database.ts';

/**
 * docs/product/operations-promise.md § Fault suite, fault 3: the disk of the attachment directory
 * is full. The data directory's `attachments/` is a 1 MiB tmpfs; an upload larger than the space
 * left gets a clear error with the API's error shape (not a 500, not a reset connection), and
 * nothing is half written: no attachment row, no partial file in the directory or its `.incoming/`,
 * the space given back. The app keeps working: a small upload afterwards succeeds. A photo's
 * thumbnail that cannot be kept for want of space is answered all the same, and kept once there is room.
 */

const png = (size: number) => {
  const bytes = Buffer.alloc(size, 0x2a);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
  return bytes;
};

let dataDir: string;
let attachmentsDir: string;
let isMounted = false;
let database: TestDatabase;
let server: RunningServer;
let client: FaultClient;
let actionId: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'kvarter-diskfull-'));
  // The test cluster's certificate, so the HTTPS server here presents one its CA signed.
  const clusterTls = path.join(inject('testCluster').dataDir, 'tls');
  await mkdir(path.join(dataDir, 'tls'), { mode: 0o700 });
  for (const file of ['ca.crt', 'server.crt', 'server.key']) await copyFile(path.join(clusterTls, file), path.join(dataDir, 'tls', file));
  attachmentsDir = path.join(dataDir, 'attachments');
  await mkdir(attachmentsDir);
  await mountSmallDisk(attachmentsDir, '1m');
  isMounted = true;

  database = await createTestDatabase();
  server = await startAppServer({ databaseUrl: database.url, databaseCaFile: database.caFile, dataDir });
  client = new FaultClient(`https://localhost:${server.httpsPort}`, dataDir);
  await client.signUp('diskfull@example.se');
  const organisationId = await client.create(`/api/accounts/${client.accountId}/organisations`, { name: 'Brf Disk' });
  const propertyId = await client.create(`/api/organisations/${organisationId}/properties`, { name: 'Disk 1', boa: 1000, loa: 0 });
  const planId = await client.create(`/api/properties/${propertyId}/plans`, { name: 'Plan', startYear: 2026, clientCostPercent: 10 });
  actionId = await client.create(`/api/plans/${planId}/actions`, {
    name: 'Byte av takpapp',
    category: 'yttertak',
    quantity: 1,
    unit: 'st',
    unitPrice: 100000,
    year: 2030,
  });
}, 120_000);

afterAll(async () => {
  client?.close();
  // Bounded, so that the unmount below runs whatever state the server is left in.
  await Promise.race([server?.close().catch(() => undefined), sleep(15_000)]);
  await database?.drop().catch(() => undefined);
  // Unmounted on every way out, failures included: a tmpfs left behind would outlive the run.
  if (isMounted) await unmountSmallDisk(attachmentsDir);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}, 60_000);

/** Every file under the attachment directory, `.incoming/` included, as relative paths. */
async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(directory, path.join(entry.parentPath, entry.name)))
    .sort();
}

it('refuses an upload bigger than the free space with a clear error and leaves nothing half-written', async () => {
  const first = await client.upload<{ id: string; sizeBytes: number }>(`/api/actions/${actionId}/attachments`, {
    name: 'tak.png',
    contentType: 'image/png',
    bytes: png(100_000),
  });
  expect(first.status, JSON.stringify(first.body)).toBe(201);
  const filesBefore = await filesUnder(attachmentsDir);
  expect(filesBefore).toEqual([`${client.accountId}/${first.body.id}`]);
  const freeBefore = await freeBytes(attachmentsDir);
  expect(freeBefore).toBeLessThan(1_000_000);

  const tooBig = await client.upload(`/api/actions/${actionId}/attachments`, { name: 'ritning.png', contentType: 'image/png', bytes: png(2_000_000) });
  expect({ status: tooBig.status, body: tooBig.body }).toEqual({
    status: 507,
    body: {
      error: { code: 'storage_full', message: 'The server has no storage space left for this file. Try again later, or ask the operator to free space.' },
    },
  });

  // Nothing half-written: the one row and the one file of before, the space given back.
  const list = await client.request<{ id: string }[]>('GET', `/api/actions/${actionId}/attachments`);
  expect(list.body.map((attachment) => attachment.id)).toEqual([first.body.id]);
  expect(await filesUnder(attachmentsDir)).toEqual(filesBefore);
  expect(await freeBytes(attachmentsDir)).toBe(freeBefore);
  const rows = await database.db.selectFrom('action_attachments').select('id').execute();
  expect(rows.map((row) => row.id)).toEqual([first.body.id]);

  // The same session goes on working, and a file that fits is stored.
  const after = await client.upload<{ id: string }>(`/api/actions/${actionId}/attachments`, {
    name: 'kvitto.png',
    contentType: 'image/png',
    bytes: png(50_000),
  });
  expect(after.status, JSON.stringify(after.body)).toBe(201);
}, 60_000);

it('answers a thumbnail that the full disk cannot keep, leaves nothing behind, and keeps it once there is room', async () => {
  const photo = await client.upload<{ id: string }>(`/api/actions/${actionId}/attachments`, {
    name: 'foto.png',
    contentType: 'image/png',
    bytes: (await samplePhotos()).png,
  });
  expect(photo.status, JSON.stringify(photo.body)).toBe(201);
  // Outside any account's folder, so the storage does not count it as an attachment.
  const filler = path.join(attachmentsDir, 'filler');
  await writeFile(filler, Buffer.alloc(await freeBytes(attachmentsDir))).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOSPC') throw error;
  });
  expect(await freeBytes(attachmentsDir)).toBeLessThan(4096);
  const filesBefore = await filesUnder(attachmentsDir);

  const thumbnailPath = `/api/attachments/${photo.body.id}/thumbnail`;
  expect((await client.request('GET', thumbnailPath)).status).toBe(200);
  expect(await filesUnder(attachmentsDir)).toEqual(filesBefore);

  await rm(filler);
  expect((await client.request('GET', thumbnailPath)).status).toBe(200);
  expect(await filesUnder(attachmentsDir)).toEqual(
    [...filesBefore.filter((file) => file !== 'filler'), `${client.accountId}/${photo.body.id}.thumbnail`].sort(),
  );
}, 60_000);
