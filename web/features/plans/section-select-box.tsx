import { useEffect, useRef } from 'react';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { sectionSelectionState } from './action-row-selection.ts';

interface SectionSelectBoxProps {
  /** The section's name as its heading shows it ("2031", "Yttertak"). */
  title: string;
  actionIds: readonly string[];
  selected: ReadonlySet<string>;
  onSelectMany: (actionIds: readonly string[], isSelected: boolean) => void;
}

/**
 * Beside a section's heading: selects or clears every action of the section, also while the
 * section is closed. Mixed when some of them are selected; choosing it then selects all.
 */
export function SectionSelectBox({ title, actionIds, selected, onSelectMany }: SectionSelectBoxProps) {
  const { t } = useTranslation();
  const box = useRef<HTMLInputElement>(null);
  const state = sectionSelectionState(actionIds, selected);
  useEffect(() => {
    if (box.current) box.current.indeterminate = state === 'some';
  }, [state]);
  return (
    <input
      ref={box}
      type="checkbox"
      className="checkbox table-section__select"
      aria-label={t('plan_views.select_section', { section: title })}
      checked={state === 'all'}
      onChange={() => onSelectMany(actionIds, state !== 'all')}
    />
  );
}
