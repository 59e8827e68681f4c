import type { FastifyInstance } from 'fastify';
import { accountSettingsSchema, createAccountRequestSchema, createdAccountSchema, updateAccountRequestSchema } from '../../../shared/schemas/account.ts';
import { requireUser } from '../../auth/require-user.ts';
import type { Deps } from '../../deps.ts';
import { parseId, parseInput } from '../../http/parse-input.ts';
import { respond } from '../../http/respond.ts';
import { createAccount, findAccountSettings, updateAccount } from './accounts.service.ts';

type AccountParams = { Params: { accountId: string } };

export function registerAccountRoutes(app: FastifyInstance, deps: Deps): void {
  app.post('/api/accounts', async (request, reply) => {
    const actor = await requireUser(request, deps.config.sessionAbsoluteMs);
    const input = parseInput(createAccountRequestSchema, request.body);
    return respond(reply, createdAccountSchema, await createAccount(deps, actor, input, request.ip), 201);
  });

  app.get<AccountParams>('/api/accounts/:accountId', async (request, reply) => {
    const actor = await requireUser(request, deps.config.sessionAbsoluteMs);
    return respond(reply, accountSettingsSchema, await findAccountSettings(deps, actor, parseId(request.params.accountId, 'Account')));
  });

  app.patch<AccountParams>('/api/accounts/:accountId', async (request, reply) => {
    const actor = await requireUser(request, deps.config.sessionAbsoluteMs);
    const accountId = parseId(request.params.accountId, 'Account');
    const input = parseInput(updateAccountRequestSchema, request.body);
    return respond(reply, accountSettingsSchema, await updateAccount(deps, actor, accountId, input));
  });
}
