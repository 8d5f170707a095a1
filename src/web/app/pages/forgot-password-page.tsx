import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import type { z } from 'zod';
import { forgotPasswordBodySchema } from '#shared/auth.schema.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { TextField } from '#web/components/ui/field.js';
import { useForgotPassword } from '#web/features/auth/api/password-reset.js';
import { applyServerErrors } from '#web/lib/form-errors.js';
import { PageTitle } from '#web/lib/page-title.js';
import { AuthLayout } from '../layout/auth-layout.js';

type FormValues = z.input<typeof forgotPasswordBodySchema>;

/** "Forgot password?": an email address in, the same answer out for every address. */
export function ForgotPasswordPage() {
  const forgot = useForgotPassword();
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
      title="Reset your password"
      subtitle="We will email you a link to choose a new one."
      footer={
        <>
          Remembered it? <Link to="/sign-in">Sign in</Link>
        </>
      }
    >
      <PageTitle title="Reset your password" />
      {sent ? (
        <Banner tone="success" title="Check your email">
          {sent}
        </Banner>
      ) : (
        <form className="stack" onSubmit={onSubmit} noValidate>
          {formError && <Banner tone="danger">{formError}</Banner>}
          <TextField
            label="Email"
            type="email"
            autoComplete="email"
            error={formState.errors.email?.message}
            {...register('email')}
          />
          <Button type="submit" variant="primary" loading={formState.isSubmitting}>
            Send the link
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}
