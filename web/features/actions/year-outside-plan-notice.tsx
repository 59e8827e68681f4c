import type { PlanWindow } from '../../../shared/cost-model/index.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { planPeriodNoticeOf } from './plan-period-notice.ts';

interface YearOutsidePlanNoticeProps {
  window: PlanWindow;
  /** The year as typed. */
  year: string;
  status: string;
}

/**
 * Under a year field: says, as the year is typed, that it lies outside the plan period and what
 * that means. A live region that is always there, so a screen reader hears the notice appear.
 */
export function YearOutsidePlanNotice({ window, year, status }: YearOutsidePlanNoticeProps) {
  const { t } = useTranslation();
  const notice = planPeriodNoticeOf(year, status, window);
  return (
    <div className="year-notice" aria-live="polite">
      {notice && <p className="year-notice__text">{t(notice.key, notice.values)}</p>}
    </div>
  );
}
