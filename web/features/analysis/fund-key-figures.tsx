import { useEffect, useId, useRef, useState } from 'react';
import type { FundResponse } from '../../../shared/schemas/analysis.ts';
import type { Plan } from '../../../shared/schemas/plan.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { describeApiError } from '../../lib/api/describe-api-error.ts';
import { formatAmount, formatNumber } from '../../lib/i18n/format-amount.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useUpdatePlan } from '../plan-core/plans-api.ts';
import { KeyFigure } from './key-figure.tsx';
import { useAmountFormat } from './use-amount-format.ts';

interface FundKeyFiguresProps {
  plan: Plan;
  fund: FundResponse;
  canEdit: boolean;
}

/** Whether the fund lasts, the provision it needs (with "Use this" for editors), and the component method's yearly cost. */
export function FundKeyFigures({ plan, fund, canEdit }: FundKeyFiguresProps) {
  const { t, language } = useTranslation();
  const format = useAmountFormat();
  const statusId = useId();
  const updatePlan = useUpdatePlan(plan.id);
  const [isConfirming, setIsConfirming] = useState(false);
  const [appliedProvision, setAppliedProvision] = useState<number | null>(null);
  const status = useRef<HTMLElement>(null);
  const growth = formatNumber(plan.fund.provisionGrowthPercent, language);
  const interest = formatNumber(plan.fund.interestRatePercent, language);
  const minimum = format.amount(plan.fund.minimumBalance);
  const required = fund.requiredProvisionPerYear;
  const current = plan.fund.currentProvisionPerYear;
  const lastYear = fund.years.at(-1);
  const shortfall = fund.years.find((year) => year.year === fund.firstShortfallYear);
  const lowest = fund.years.reduce<FundResponse['years'][number] | undefined>(
    (low, year) => (low === undefined || year.balance < low.balance ? year : low),
    undefined,
  );

  // After "Use this" the button goes away with the shortfall: focus moves to the outcome instead.
  useEffect(() => {
    if (appliedProvision !== null) status.current?.focus();
  }, [appliedProvision]);

  function applyRequired(provision: number) {
    updatePlan.mutate(
      { fund: { currentProvisionPerYear: provision } },
      {
        onSuccess: () => {
          setIsConfirming(false);
          setAppliedProvision(provision);
        },
        onError: () => setIsConfirming(false),
      },
    );
  }

  return (
    <>
      <section ref={status} tabIndex={-1} className={shortfall ? 'fund-status fund-status--shortfall' : 'fund-status'} aria-labelledby={statusId}>
        <h3 id={statusId}>{shortfall ? t('analysis.fund.shortfall', { year: shortfall.year }) : t('analysis.fund.no_shortfall')}</h3>
        <p>
          {shortfall
            ? t('analysis.fund.shortfall_text', { balance: format.amount(shortfall.balance), minimum })
            : t('analysis.fund.no_shortfall_text', { balance: format.amount(lowest?.balance ?? 0), year: lowest?.year ?? plan.startYear, minimum })}
        </p>
        {appliedProvision !== null && !updatePlan.isPending && (
          <Alert tone="success">{t('analysis.fund.use_required_done', { required: format.amount(appliedProvision) })}</Alert>
        )}
        {updatePlan.isError && <Alert tone="error">{describeApiError(updatePlan.error, t)}</Alert>}
      </section>
      <dl className="key-figures">
        <KeyFigure
          label={t('analysis.fund.required')}
          value={required === null ? '–' : format.amount(required)}
          note={required === null ? t('analysis.fund.required_impossible') : required === current ? t('analysis.fund.already_required') : undefined}
          action={
            canEdit && required !== null && required !== current ? (
              <Button variant="primary" onClick={() => setIsConfirming(true)}>
                {t('analysis.fund.use_required')}
              </Button>
            ) : undefined
          }
          explanation={<p>{t('analysis.fund.required_explained', { growth, interest })}</p>}
        />
        <KeyFigure label={t('analysis.fund.current')} value={format.amount(current)} explanation={<p>{t('analysis.fund.current_explained', { growth })}</p>} />
        <KeyFigure
          label={t('analysis.fund.annualised')}
          value={format.amount(fund.annualisedCost)}
          explanation={<p>{t('analysis.fund.annualised_explained')}</p>}
        />
        {lastYear && (
          <KeyFigure
            label={t('analysis.fund.closing_balance', { year: lastYear.year })}
            value={format.amount(lastYear.balance)}
            explanation={<p>{t('analysis.fund.closing_balance_explained')}</p>}
          />
        )}
      </dl>
      {required !== null && (
        <ConfirmDialog
          isOpen={isConfirming}
          title={t('analysis.fund.use_required_title')}
          confirmLabel={t('analysis.fund.use_required')}
          confirmVariant="primary"
          cancelLabel={t('action.cancel')}
          isPending={updatePlan.isPending}
          onConfirm={() => applyRequired(required)}
          onCancel={() => setIsConfirming(false)}
        >
          {/* Exact amounts, whatever the display rounding: this is what will be stored. */}
          <p>
            {t('analysis.fund.use_required_text', {
              current: formatAmount(current, language),
              required: formatAmount(required, language),
              growth,
            })}
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
