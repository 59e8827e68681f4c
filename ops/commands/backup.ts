import { OpsError } from '../ops-context.ts';
import { takeBackup } from '../physical-backups.ts';
import type { Command } from './command.ts';

const types = ['full', 'diff', 'incr'] as const;

export const backupCommand: Command = {
  options: { type: { type: 'string', default: 'full' } },
  async run(context, options) {
    const type = types.find((candidate) => candidate === options.type);
    if (!type) throw new OpsError(`--type must be one of ${types.join(', ')}`, 2);
    const result = await takeBackup(context, type, 'manual');
    context.log(result.message);
    return 0;
  },
};
