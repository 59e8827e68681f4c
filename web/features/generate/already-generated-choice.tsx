import { useEffect, useId, useRef } from 'react';
import type { AlreadyGenerated } from '../../../shared/schemas/library.ts';
import { Button } from '../../components/ui/button.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';

interface AlreadyGeneratedChoiceProps {
  alreadyGenerated: readonly AlreadyGenerated[];
  componentNames: ReadonlyMap<string, string>;
  buildingNames: ReadonlyMap<string, string>;
  isPending: boolean;
  onChoose: (onExisting: 'skip' | 'add') => void;
}

/**
 * The server refused to generate parts it generated before (409): which ones, and the choice
 * between leaving them out and creating them once more. Nothing is duplicated without this choice.
 * It takes focus when it appears, so the choice is what is read next.
 */
export function AlreadyGeneratedChoice({ alreadyGenerated, componentNames, buildingNames, isPending, onChoose }: AlreadyGeneratedChoiceProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const panel = useRef<HTMLElement>(null);
  useEffect(() => panel.current?.focus(), []);
  return (
    <section ref={panel} tabIndex={-1} className="alert alert--info already-generated" aria-labelledby={titleId} data-testid="already-generated">
      <h3 className="alert__title" id={titleId}>
        {t('generate.already_title')}
      </h3>
      <p>{t('generate.already_text')}</p>
      <ul>
        {alreadyGenerated.map(({ componentId, buildingId }) => (
          <li key={`${componentId}/${buildingId ?? 'none'}`}>
            {t('generate.already_item', {
              component: componentNames.get(componentId) ?? componentId,
              building: buildingId === null ? t('generate.no_building') : (buildingNames.get(buildingId) ?? buildingId),
            })}
          </li>
        ))}
      </ul>
      <div className="already-generated__buttons">
        <Button variant="primary" isPending={isPending} onClick={() => onChoose('skip')}>
          {t('generate.skip_existing')}
        </Button>
        <Button isPending={isPending} onClick={() => onChoose('add')}>
          {t('generate.add_existing')}
        </Button>
      </div>
    </section>
  );
}
