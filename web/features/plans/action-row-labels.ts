import type { Language } from '../../../shared/i18n/language.ts';
import { formatNumber } from '../../lib/i18n/format-amount.ts';
import type { MessageKeyOf } from '../../lib/i18n/define-messages.ts';
import type { Translate } from '../../lib/i18n/translate.ts';
import type { planViewsMessages } from './plan-views.messages.ts';

/** Only the plan views' messages are needed: the app's `t` passes, and so does a translator of those alone in tests. */
type PlanViewsTranslate = Translate<MessageKeyOf<typeof planViewsMessages>>;

/** "Tvättstuga · Hus A"; a missing location or building is said so, both missing is one phrase. */
export function describePlace(location: string | null, building: string | null, t: PlanViewsTranslate): string {
  if (location === null && building === null) return t('plan_views.place.none');
  return `${location ?? t('plan_views.place.no_location')} · ${building ?? t('plan_views.place.no_building')}`;
}

export function countActions(count: number, t: PlanViewsTranslate, language: Language): string {
  return count === 1 ? t('plan_views.year_count.one') : t('plan_views.year_count.other', { count: formatNumber(count, language) });
}
