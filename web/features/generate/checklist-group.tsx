import { useId } from 'react';
import { Button } from '../../components/ui/button.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { ChecklistComponent, type ChecklistComponentProps } from './checklist-component.tsx';
import type { LibraryComponent } from '../../../shared/schemas/library.ts';

interface ChecklistGroupProps extends Omit<ChecklistComponentProps, 'component'> {
  title: string;
  components: readonly LibraryComponent[];
  /** Ticks in the group, over every building. */
  tickedCount: number;
  isOpen: boolean;
  onToggleOpen: () => void;
}

/** A category's building parts behind a button as large as a finger, with how many there are and how many are ticked. */
export function ChecklistGroup({ title, components, tickedCount, isOpen, onToggleOpen, ...componentProps }: ChecklistGroupProps) {
  const { t } = useTranslation();
  const panelId = useId();
  return (
    <section className="checklist-group">
      <h3 className="checklist-group__heading">
        <Button className="checklist-group__toggle disclosure-toggle" aria-expanded={isOpen} aria-controls={panelId} onClick={onToggleOpen}>
          <span className="checklist-group__title">{title}</span>
          <span className="checklist-group__counts">{t('generate.group_counts', { count: components.length, ticked: tickedCount })}</span>
        </Button>
      </h3>
      <div id={panelId} hidden={!isOpen} className="checklist-group__components">
        {isOpen && components.map((component) => <ChecklistComponent key={component.id} component={component} {...componentProps} />)}
      </div>
    </section>
  );
}
