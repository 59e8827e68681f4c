import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createCustomerRequestSchema, customerSchema, customersResponseSchema, updateCustomerRequestSchema } from '../../../shared/schemas/customer.ts';
import { requireUser } from '../../auth/require-user.ts';
import type { Deps } from '../../deps.ts';
import { parseId, parseInput } from '../../http/parse-input.ts';
import { respond } from '../../http/respond.ts';
import { createCustomer, listCustomers, updateCustomer } from './customers.service.ts';
import { scheduleAccountLifecycle } from './schedule-account-lifecycle.ts';

/** The manager account is `:accountId` in the path, as every account's routes name it (docs/product/api.md writes :managerId). */
type ManagerParams = { Params: { accountId: string } };
type CustomerParams = { Params: { accountId: string } };

export function registerCustomerRoutes(app: FastifyInstance, deps: Deps): void {
  const actorOf = (request: FastifyRequest) => requireUser(request, deps.config.sessionAbsoluteMs);

  app.post<ManagerParams>('/api/accounts/:accountId/customers', async (request, reply) => {
    const actor = await actorOf(request);
    const managerId = parseId(request.params.accountId, 'Account');
    const input = parseInput(createCustomerRequestSchema, request.body);
    return respond(reply, customerSchema, await createCustomer(deps, actor, managerId, input, request.ip), 201);
  });

  app.get<ManagerParams>('/api/accounts/:accountId/customers', async (request, reply) => {
    const actor = await actorOf(request);
    return respond(reply, customersResponseSchema, await listCustomers(deps, actor, parseId(request.params.accountId, 'Account')));
  });

  app.patch<CustomerParams>('/api/customers/:accountId', async (request, reply) => {
    const actor = await actorOf(request);
    const customerId = parseId(request.params.accountId, 'Customer');
    const input = parseInput(updateCustomerRequestSchema, request.body);
    return respond(reply, customerSchema, await updateCustomer(deps, actor, customerId, input, request.ip));
  });

  let stopLifecycle: (() => void) | undefined;
  app.addHook('onReady', async () => {
    stopLifecycle = scheduleAccountLifecycle(deps);
  });
  app.addHook('onClose', async () => {
    stopLifecycle?.();
  });
}
