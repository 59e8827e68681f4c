import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Plan } from '../../../shared/schemas/plan.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { planPath } from '../plan-core/plan-route-params.ts';
import { useCreateAction } from './actions-api.ts';
import { ActionForm, type SaveIntent } from './action-form.tsx';
import { newActionDefaults, type ActionFormDefaults, type ActionFormValues } from './action-form-schema.ts';
import type { ActionFeedbackState } from './plan-paths.ts';
import { rememberCategory, rememberedCategory } from './remembered-category.ts';

/**
 * A new action of the plan. "Save" goes back to the plan; "save and add another" starts a fresh
 * form with the same category, building and location, for entering a plan part by part.
 */
export function NewActionForm({ accountId, plan }: { accountId: string; plan: Plan }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const createAction = useCreateAction(plan.id);
  const [defaults, setDefaults] = useState<ActionFormDefaults>(() => newActionDefaults(plan.startYear, { category: rememberedCategory() }));
  // A new key gives a fresh form (uncontrolled fields, tags, preview) for the next action.
  const [formKey, setFormKey] = useState(0);
  const [lastSavedName, setLastSavedName] = useState<string | null>(null);
  const savedNotice = useRef<HTMLDivElement>(null);

  function save(values: ActionFormValues, intent: SaveIntent, showApiError: (error: unknown) => void) {
    setLastSavedName(null);
    createAction.mutate(values, {
      onError: showApiError,
      onSuccess: (action) => {
        rememberCategory(action.category);
        if (intent === 'save') {
          const state: ActionFeedbackState = { actionFeedback: { kind: 'created', name: action.name } };
          navigate(planPath(accountId, plan.id), { state });
          return;
        }
        setDefaults(
          newActionDefaults(plan.startYear, {
            category: action.category,
            buildingId: action.buildingId ?? '',
            locationId: action.locationId ?? '',
          }),
        );
        setFormKey((key) => key + 1);
        setLastSavedName(action.name);
        createAction.reset();
        // The notice says what happened; the name field is the next thing to fill in, just below it.
        setTimeout(() => savedNotice.current?.focus());
      },
    });
  }

  return (
    <>
      {lastSavedName !== null && (
        <div ref={savedNotice} tabIndex={-1} className="focus-target">
          <Alert tone="success">{t('actions.created_add_next', { name: lastSavedName })}</Alert>
        </div>
      )}
      <ActionForm
        key={formKey}
        plan={plan}
        defaults={defaults}
        submitLabel={t('actions.form.create')}
        canAddAnother
        isPending={createAction.isPending}
        saveError={createAction.error}
        onSave={save}
        onCancel={() => navigate(planPath(accountId, plan.id))}
      />
    </>
  );
}
