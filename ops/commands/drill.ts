import { runRestoreDrill } from '../restore-drill.ts';
import type { Command } from './command.ts';

export const drillCommand: Command = {
  options: {},
  async run(context) {
    const result = await runRestoreDrill(context, 'manual');
    context.log(`Drill passed: ${result.message}`);
    return 0;
  },
};
