import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { type MastodonCredentials, mastodonCredentialsSchema } from '#shared/network.schema.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { TextField } from '#web/components/ui/field.js';
import { applyServerErrors } from '#web/lib/form-errors.js';
import './channels.css';

// The shared `{ credentials }` shape, so the server's `body.credentials.…` errors land on these fields.
const formSchema = z.strictObject({ credentials: mastodonCredentialsSchema });
type FormInput = z.input<typeof formSchema>;
const FIELDS = ['credentials.instance_url', 'credentials.access_token'] as const;

interface MastodonCredentialsFormProps {
  /** Reconnecting: the account's instance, shown and sent as it is. */
  instanceUrl?: string;
  submitLabel: string;
  onSubmit: (credentials: MastodonCredentials) => Promise<void>;
  onCancel?: () => void;
}

/**
 * A Mastodon instance and an access token, checked with the shared schema; the instance's refusal
 * ("Mastodon refused the token: …") shows on the field it is about.
 */
export function MastodonCredentialsForm({
  instanceUrl,
  submitLabel,
  onSubmit,
  onCancel,
}: MastodonCredentialsFormProps) {
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, setError, reset, formState } = useForm<
    FormInput,
    unknown,
    z.output<typeof formSchema>
  >({
    resolver: zodResolver(formSchema),
    defaultValues: { credentials: { instance_url: instanceUrl ?? '', access_token: '' } },
  });
  const { errors } = formState;

  const submit = handleSubmit(async ({ credentials }) => {
    setFormError(undefined);
    try {
      await onSubmit(credentials);
      reset();
    } catch (error) {
      setFormError(applyServerErrors(error, FIELDS, setError));
    }
  });

  return (
    <form className="stack" onSubmit={submit} noValidate>
      {formError && <Banner tone="danger">{formError}</Banner>}
      <div className="network-form__fields">
        <TextField
          label="Instance address"
          type="url"
          inputMode="url"
          placeholder="https://mastodon.social"
          autoComplete="off"
          spellCheck={false}
          readOnly={instanceUrl !== undefined}
          error={errors.credentials?.instance_url?.message}
          {...register('credentials.instance_url')}
        />
        <TextField
          label="Access token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          hint={
            <>
              On your instance: <strong>Preferences → Development → New application</strong>, keep the scopes{' '}
              <code>read</code> and <code>write</code>, save, and copy “Your access token”.
            </>
          }
          error={errors.credentials?.access_token?.message}
          {...register('credentials.access_token')}
        />
      </div>
      <div className="row">
        <Button type="submit" variant="primary" loading={formState.isSubmitting}>
          {submitLabel}
        </Button>
        {onCancel && <Button onClick={onCancel}>Cancel</Button>}
      </div>
    </form>
  );
}
