import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type UpdateMeBody, type User, updateMeBodySchema } from '#shared/auth.schema.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { TextField } from '#web/components/ui/field.js';
import { useToast } from '#web/components/ui/toast.js';
import { ApiError } from '#web/lib/api-error.js';
import { applyServerErrors } from '#web/lib/form-errors.js';
import { zodResolver } from '#web/lib/form-resolver.js';
import { useUpdateProfile } from '../api/update-profile.js';

type FormValues = z.input<typeof updateMeBodySchema>;

/** Edits my name and email; only changed fields are sent. */
export function ProfileForm({ user }: { user: User }) {
  const updateProfile = useUpdateProfile();
  const toast = useToast();
  const { t } = useTranslation('profile');
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, setError, reset, formState } = useForm<FormValues, unknown, UpdateMeBody>({
    resolver: zodResolver(updateMeBodySchema),
    mode: 'onTouched',
    defaultValues: { name: user.name, email: user.email },
  });
  const { errors, dirtyFields, isDirty } = formState;

  const onSubmit = handleSubmit(async (body) => {
    setFormError(undefined);
    const changes: UpdateMeBody = {
      ...(dirtyFields.name ? { name: body.name } : {}),
      ...(dirtyFields.email ? { email: body.email } : {}),
    };
    try {
      const updated = await updateProfile.mutateAsync(changes);
      reset({ name: updated.name, email: updated.email });
      toast(t('form.saved'));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'conflict') {
        setError('email', { message: t('form.emailTaken') });
        return;
      }
      setFormError(applyServerErrors(error, ['name', 'email'], setError));
    }
  });

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {formError && <Banner tone="danger">{formError}</Banner>}
      <TextField
        label={t('form.name')}
        autoComplete="name"
        maxLength={100}
        error={errors.name && t('form.nameError')}
        {...register('name')}
      />
      <TextField
        label={t('form.email')}
        type="email"
        autoComplete="email"
        error={errors.email?.message}
        {...register('email')}
      />
      <div>
        <Button type="submit" variant="primary" loading={formState.isSubmitting} disabled={!isDirty}>
          {t('form.save')}
        </Button>
      </div>
    </form>
  );
}
