import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  apiKeyRoleSchema,
  type CreateApiKeyBody,
  type CreatedApiKey,
  createApiKeyBodySchema,
} from '#shared/business.schema.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { SelectField, TextField } from '#web/components/ui/field.js';
import { applyServerErrors } from '#web/lib/form-errors.js';
import { zodResolver } from '#web/lib/form-resolver.js';
import { useCreateApiKey } from '../api/create-api-key.js';
import './settings.css';

type FormValues = z.input<typeof createApiKeyBodySchema>;

/** Names a new key and picks its role; hands the one-time secret to `onCreated`. */
export function CreateApiKeyForm({
  businessId,
  onCreated,
}: {
  businessId: string;
  onCreated: (created: CreatedApiKey) => void;
}) {
  const createKey = useCreateApiKey(businessId);
  const { t } = useTranslation('workspaces');
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, setError, reset, formState } = useForm<
    FormValues,
    unknown,
    CreateApiKeyBody
  >({
    resolver: zodResolver(createApiKeyBodySchema),
    defaultValues: { name: '', role: 'editor' },
  });

  const onSubmit = handleSubmit(async (body) => {
    setFormError(undefined);
    try {
      onCreated(await createKey.mutateAsync(body));
      reset();
    } catch (error) {
      setFormError(applyServerErrors(error, ['name', 'role'], setError));
    }
  });

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {formError && <Banner tone="danger">{formError}</Banner>}
      <div className="inline-form">
        <TextField
          label={t('apiKeys.keyName')}
          placeholder={t('apiKeys.keyNamePlaceholder')}
          autoComplete="off"
          error={formState.errors.name && t('apiKeys.keyNameError')}
          {...register('name')}
        />
        <SelectField label={t('apiKeys.role')} error={formState.errors.role?.message} {...register('role')}>
          {apiKeyRoleSchema.options.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}.label`)}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="primary" loading={formState.isSubmitting}>
          {t('apiKeys.create')}
        </Button>
      </div>
    </form>
  );
}
