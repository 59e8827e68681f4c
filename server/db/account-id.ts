declare const accountIdBrand: unique symbol;

/**
 * The id of an account (a tenant) as a type of its own: every `account_id` column has it
 * (`schema.ts`), every tenant query takes one first (docs/design-rules.md § Rule 3), so a plan's
 * or a user's id passed in its place fails the type check. Services get it from the permission
 * check (`requirePermission`, `requireRowPermission`), never from a request body.
 */
export type AccountId = string & { readonly [accountIdBrand]: true };

/**
 * An id known to be an account's, for the few places that learn one from outside the database's
 * typed columns: the permission check's look-up, and tests that read it from an API answer.
 */
export function asAccountId(id: string): AccountId {
  return id as AccountId;
}
