import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import {
  BLUESKY_DEFAULT_PDS,
  type BlueskyCredentials,
  blueskyCredentialsSchema,
} from '#shared/network.schema.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { TextField } from '#web/components/ui/field.js';
import { applyServerErrors } from '#web/lib/form-errors.js';
import './channels.css';

// The shared `{ credentials }` shape, so the server's `body.credentials.…` errors land on these fields.
const formSchema = z.strictObject({ credentials: blueskyCredentialsSchema });
type FormInput = z.input<typeof formSchema>;
const FIELDS = ['credentials.handle', 'credentials.app_password', 'credentials.pds_url'] as const;

interface BlueskyCredentialsFormProps {
  /** Reconnecting: the account's handle and PDS, shown and sent as they are. */
  account?: { handle: string; pdsUrl: string };
  submitLabel: string;
  onSubmit: (credentials: BlueskyCredentials) => Promise<void>;
  onCancel?: () => void;
}

/**
 * A Bluesky handle, an app password and the PDS address (bsky.social unless the account lives elsewhere),
 * checked with the shared schema; the PDS's refusal ("Bluesky refused the app password: …") shows on the
 * field it is about.
 */
export function BlueskyCredentialsForm({
  account,
  submitLabel,
  onSubmit,
  onCancel,
}: BlueskyCredentialsFormProps) {
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, setError, reset, formState } = useForm<
    FormInput,
    unknown,
    z.output<typeof formSchema>
  >({
    resolver: zodResolver(formSchema),
    defaultValues: {
      credentials: {
        handle: account?.handle.replace(/^@/, '') ?? '',
        app_password: '',
        pds_url: account?.pdsUrl ?? BLUESKY_DEFAULT_PDS,
      },
    },
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
          label="Handle"
          placeholder="bakery.bsky.social"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          readOnly={account !== undefined}
          error={errors.credentials?.handle?.message}
          {...register('credentials.handle')}
        />
        <TextField
          label="App password"
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder="abcd-efgh-ijkl-mnop"
          hint={
            <>
              In Bluesky: <strong>Settings → Privacy and security → App passwords → Add App Password</strong>,
              name it “mcc”, leave direct messages off, and copy the password shown. Never your account’s own
              password.
            </>
          }
          error={errors.credentials?.app_password?.message}
          {...register('credentials.app_password')}
        />
        <TextField
          label="PDS address"
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          readOnly={account !== undefined}
          hint="Leave https://bsky.social unless your account is hosted on another PDS."
          error={errors.credentials?.pds_url?.message}
          {...register('credentials.pds_url')}
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
