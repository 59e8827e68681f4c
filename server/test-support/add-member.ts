import { expect } from 'vitest';
import type { Role } from '../../shared/schemas/role.ts';
import type { TestClient } from './test-app.ts';

/**
 * Makes an existing user a member the only way there is: the admin invites their address and they
 * accept from their own list of invitations. `propertyIds` limits them to those properties.
 * Answers the invitation's id.
 */
export async function addMember(
  admin: TestClient,
  accountId: string,
  person: { client: TestClient; email: string },
  role: Role,
  propertyIds?: string[],
): Promise<string> {
  const invited = await admin.post(`/api/accounts/${accountId}/members`, { email: person.email, role, propertyIds });
  expect(invited.statusCode, invited.body).toBe(201);
  const invitationId = (invited.json() as { invitation: { id: string } }).invitation.id;
  const accepted = await person.client.post(`/api/auth/invitations/${invitationId}/accept`);
  expect(accepted.statusCode, accepted.body).toBe(200);
  expect(accepted.json()).toEqual({ accountId, role });
  return invitationId;
}
