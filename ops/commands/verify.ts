import { checkArchiving, verifyRepository } from '../physical-backups.ts';
import type { Command } from './command.ts';

export const verifyCommand: Command = {
  options: {},
  async run(context) {
    const result = await verifyRepository(context, 'manual');
    context.log(`Repository verified: ${result.message}.`);
    return 0;
  },
};

export const checkCommand: Command = {
  options: {},
  async run(context) {
    await checkArchiving(context, 'manual');
    context.log('WAL archiving works.');
    return 0;
  },
};
