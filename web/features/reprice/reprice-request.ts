import type { RepriceRequest } from '../../../shared/schemas/library.ts';

/**
 * The request for the ticked candidates: every one ticked asks for all (no list), so an action
 * that fell behind its item since the page loaded is repriced too; some ticked names those.
 */
export function repriceRequestFor(candidateIds: readonly string[], unticked: ReadonlySet<string>): RepriceRequest {
  if (candidateIds.every((id) => !unticked.has(id))) return {};
  return { actionIds: candidateIds.filter((id) => !unticked.has(id)) };
}
