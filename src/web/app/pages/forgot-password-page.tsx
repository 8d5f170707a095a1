import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { forgotPasswordBodySchema } from '#shared/auth.schema.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { TextField } from '#web/components/ui/field.js';
import { useForgotPassword } from '#web/features/auth/api/password-reset.js';
import { applyServerErrors } from '#web/lib/form-errors.js';
import { zodResolver } from '#web/lib/form-resolver.js';
import { PageTitle } from '#web/lib/page-title.js';
import { AuthLayout } from '../layout/auth-layout.js';

type FormValues = z.input<typeof forgotPasswordBodySchema>;

/** "Forgot password?": an email address in, the same answer out for every address. */
export function ForgotPasswordPage() {
  const forgot = useForgotPassword();
  const { t } = useTranslation('auth');
  const [sent, setSent] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, setError, formState } = useForm<
    FormValues,
    unknown,
    z.output<typeof forgotPasswordBodySchema>
  >({ resolver: zodResolver(forgotPasswordBodySchema), mode: 'onTouched', defaultValues: { email: '' } });

  const onSubmit = handleSubmit(async ({ email }) => {
    setFormError(undefined);
    try {
      setSent((await forgot.mutateAsync(email)).message);
    } catch (error) {
      setFormError(applyServerErrors(error, ['email'], setError));
    }
  });

  return (
    <AuthLayout
      title={t('forgot.title')}
      subtitle={t('forgot.subtitle')}
      footer={
        <>
          {t('forgot.remembered')} <Link to="/sign-in">{t('forgot.signIn')}</Link>
        </>
      }
    >
      <PageTitle title={t('forgot.title')} />
      {sent ? (
        <Banner tone="success" title={t('forgot.checkEmail')}>
          {sent}
        </Banner>
      ) : (
        <form className="stack" onSubmit={onSubmit} noValidate>
          {formError && <Banner tone="danger">{formError}</Banner>}
          <TextField
            label={t('email')}
            type="email"
            autoComplete="email"
            error={formState.errors.email?.message}
            {...register('email')}
          />
          <Button type="submit" variant="primary" loading={formState.isSubmitting}>
            {t('forgot.submit')}
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}
