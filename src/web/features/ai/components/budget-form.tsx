import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { BudgetStatus } from '#shared/ai.schema.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { CheckboxField } from '#web/components/ui/checkbox-field.js';
import { TextField } from '#web/components/ui/field.js';
import { useToast } from '#web/components/ui/toast.js';
import { applyServerErrors } from '#web/lib/form-errors.js';
import { usePutAiBudget } from '../api/put-ai-budget.js';
import { formatMicroUsd, parseUsd, usdInputValue } from '../money.js';

const AMOUNT_HINT = 'Enter an amount in US dollars, such as 10 or 12.50';

// People type dollars; the API counts micro-dollars. The conversion is exact (see parseUsd).
const budgetFormSchema = z
  .object({ unlimited: z.boolean(), amount: z.string() })
  .superRefine((values, context) => {
    if (!values.unlimited && parseUsd(values.amount) === undefined) {
      context.addIssue({ code: 'custom', path: ['amount'], message: AMOUNT_HINT });
    }
  })
  .transform((values) => (values.unlimited ? null : (parseUsd(values.amount) ?? 0)));

type FormValues = z.input<typeof budgetFormSchema>;

function valuesOf(budget: BudgetStatus): FormValues {
  const limit = budget.monthly_limit_micro_usd;
  return { unlimited: limit === null, amount: limit === null ? '' : usdInputValue(limit) };
}

/** Sets the monthly AI budget in dollars, or removes it. For owners and admins only. */
export function BudgetForm({ businessId, budget }: { businessId: string; budget: BudgetStatus }) {
  const putBudget = usePutAiBudget(businessId);
  const toast = useToast();
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, setError, reset, watch, formState } = useForm<
    FormValues,
    unknown,
    number | null
  >({ resolver: zodResolver(budgetFormSchema), defaultValues: valuesOf(budget) });
  const unlimited = watch('unlimited');

  const onSubmit = handleSubmit(async (limit) => {
    setFormError(undefined);
    try {
      const saved = await putBudget.mutateAsync(limit);
      reset(valuesOf(saved));
      toast(
        saved.monthly_limit_micro_usd === null
          ? 'AI budget removed'
          : `AI budget set to ${formatMicroUsd(saved.monthly_limit_micro_usd)} a month`,
      );
    } catch (error) {
      setFormError(applyServerErrors(error, [], setError));
    }
  });

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {formError && <Banner tone="danger">{formError}</Banner>}
      <CheckboxField
        label="No limit"
        hint="AI requests never pause for cost. Usage is still recorded."
        {...register('unlimited')}
      />
      {!unlimited && (
        <div className="ai-amount">
          <TextField
            label="Monthly limit (US dollars)"
            inputMode="decimal"
            autoComplete="off"
            placeholder="10.00"
            hint="When this month's spending reaches it, AI requests pause until the next month (UTC)."
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
          Save budget
        </Button>
      </div>
    </form>
  );
}
