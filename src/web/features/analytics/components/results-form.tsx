import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Business } from '#shared/business.schema.js';
import { isCivilDate, todayIn } from '#shared/zoned-time.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Card } from '#web/components/ui/card.js';
import { TextField } from '#web/components/ui/field.js';
import { Table } from '#web/components/ui/table.js';
import { useToast } from '#web/components/ui/toast.js';
import { applyServerErrors } from '#web/lib/form-errors.js';
import { zodResolver } from '#web/lib/form-resolver.js';
import { formatCivilDate } from '#web/lib/format-date.js';
import { cachedNumberFormat, knownLocale } from '#web/lib/workspace-format.js';
import { useContentResults } from '../api/get-content-results.js';
import { useRecordContentResults } from '../api/record-content-results.js';
import './analytics.css';

/** The counts typed in; each has a label and a hint in the `analytics` strings (`results.counts`). */
const COUNTS = ['impressions', 'reach', 'engagements', 'clicks', 'conversions'] as const;
type CountName = (typeof COUNTS)[number];

/** The form's rules, the server's too: a real date up to the workspace's today, and no more clicks than views. */
function resultsSchema(today: string, t: TFunction<'analytics'>) {
  const count = z
    .string()
    .trim()
    .refine((value) => value === '' || /^\d{1,12}$/.test(value), t('results.wholeNumber'))
    .transform((value) => (value === '' ? 0 : Number(value)));
  return z
    .object({
      day: z
        .string()
        .refine(isCivilDate, t('results.pickDay'))
        .refine((day) => day <= today, t('results.future', { today: formatCivilDate(today) })),
      impressions: count,
      reach: count,
      engagements: count,
      clicks: count,
      conversions: count,
    })
    .refine((values) => values.impressions <= 0 || values.clicks <= values.impressions, {
      message: t('results.moreClicks'),
      path: ['clicks'],
    });
}

type FormValues = z.input<ReturnType<typeof resultsSchema>>;
type Results = z.output<ReturnType<typeof resultsSchema>>;
const FIELDS = ['day', ...COUNTS] as const;

/**
 * One day's results of a published item, typed in by hand (a network that reports nothing, or a number
 * read off its app). The same day again replaces it; a network's own reading never overwrites it.
 */
export function ResultsForm({ business, itemId }: { business: Business; itemId: string }) {
  const today = todayIn(business.time_zone);
  const { t } = useTranslation('analytics');
  const schema = useMemo(() => resultsSchema(today, t), [today, t]);
  const record = useRecordContentResults(business.id, itemId);
  const toast = useToast();
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, setError, formState } = useForm<FormValues, unknown, Results>({
    resolver: zodResolver(schema),
    defaultValues: { day: today, impressions: '', reach: '', engagements: '', clicks: '', conversions: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    try {
      const saved = await record.mutateAsync(values);
      toast(t('results.saved', { day: formatCivilDate(saved.day) }));
    } catch (error) {
      setFormError(applyServerErrors(error, FIELDS, setError));
    }
  });

  return (
    <Card title={t('results.title')} description={t('results.description')}>
      <div className="stack">
        <form className="stack" onSubmit={onSubmit} noValidate aria-label={t('results.title')}>
          {formError && <Banner tone="danger">{formError}</Banner>}
          <TextField
            label={t('results.day')}
            type="date"
            max={today}
            error={formState.errors.day?.message}
            {...register('day')}
          />
          <div className="results-form__grid">
            {COUNTS.map((name: CountName) => (
              <TextField
                key={name}
                label={t(`results.counts.${name}.label`)}
                hint={t(`results.counts.${name}.hint`)}
                inputMode="numeric"
                autoComplete="off"
                placeholder="0"
                error={formState.errors[name]?.message}
                {...register(name)}
              />
            ))}
          </div>
          <div className="row">
            <Button type="submit" variant="primary" loading={formState.isSubmitting}>
              {t('results.save')}
            </Button>
          </div>
        </form>
        <RecordedResults business={business} itemId={itemId} />
      </div>
    </Card>
  );
}

/** The days recorded so far, whoever wrote them: a person, or a reading from the network. */
function RecordedResults({ business, itemId }: { business: Business; itemId: string }) {
  const results = useContentResults(business.id, itemId);
  const { t } = useTranslation('analytics');
  if (!results.isSuccess || results.data.items.length === 0) return null;
  const number = cachedNumberFormat(knownLocale(business.locale));
  return (
    <Table
      caption={t('results.recorded')}
      head={
        <tr>
          <th scope="col">{t('results.day')}</th>
          {COUNTS.map((name) => (
            <th key={name} scope="col">
              {t(`results.counts.${name}.label`)}
            </th>
          ))}
          <th scope="col">{t('results.from')}</th>
        </tr>
      }
    >
      {results.data.items.map((row) => (
        <tr key={row.day}>
          <th scope="row" className="nowrap">
            {formatCivilDate(row.day)}
          </th>
          {COUNTS.map((name) => (
            <td key={name}>{number.format(row[name])}</td>
          ))}
          <td>
            {row.source === 'manual'
              ? t('results.byHand')
              : row.source.charAt(0).toUpperCase() + row.source.slice(1)}
          </td>
        </tr>
      ))}
    </Table>
  );
}
