import { useId, useState } from 'react';
import type { RepriceCandidatesResponse } from '../../../shared/schemas/library.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { describeApiError } from '../../lib/api/describe-api-error.ts';
import { formatAmount } from '../../lib/i18n/format-amount.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { ChangeSetNotice } from '../change-sets/change-set-notice.tsx';
import { useReprice, useRepriceCandidates } from './reprice-api.ts';
import { repriceRequestFor } from './reprice-request.ts';

type Candidate = RepriceCandidatesResponse['actions'][number];

/** What the last reprice did: its change set to undo, or that there was nothing to change. */
type Outcome = { updated: number; changeSetId: string } | { updated: 0 };

/**
 * The plan page's notice of linked actions priced otherwise than their library item now is (an
 * older price, or the account's own price since), with the list side by side and, for editors,
 * "Uppdatera priser": one change set, reported with its undo. Nothing shows when every linked
 * price matches.
 */
export function RepriceNotice({ planId, canEdit }: { planId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const candidates = useRepriceCandidates(planId);
  const reprice = useReprice(planId);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // A secondary notice: when the list cannot be read the plan still works, so nothing is shown.
  const actions = candidates.data?.actions ?? [];

  function update(request: ReturnType<typeof repriceRequestFor>) {
    setOutcome(null);
    reprice.mutate(request, {
      onSuccess: ({ updated, changeSetId }) => setOutcome(changeSetId === undefined ? { updated: 0 } : { updated, changeSetId }),
    });
  }

  return (
    <>
      {outcome !== null &&
        ('changeSetId' in outcome ? (
          <ChangeSetNotice
            key={outcome.changeSetId}
            planId={planId}
            changeSetId={outcome.changeSetId}
            message={outcome.updated === 1 ? t('reprice.updated.one') : t('reprice.updated.other', { count: outcome.updated })}
            onDismiss={() => setOutcome(null)}
          />
        ) : (
          <Alert tone="info">{t('reprice.nothing_updated')}</Alert>
        ))}
      {actions.length > 0 && <CandidatesNotice actions={actions} canEdit={canEdit} isPending={reprice.isPending} onUpdate={update} />}
      {reprice.isError && <Alert tone="error">{describeApiError(reprice.error, t)}</Alert>}
    </>
  );
}

interface CandidatesNoticeProps {
  actions: Candidate[];
  canEdit: boolean;
  isPending: boolean;
  onUpdate: (request: ReturnType<typeof repriceRequestFor>) => void;
}

function CandidatesNotice({ actions, canEdit, isPending, onUpdate }: CandidatesNoticeProps) {
  const { t, language } = useTranslation();
  const listId = useId();
  const [isOpen, setIsOpen] = useState(false);
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const ids = actions.map((action) => action.id);
  const tickedCount = ids.filter((id) => !unticked.has(id)).length;
  const price = (amount: number, year: number | null) =>
    year === null
      ? t('reprice.no_price_year', { amount: formatAmount(amount, language) })
      : t('reprice.price_year', { amount: formatAmount(amount, language), year });

  function toggle(id: string, isTicked: boolean) {
    setUnticked((previous) => {
      const next = new Set(previous);
      if (isTicked) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  return (
    <section className="reprice-notice" data-testid="reprice-notice" aria-label={t('reprice.table_caption')}>
      <Alert tone="info">
        <span className="reprice-notice__message">{actions.length === 1 ? t('reprice.count.one') : t('reprice.count.other', { count: actions.length })}</span>
        <span className="reprice-notice__buttons">
          <Button className="disclosure-toggle" aria-expanded={isOpen} aria-controls={listId} onClick={() => setIsOpen((open) => !open)}>
            {t('reprice.show')}
          </Button>
          {canEdit && (
            <Button variant="primary" isPending={isPending} disabled={tickedCount === 0} onClick={() => onUpdate(repriceRequestFor(ids, unticked))}>
              {tickedCount === ids.length ? t('reprice.update') : t('reprice.update_ticked', { count: tickedCount })}
            </Button>
          )}
        </span>
        {!canEdit && <p className="reprice-notice__note">{t('reprice.viewer_note')}</p>}
      </Alert>
      <div id={listId} hidden={!isOpen} className="table-scroll">
        <table className="table reprice-notice__table">
          <caption className="visually-hidden">{t('reprice.table_caption')}</caption>
          <thead>
            <tr>
              {canEdit && <th scope="col">{t('reprice.column.include')}</th>}
              <th scope="col">{t('reprice.column.action')}</th>
              <th scope="col">{t('reprice.column.current')}</th>
              <th scope="col">{t('reprice.column.library')}</th>
            </tr>
          </thead>
          <tbody>
            {actions.map((action) => (
              <tr key={action.id} data-reprice-action-id={action.id}>
                {canEdit && (
                  <td>
                    <input
                      type="checkbox"
                      className="checkbox"
                      aria-label={t('reprice.include_named', { name: action.name })}
                      checked={!unticked.has(action.id)}
                      onChange={(event) => toggle(action.id, event.target.checked)}
                    />
                  </td>
                )}
                <th scope="row" className="table__name">
                  {action.name}
                </th>
                <td>{price(action.unitPrice, action.baseYear)}</td>
                <td>{price(action.libraryUnitPrice, action.libraryPriceYear)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
