import { planHistoryQuerySchema } from '../../../shared/schemas/history.ts';
import { actionFields, planFields } from './history-fields.ts';

/** The plan history's filters, kept in the URL's search string under the API's own names. */
export interface HistoryFilters {
  userId: string | null;
  /** Days `YYYY-MM-DD`, inclusive. */
  from: string | null;
  to: string | null;
  field: string | null;
}

export const noHistoryFilters: HistoryFilters = { userId: null, from: null, to: null, field: null };

const filterNames = ['userId', 'from', 'to', 'field'] as const;
const knownFields = new Set([...actionFields, ...planFields].map(({ field }) => field));

/** The filters of a search string; a value the API would refuse (an edited address) is left out rather than shown as an error. */
export function parseHistoryFilters(search: URLSearchParams): HistoryFilters {
  const valid = (name: 'userId' | 'from' | 'to') => {
    const value = search.get(name);
    return value !== null && planHistoryQuerySchema.shape[name].safeParse(value).success ? value : null;
  };
  const field = search.get('field');
  return { userId: valid('userId'), from: valid('from'), to: valid('to'), field: field !== null && knownFields.has(field) ? field : null };
}

/** `search` with the filters set (an empty one removed), other parameters kept. */
export function writeHistoryFilters(search: URLSearchParams, filters: HistoryFilters): URLSearchParams {
  const written = new URLSearchParams(search);
  for (const name of filterNames) {
    const value = filters[name];
    if (value === null) written.delete(name);
    else written.set(name, value);
  }
  return written;
}

export function hasHistoryFilters(filters: HistoryFilters): boolean {
  return filterNames.some((name) => filters[name] !== null);
}
