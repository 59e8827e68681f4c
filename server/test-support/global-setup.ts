import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { ensureLocalCluster, type LocalCluster } from '../../ops/local-cluster.ts';
import { parseConnectionOptions } from '../db/connection-options.ts';
import { createDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    testCluster: { adminUrl: string; appUrl: string; caFile: string; dataDir: string; templateDatabase: string };
  }
}

const templateDatabase = 'kvarter_test_template';
let cluster: LocalCluster | undefined;
let ownDataDir: string | undefined;

/**
 * One real, TLS-only PostgreSQL cluster for the whole run, made by the same code as `npm start`
 * (WAL archiving included), and a migrated template database from which every test file clones
 * its own database. Each run gets its own cluster (var/test-runs/…, removed afterwards), so runs
 * in parallel never stop each other's; KVARTER_TEST_DATA_DIR keeps one across runs instead.
 */
export async function setup(project: TestProject): Promise<void> {
  let dataDir = process.env.KVARTER_TEST_DATA_DIR ? path.resolve(process.env.KVARTER_TEST_DATA_DIR) : undefined;
  if (!dataDir) {
    await mkdir(path.resolve('var/test-runs'), { recursive: true });
    dataDir = ownDataDir = await mkdtemp(path.resolve('var/test-runs/run-'));
  }
  cluster = await ensureLocalCluster({ dataDir });
  const admin = new pg.Client(parseConnectionOptions(cluster.adminUrl, cluster.caFile).pool);
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${templateDatabase} with (force)`);
    await admin.query(`create database ${templateDatabase} owner kvarter`);
  } finally {
    await admin.end();
  }
  const templateUrl = withDatabase(cluster.databaseUrl, templateDatabase);
  const db = createDatabase(parseConnectionOptions(templateUrl, cluster.caFile), () => undefined);
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
  project.provide('testCluster', { adminUrl: cluster.adminUrl, appUrl: cluster.databaseUrl, caFile: cluster.caFile, dataDir, templateDatabase });
}

export async function teardown(): Promise<void> {
  await cluster?.stop();
  if (ownDataDir) await rm(ownDataDir, { recursive: true, force: true });
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
