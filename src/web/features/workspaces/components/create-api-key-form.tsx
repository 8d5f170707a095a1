import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
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
import { useCreateApiKey } from '../api/create-api-key.js';
import { ROLE_LABELS } from './role-labels.js';
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
          label="Key name"
          placeholder="Zapier, CRM sync…"
          autoComplete="off"
          error={formState.errors.name && 'Name the key (up to 100 characters)'}
          {...register('name')}
        />
        <SelectField label="Role" error={formState.errors.role?.message} {...register('role')}>
          {apiKeyRoleSchema.options.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role].label}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="primary" loading={formState.isSubmitting}>
          Create key
        </Button>
      </div>
    </form>
  );
}
