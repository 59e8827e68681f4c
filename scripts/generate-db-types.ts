/**
 * `npm run db:types`: migrates a scratch database in its own cluster (var/db-types) and regenerates
 * server/db/generated-types.ts from it. Run after adding a migration.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { ensureLocalCluster } from '../ops/local-cluster.ts';
import { parseConnectionOptions } from '../server/db/connection-options.ts';
import { createDatabase } from '../server/db/database.ts';
import { runKyselyCodegen } from '../server/db/kysely-codegen.ts';
import { migrateToLatest } from '../server/db/migrate.ts';

const cluster = await ensureLocalCluster({ dataDir: 'var/db-types', log: (message) => console.error(message) });
const name = `kvarter_types_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client(parseConnectionOptions(cluster.adminUrl, cluster.caFile).pool);
await admin.connect();
await admin.query(`create database ${name} owner kvarter`);
try {
  const url = new URL(cluster.databaseUrl);
  url.pathname = `/${name}`;
  const db = createDatabase(parseConnectionOptions(url.toString(), cluster.caFile), () => undefined);
  await migrateToLatest(db);
  await db.destroy();
  const result = await runKyselyCodegen(url.toString(), cluster.caFile, 'write');
  process.stdout.write(result.output);
  process.exitCode = result.exitCode;
} finally {
  await admin.query(`drop database ${name} with (force)`);
  await admin.end();
  await cluster.stop();
}
