import { useLocation } from 'react-router';
import { Announcement } from '../../components/ui/announcement.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import type { ActionFeedbackState } from './plan-paths.ts';

function feedbackOf(state: unknown): ActionFeedbackState['actionFeedback'] | undefined {
  if (typeof state !== 'object' || state === null || !('actionFeedback' in state)) return undefined;
  return (state as ActionFeedbackState).actionFeedback;
}

/**
 * "”Målning fönster” sparades." on the plan after the action screens sent the person back: the
 * created or deleted action's page is gone, so the outcome is said here and takes focus.
 */
export function ActionFeedback() {
  const { t } = useTranslation();
  const location = useLocation();
  const feedback = feedbackOf(location.state);
  if (!feedback) return null;
  const key = feedback.kind === 'created' ? 'actions.feedback.created' : 'actions.feedback.deleted';
  // Keyed by the navigation: each return to the plan is a new outcome that takes focus once.
  return <Announcement key={location.key} text={t(key, { name: feedback.name })} />;
}
