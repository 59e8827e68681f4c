import { expireDumps } from '../dumps/expire-dumps.ts';
import { listDumps } from '../dumps/list-dumps.ts';
import { restoreDump } from '../dumps/restore-dump.ts';
import { takeDump } from '../dumps/take-dump.ts';
import { OpsError } from '../ops-context.ts';
import type { Command } from './command.ts';

export const dumpCommand: Command = {
  options: {},
  async run(context) {
    await takeDump(context, 'manual');
    return 0;
  },
};

export const listDumpsCommand: Command = {
  options: { json: { type: 'boolean' } },
  async run(context, options) {
    const dumps = await listDumps(context);
    if (options.json) process.stdout.write(`${JSON.stringify(dumps)}\n`);
    else
      process.stdout.write(
        dumps.map((dump) => `${dump.key}\t${dump.sizeBytes}\t${dump.takenAt?.toISOString() ?? dump.lastModified.toISOString()}`).join('\n') + '\n',
      );
    return 0;
  },
};

export const expireDumpsCommand: Command = {
  options: {},
  async run(context) {
    const result = await expireDumps(context, 'manual');
    context.log(`Deleted ${result.deleted.length} dump(s) older than ${context.config.backup.dumpRetentionDays} days.`);
    return 0;
  },
};

export const restoreDumpCommand: Command = {
  options: { from: { type: 'string' }, into: { type: 'string' }, port: { type: 'string' } },
  async run(context, options) {
    if (typeof options.into !== 'string') throw new OpsError('--into <dir> is required', 2);
    const port = options.port === undefined ? undefined : Number(options.port);
    if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) throw new OpsError('--port must be a TCP port number', 2);
    const restored = await restoreDump(context, { from: typeof options.from === 'string' ? options.from : undefined, into: options.into, port });
    process.stdout.write(`${JSON.stringify(restored)}\n`);
    return 0;
  },
};
