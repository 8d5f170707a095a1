import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type ChangePasswordBody, changePasswordBodySchema } from '#shared/auth.schema.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { TextField } from '#web/components/ui/field.js';
import { useToast } from '#web/components/ui/toast.js';
import { ApiError } from '#web/lib/api-error.js';
import { applyServerErrors } from '#web/lib/form-errors.js';
import { zodResolver } from '#web/lib/form-resolver.js';
import { useChangePassword } from '../api/change-password.js';

type FormValues = z.input<typeof changePasswordBodySchema>;

/** Changes my password; other devices are signed out by the server, this one stays signed in. */
export function ChangePasswordForm() {
  const changePassword = useChangePassword();
  const toast = useToast();
  const { t } = useTranslation('profile');
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, setError, reset, formState } = useForm<
    FormValues,
    unknown,
    ChangePasswordBody
  >({
    resolver: zodResolver(changePasswordBodySchema),
    mode: 'onTouched',
    defaultValues: { current_password: '', new_password: '' },
  });
  const { errors } = formState;

  const onSubmit = handleSubmit(async (body) => {
    setFormError(undefined);
    try {
      await changePassword.mutateAsync(body);
      reset();
      toast(t('password.changed'));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'invalid_credentials') {
        setError('current_password', { type: 'server', message: t('password.wrongCurrent') });
        return;
      }
      setFormError(applyServerErrors(error, ['current_password', 'new_password'], setError));
    }
  });

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {formError && <Banner tone="danger">{formError}</Banner>}
      <TextField
        label={t('password.current')}
        type="password"
        autoComplete="current-password"
        error={
          errors.current_password &&
          (errors.current_password.type === 'server'
            ? errors.current_password.message
            : t('password.currentError'))
        }
        {...register('current_password')}
      />
      <TextField
        label={t('password.new')}
        type="password"
        autoComplete="new-password"
        hint={t('password.newHint')}
        error={errors.new_password?.message}
        {...register('new_password')}
      />
      <div>
        <Button type="submit" variant="primary" loading={formState.isSubmitting}>
          {t('password.submit')}
        </Button>
      </div>
    </form>
  );
}
