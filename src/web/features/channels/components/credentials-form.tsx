import { useMemo, useState } from 'react';
import { type FieldValues, type Path, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  type ConnectNetworkAccountBody,
  NETWORK_CREDENTIALS_SCHEMAS,
  type NetworkAccount,
} from '#shared/network.schema.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { TextField } from '#web/components/ui/field.js';
import { applyServerErrors } from '#web/lib/form-errors.js';
import { zodResolver } from '#web/lib/form-resolver.js';
import type { CredentialNetwork } from './credential-networks.js';
import './channels.css';

export type NetworkCredentials = ConnectNetworkAccountBody['credentials'];

interface CredentialsFormProps {
  /** What the form asks for (credential-networks.tsx). */
  spec: CredentialNetwork;
  /** Reconnecting: the account, whose identifying fields are shown and sent as they are. */
  account?: NetworkAccount;
  submitLabel: string;
  onSubmit: (credentials: NetworkCredentials) => Promise<void>;
  onCancel?: () => void;
}

/**
 * One network's credentials, checked with the network's shared schema before anything is sent; the
 * network's refusal ("Telegram refused the bot token: …") shows on the field it is about, anything else
 * above the form. Secrets are masked and start empty every time.
 */
export function CredentialsForm({ spec, account, submitLabel, onSubmit, onCancel }: CredentialsFormProps) {
  const [formError, setFormError] = useState<string>();
  const { t } = useTranslation('channels');
  // The shared `{ credentials }` shape, so the server's `body.credentials.…` errors land on these fields.
  const formSchema = useMemo(
    () => z.strictObject({ credentials: NETWORK_CREDENTIALS_SCHEMAS[spec.network] }),
    [spec.network],
  );
  const names = spec.fields.map((field) => `credentials.${field.name}` as Path<FieldValues>);
  const { register, handleSubmit, setError, reset, formState } = useForm<FieldValues>({
    resolver: zodResolver(formSchema as unknown as z.ZodType<FieldValues, FieldValues>),
    defaultValues: {
      credentials: Object.fromEntries(
        spec.fields.map((field) => [
          field.name,
          (account && field.fromAccount?.(account)) ?? field.initial ?? '',
        ]),
      ),
    },
  });
  const errors = (formState.errors.credentials ?? {}) as Record<string, { message?: string } | undefined>;

  const submit = handleSubmit(async (values) => {
    setFormError(undefined);
    try {
      await onSubmit(values.credentials as NetworkCredentials);
      reset();
    } catch (error) {
      setFormError(applyServerErrors(error, names, setError));
    }
  });

  return (
    <form className="stack" onSubmit={submit} noValidate>
      {formError && <Banner tone="danger">{formError}</Banner>}
      <div className="network-form__fields">
        {spec.fields.map((field) => (
          <TextField
            key={field.name}
            label={field.label}
            type={field.kind === 'secret' ? 'password' : field.kind === 'url' ? 'url' : 'text'}
            {...(field.kind === 'url' ? { inputMode: 'url' as const } : {})}
            {...(field.placeholder ? { placeholder: field.placeholder } : {})}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            readOnly={account !== undefined && field.readOnly === true}
            hint={field.hint}
            error={errors[field.name]?.message}
            {...register(`credentials.${field.name}`)}
          />
        ))}
      </div>
      <div className="row">
        <Button type="submit" variant="primary" loading={formState.isSubmitting}>
          {submitLabel}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t('account.cancel')}</Button>}
      </div>
    </form>
  );
}
