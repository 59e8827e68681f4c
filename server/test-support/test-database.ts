import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { parseConnectionOptions } from '../db/connection-options.ts';
import { createDatabase, type Db } from '../db/database.ts';
import { withDatabase } from './global-setup.ts';

export interface TestDatabase {
  db: Db;
  url: string;
  caFile: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database of the run's test cluster (cloned from the template), owned by the app role. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const cluster = inject('testCluster');
  const name = `kvarter_test_${randomBytes(6).toString('hex')}`;
  await runAsAdmin(cluster.adminUrl, cluster.caFile, `create database ${name} template ${cluster.templateDatabase} owner kvarter`);
  const url = withDatabase(cluster.appUrl, name);
  const db = createDatabase(parseConnectionOptions(url, cluster.caFile), () => undefined);
  return {
    db,
    url,
    caFile: cluster.caFile,
    async drop() {
      await db.destroy();
      await runAsAdmin(cluster.adminUrl, cluster.caFile, `drop database if exists ${name} with (force)`);
    },
  };
}

async function runAsAdmin(adminUrl: string, caFile: string, statement: string): Promise<void> {
  const client = new pg.Client(parseConnectionOptions(adminUrl, caFile).pool);
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
