import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { customerSchema, customersResponseSchema, type CreateCustomerRequest, type UpdateCustomerRequest } from '../../../shared/schemas/customer.ts';
import { apiRequest } from '../../lib/api/api-client.ts';
import { meQueryOptions } from '../auth/session.ts';

const customersQueryKey = (managerId: string) => ['accounts', managerId, 'customers'] as const;
const customersPath = (managerId: string) => `/api/accounts/${encodeURIComponent(managerId)}/customers`;

/**
 * The manager account's customers with their status, trial end and property count. `isEnabled`
 * false leaves it unasked, for a reader the server refuses the list (a member limited to some properties).
 */
export function useCustomers(managerId: string, { isEnabled = true }: { isEnabled?: boolean } = {}) {
  return useQuery({
    queryKey: customersQueryKey(managerId),
    queryFn: () => apiRequest('GET', customersPath(managerId), { schema: customersResponseSchema }),
    enabled: isEnabled,
  });
}

/**
 * A new customer is reached through the manager account, so `me` (the account switcher, which
 * lists it) is read again with the list.
 */
export function useCreateCustomer(managerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCustomerRequest) => apiRequest('POST', customersPath(managerId), { body, schema: customerSchema }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: customersQueryKey(managerId) }),
        queryClient.invalidateQueries({ queryKey: meQueryOptions.queryKey }),
      ]),
  });
}

/** Ends a trial, pauses the customer, or puts it on trial until a new end. */
export function useUpdateCustomer(managerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ customerId, change }: { customerId: string; change: UpdateCustomerRequest }) =>
      apiRequest('PATCH', `/api/customers/${encodeURIComponent(customerId)}`, { body: change, schema: customerSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: customersQueryKey(managerId) }),
  });
}
