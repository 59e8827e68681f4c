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

let cluster: LocalCluster | undefined;
// One template per run, so runs sharing the cluster (several terminals, helpers) do not collide.
const templateDatabase = `kvarter_test_template_${process.pid}`;

/**
 * One real, TLS-only PostgreSQL cluster for the whole run (the same code as `npm start`), and a
 * migrated template database from which every test file clones its own database.
 */
export async function setup(project: TestProject): Promise<void> {
  const dataDir = path.resolve(process.env.KVARTER_TEST_DATA_DIR ?? 'var/test');
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
  if (!cluster) return;
  const admin = new pg.Client(parseConnectionOptions(cluster.adminUrl, cluster.caFile).pool);
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${templateDatabase} with (force)`);
  } finally {
    await admin.end();
  }
  await cluster.stop();
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
