import { useState } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { ChangeSetNotice } from '../change-sets/change-set-notice.tsx';

/** What the checklist hands the plan page when it sends the person back there (router location state). */
export interface GeneratedState {
  generated: { changeSetId: string; created: number };
}

function generatedOf(state: unknown): GeneratedState['generated'] | undefined {
  if (typeof state !== 'object' || state === null || !('generated' in state)) return undefined;
  return (state as GeneratedState).generated;
}

/** "12 utkast skapades från checklistan. [Ångra]" on the plan, after the checklist created them. */
export function GeneratedNotice({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const generated = generatedOf(location.state);
  // Dismissed per navigation: a later generation is a new notice.
  const [dismissedKey, setDismissedKey] = useState<string | null>(null);
  if (!generated || dismissedKey === location.key) return null;
  return (
    <ChangeSetNotice
      key={generated.changeSetId}
      planId={planId}
      changeSetId={generated.changeSetId}
      message={generated.created === 1 ? t('generate.created.one') : t('generate.created.other', { count: generated.created })}
      onDismiss={() => setDismissedKey(location.key)}
    />
  );
}
