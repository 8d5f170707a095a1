import { lazy, Suspense, useState } from 'react';
import { type Resolver, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { LoginBody, loginBodySchema } from '#shared/auth.schema.js';
import type { TwoFactorChallenge } from '#shared/two-factor.schema.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { TextField } from '#web/components/ui/field.js';
import { applyServerErrors } from '#web/lib/form-errors.js';
import { isChallenge, useSignIn } from '../api/sign-in.js';

// Zod (with the shared schemas this form checks against) is not part of the sign-in page's first
// download, which must stay within its JavaScript budget (test/deploy/web-budgets.test.ts): the form
// fetches it when someone starts on it, well before they have typed an address and a password.
const loadResolver = () => import('./login-resolver.js');
const TwoFactorCodeForm = lazy(async () => ({
  default: (await import('./two-factor-code-form.js')).TwoFactorCodeForm,
}));

type LoginInput = z.input<typeof loginBodySchema>;
const loginResolver: Resolver<LoginInput, unknown, LoginBody> = async (values, context, options) =>
  (await loadResolver()).loginResolver(values, context, options);

/**
 * Email and password, then (two-factor sign-in on) a passkey or a code; on success the session is stored and
 * `onSignedIn` decides where to go.
 */
export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const [challenge, setChallenge] = useState<TwoFactorChallenge>();
  const [formError, setFormError] = useState<string>();
  if (challenge) {
    return (
      <Suspense>
        <TwoFactorCodeForm
          challenge={challenge.challenge}
          passkey={challenge.passkey}
          onSignedIn={onSignedIn}
          onStartOver={(reason) => {
            setChallenge(undefined);
            setFormError(reason);
          }}
        />
      </Suspense>
    );
  }
  return <PasswordStep onSignedIn={onSignedIn} onChallenge={setChallenge} initialError={formError} />;
}

function PasswordStep({
  onSignedIn,
  onChallenge,
  initialError,
}: {
  onSignedIn: () => void;
  onChallenge: (challenge: TwoFactorChallenge) => void;
  initialError: string | undefined;
}) {
  const signIn = useSignIn();
  const { t } = useTranslation('auth');
  const [formError, setFormError] = useState<string | undefined>(initialError);
  const { register, handleSubmit, setError, formState } = useForm<LoginInput, unknown, LoginBody>({
    resolver: loginResolver,
    mode: 'onTouched',
  });
  // The checks and the answers' schemas load once someone starts on the form (a field gets focus, or the
  // button does), not with the page: a visitor who only passes through never downloads them.
  const prepare = () => {
    void loadResolver();
    void import('../api/sign-in-answers.js');
  };

  const onSubmit = handleSubmit(async (body) => {
    setFormError(undefined);
    try {
      const answer = await signIn.mutateAsync(body);
      if (isChallenge(answer)) onChallenge(answer);
      else onSignedIn();
    } catch (error) {
      setFormError(applyServerErrors(error, ['email', 'password'], setError));
    }
  });

  return (
    <form className="stack" onSubmit={onSubmit} onFocus={prepare} noValidate>
      {formError && <Banner tone="danger">{formError}</Banner>}
      <TextField
        label={t('email')}
        type="email"
        autoComplete="email"
        error={formState.errors.email?.message}
        {...register('email')}
      />
      <TextField
        label={t('password')}
        type="password"
        autoComplete="current-password"
        error={formState.errors.password && t('signIn.enterPassword')}
        {...register('password')}
      />
      <Button type="submit" variant="primary" loading={formState.isSubmitting}>
        {t('signIn.submit')}
      </Button>
    </form>
  );
}
