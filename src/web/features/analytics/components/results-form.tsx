import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
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
import { formatCivilDate } from '#web/lib/format-date.js';
import { useContentResults } from '../api/get-content-results.js';
import { useRecordContentResults } from '../api/record-content-results.js';
import './analytics.css';

const COUNTS = [
  { name: 'impressions', label: 'Impressions', hint: 'Times it was shown' },
  { name: 'reach', label: 'Reach', hint: 'People who saw it' },
  { name: 'engagements', label: 'Engagements', hint: 'Likes, comments, shares and saves' },
  { name: 'clicks', label: 'Clicks', hint: 'On its link' },
  { name: 'conversions', label: 'Conversions', hint: 'Orders, sign-ups…' },
] as const;
type CountName = (typeof COUNTS)[number]['name'];

const count = z
  .string()
  .trim()
  .refine((value) => value === '' || /^\d{1,12}$/.test(value), 'Enter a whole number, 0 or more')
  .transform((value) => (value === '' ? 0 : Number(value)));

/** The form's rules, the server's too: a real date up to the workspace's today, and no more clicks than views. */
function resultsSchema(today: string) {
  return z
    .object({
      day: z
        .string()
        .refine(isCivilDate, 'Pick the day the results are for')
        .refine(
          (day) => day <= today,
          `Results cannot be dated in the future (today is ${formatCivilDate(today)})`,
        ),
      impressions: count,
      reach: count,
      engagements: count,
      clicks: count,
      conversions: count,
    })
    .refine((values) => values.impressions <= 0 || values.clicks <= values.impressions, {
      message: 'More clicks than impressions',
      path: ['clicks'],
    });
}

type FormValues = z.input<ReturnType<typeof resultsSchema>>;
type Results = z.output<ReturnType<typeof resultsSchema>>;
const FIELDS = ['day', ...COUNTS.map((field) => field.name)] as const;

/**
 * One day's results of a published item, typed in by hand (a network that reports nothing, or a number
 * read off its app). The same day again replaces it; a network's own reading never overwrites it.
 */
export function ResultsForm({ business, itemId }: { business: Business; itemId: string }) {
  const today = todayIn(business.time_zone);
  const schema = useMemo(() => resultsSchema(today), [today]);
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
      toast(`Results for ${formatCivilDate(saved.day)} saved`);
    } catch (error) {
      setFormError(applyServerErrors(error, FIELDS, setError));
    }
  });

  return (
    <Card
      title="Results"
      description="Enter a day’s numbers by hand. The same day again replaces them; readings from the network never overwrite yours."
    >
      <div className="stack">
        <form className="stack" onSubmit={onSubmit} noValidate aria-label="Results">
          {formError && <Banner tone="danger">{formError}</Banner>}
          <TextField
            label="Day"
            type="date"
            max={today}
            error={formState.errors.day?.message}
            {...register('day')}
          />
          <div className="results-form__grid">
            {COUNTS.map((field) => (
              <TextField
                key={field.name}
                label={field.label}
                hint={field.hint}
                inputMode="numeric"
                autoComplete="off"
                placeholder="0"
                error={formState.errors[field.name as CountName]?.message}
                {...register(field.name)}
              />
            ))}
          </div>
          <div className="row">
            <Button type="submit" variant="primary" loading={formState.isSubmitting}>
              Save results
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
  if (!results.isSuccess || results.data.items.length === 0) return null;
  const number = new Intl.NumberFormat(business.locale);
  return (
    <Table
      caption="Recorded results"
      head={
        <tr>
          <th scope="col">Day</th>
          {COUNTS.map((field) => (
            <th key={field.name} scope="col">
              {field.label}
            </th>
          ))}
          <th scope="col">From</th>
        </tr>
      }
    >
      {results.data.items.map((row) => (
        <tr key={row.day}>
          <th scope="row" className="nowrap">
            {formatCivilDate(row.day)}
          </th>
          {COUNTS.map((field) => (
            <td key={field.name}>{number.format(row[field.name])}</td>
          ))}
          <td>
            {row.source === 'manual' ? 'By hand' : row.source.charAt(0).toUpperCase() + row.source.slice(1)}
          </td>
        </tr>
      ))}
    </Table>
  );
}
