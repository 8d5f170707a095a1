import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { z } from 'zod';
import { passwordSchema } from '#shared/auth.schema.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { TextField } from '#web/components/ui/field.js';
import { useResetLinkCheck, useResetPassword } from '#web/features/auth/api/password-reset.js';
import { PasswordHints } from '#web/features/auth/components/password-hints.js';
import { ApiError } from '#web/lib/api-error.js';
import { applyServerErrors } from '#web/lib/form-errors.js';
import { zodResolver } from '#web/lib/form-resolver.js';
import { fragmentValue } from '#web/lib/link-fragment.js';
import { PageTitle } from '#web/lib/page-title.js';
import { AuthLayout } from '../layout/auth-layout.js';

const formSchema = z.strictObject({ new_password: passwordSchema });
type FormValues = z.input<typeof formSchema>;

/** The emailed reset link: a new password, then every session is signed out. */
export function ResetPasswordPage() {
  const token = fragmentValue(useLocation().hash, 'token');
  const check = useResetLinkCheck(token);
  const [done, setDone] = useState(false);
  const { t } = useTranslation('auth');
  const linkDead = token === '' || (check.error instanceof ApiError && check.error.status < 500);
  return (
    <AuthLayout
      title={t('reset.title')}
      subtitle={t('reset.subtitle')}
      footer={<Link to="/sign-in">{t('reset.backToSignIn')}</Link>}
    >
      <PageTitle title={t('reset.title')} />
      {done ? (
        <Banner tone="success" title={t('reset.done')}>
          <Trans t={t} i18nKey="reset.doneHint" components={{ signIn: <Link to="/sign-in" /> }} />
        </Banner>
      ) : linkDead ? (
        <Banner tone="warning" title={t('reset.linkDead')}>
          <Trans t={t} i18nKey="reset.linkDeadHint" components={{ ask: <Link to="/forgot-password" /> }} />
        </Banner>
      ) : check.isSuccess ? (
        <ResetForm token={token} onDone={() => setDone(true)} />
      ) : (
        <p className="muted">{t('reset.checking')}</p>
      )}
    </AuthLayout>
  );
}

function ResetForm({ token, onDone }: { token: string; onDone: () => void }) {
  const reset = useResetPassword();
  const { t } = useTranslation('auth');
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, setError, formState, control } = useForm<
    FormValues,
    unknown,
    z.output<typeof formSchema>
  >({ resolver: zodResolver(formSchema), mode: 'onTouched', defaultValues: { new_password: '' } });
  const password = useWatch({ control, name: 'new_password' });

  const onSubmit = handleSubmit(async ({ new_password }) => {
    setFormError(undefined);
    try {
      await reset.mutateAsync({ token, new_password });
      onDone();
    } catch (error) {
      setFormError(applyServerErrors(error, ['new_password'], setError));
    }
  });

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {formError && <Banner tone="danger">{formError}</Banner>}
      <TextField
        label={t('reset.newPassword')}
        type="password"
        autoComplete="new-password"
        hint={<PasswordHints password={password} />}
        error={formState.errors.new_password?.message}
        {...register('new_password')}
      />
      <Button type="submit" variant="primary" loading={formState.isSubmitting}>
        {t('reset.submit')}
      </Button>
    </form>
  );
}
