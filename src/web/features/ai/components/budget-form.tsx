import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { BudgetStatus } from '#shared/ai.schema.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { CheckboxField } from '#web/components/ui/checkbox-field.js';
import { TextField } from '#web/components/ui/field.js';
import { useToast } from '#web/components/ui/toast.js';
import { applyServerErrors } from '#web/lib/form-errors.js';
import { zodResolver } from '#web/lib/form-resolver.js';
import { usePutAiBudget } from '../api/put-ai-budget.js';
import { formatMicroUsd, parseUsd, usdInputValue } from '../money.js';

// People type dollars; the API counts micro-dollars. The conversion is exact (see parseUsd).
function budgetFormSchema(amountHint: string) {
  return z
    .object({ unlimited: z.boolean(), amount: z.string() })
    .superRefine((values, context) => {
      if (!values.unlimited && parseUsd(values.amount) === undefined) {
        context.addIssue({ code: 'custom', path: ['amount'], message: amountHint });
      }
    })
    .transform((values) => (values.unlimited ? null : (parseUsd(values.amount) ?? 0)));
}

type FormValues = z.input<ReturnType<typeof budgetFormSchema>>;

function valuesOf(budget: BudgetStatus): FormValues {
  const limit = budget.monthly_limit_micro_usd;
  return { unlimited: limit === null, amount: limit === null ? '' : usdInputValue(limit) };
}

/** Sets the monthly AI budget in dollars, or removes it. For owners and admins only. */
export function BudgetForm({ businessId, budget }: { businessId: string; budget: BudgetStatus }) {
  const putBudget = usePutAiBudget(businessId);
  const toast = useToast();
  const { t } = useTranslation('ai');
  const schema = useMemo(() => budgetFormSchema(t('budgetForm.amountHint')), [t]);
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, setError, reset, watch, formState } = useForm<
    FormValues,
    unknown,
    number | null
  >({ resolver: zodResolver(schema), defaultValues: valuesOf(budget) });
  const unlimited = watch('unlimited');

  const onSubmit = handleSubmit(async (limit) => {
    setFormError(undefined);
    try {
      const saved = await putBudget.mutateAsync(limit);
      reset(valuesOf(saved));
      toast(
        saved.monthly_limit_micro_usd === null
          ? t('budgetForm.removed')
          : t('budgetForm.set', { amount: formatMicroUsd(saved.monthly_limit_micro_usd) }),
      );
    } catch (error) {
      setFormError(applyServerErrors(error, [], setError));
    }
  });

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {formError && <Banner tone="danger">{formError}</Banner>}
      <CheckboxField
        label={t('budgetForm.noLimit')}
        hint={t('budgetForm.noLimitHint')}
        {...register('unlimited')}
      />
      {!unlimited && (
        <div className="ai-amount">
          <TextField
            label={t('budgetForm.limit')}
            inputMode="decimal"
            autoComplete="off"
            placeholder="10.00"
            hint={t('budgetForm.limitHint')}
            error={formState.errors.amount?.message}
            {...register('amount')}
          />
        </div>
      )}
      <div className="row">
        <Button
          type="submit"
          variant="primary"
          loading={formState.isSubmitting}
          disabled={!formState.isDirty}
        >
          {t('budgetForm.save')}
        </Button>
      </div>
    </form>
  );
}
