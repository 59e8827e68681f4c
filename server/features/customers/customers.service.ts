import type { CreateCustomerRequest, Customer, CustomersResponse, UpdateCustomerRequest } from '../../../shared/schemas/customer.ts';
import type { Actor } from '../../auth/actor.ts';
import { requirePermission } from '../../auth/require-permission.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import { recordAuditEvent } from '../../infrastructure/audit-events.queries.ts';
import * as queries from './customers.queries.ts';

/**
 * A customer account of the manager account (its admins): empty, with no members of its own yet;
 * the manager's members act in it with their roles in the manager account.
 */
export async function createCustomer(deps: Deps, actor: Actor, managerId: string, input: CreateCustomerRequest, ip: string): Promise<Customer> {
  return deps.db.transaction().execute(async (transaction) => {
    const manager = await requirePermission(transaction, actor, managerId, 'members:manage');
    const customerId = await queries.insertCustomer(transaction, manager, input.name, input.trialDays);
    await recordAuditEvent(transaction, { event: 'customer.created', userId: actor.userId, accountId: manager, ip });
    return (await queries.findCustomer(transaction, manager, customerId))!;
  });
}

/** Every member of the manager account reads its customer list. */
export async function listCustomers(deps: Deps, actor: Actor, managerId: string): Promise<CustomersResponse> {
  const manager = await requirePermission(deps.db, actor, managerId, 'account:read');
  return queries.listCustomers(deps.db, manager, deps.config.inactiveAccountRetentionDays);
}

/** The manager's admins end a trial, extend it, or pause the customer; anyone else gets 404 (or 403 as a manager's non-admin). */
export async function updateCustomer(deps: Deps, actor: Actor, customerId: string, input: UpdateCustomerRequest, ip: string): Promise<Customer> {
  return deps.db.transaction().execute(async (transaction) => {
    const managerOfCustomer = await queries.findManagerOf(transaction, customerId);
    if (managerOfCustomer === undefined) throw notFound('Customer');
    // A non-member of the manager learns nothing: the same 404 as for an account that is nobody's customer.
    const manager = await requirePermission(transaction, actor, managerOfCustomer, 'members:manage').catch((error: unknown) => {
      throw error instanceof AppError && error.code === 'not_found' ? notFound('Customer') : error;
    });
    await queries.setCustomerStatus(
      transaction,
      manager,
      customerId,
      input.trialEndsAt === undefined ? { status: input.status! } : { trialEndsAt: input.trialEndsAt },
    );
    await recordAuditEvent(transaction, { event: 'customer.status_changed', userId: actor.userId, accountId: manager, ip });
    return (await queries.findCustomer(transaction, manager, customerId))!;
  });
}
