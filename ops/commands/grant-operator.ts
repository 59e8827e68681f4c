import { grantOperator } from '../../server/infrastructure/operators/grant-operator.ts';
import { OpsError } from '../ops-context.ts';
import type { Command } from './command.ts';

export const grantOperatorCommand: Command = {
  options: {},
  async run(context, _options, positionals) {
    const email = positionals[0]?.trim().toLowerCase();
    if (!email) throw new OpsError('Usage: grant-operator <email>', 2);
    if (!(await grantOperator(context.db(), email))) throw new OpsError(`No user has the e-mail address ${email}.`);
    context.log(`${email} is now an operator and sees the operations page.`);
    return 0;
  },
};
