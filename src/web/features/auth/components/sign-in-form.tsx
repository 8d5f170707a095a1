import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { type LoginBody, loginBodySchema } from '#shared/auth.schema.js';
import type { TwoFactorChallenge } from '#shared/two-factor.schema.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { TextField } from '#web/components/ui/field.js';
import { applyServerErrors } from '#web/lib/form-errors.js';
import { isChallenge, useSignIn } from '../api/sign-in.js';
import { TwoFactorCodeForm } from './two-factor-code-form.js';

/**
 * Email and password, then (two-factor sign-in on) a passkey or a code; on success the session is stored and
 * `onSignedIn` decides where to go.
 */
export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const [challenge, setChallenge] = useState<TwoFactorChallenge>();
  const [formError, setFormError] = useState<string>();
  if (challenge) {
    return (
      <TwoFactorCodeForm
        challenge={challenge.challenge}
        passkey={challenge.passkey}
        onSignedIn={onSignedIn}
        onStartOver={(reason) => {
          setChallenge(undefined);
          setFormError(reason);
        }}
      />
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
  const [formError, setFormError] = useState<string | undefined>(initialError);
  const { register, handleSubmit, setError, formState } = useForm<
    z.input<typeof loginBodySchema>,
    unknown,
    LoginBody
  >({
    resolver: zodResolver(loginBodySchema),
    mode: 'onTouched',
  });

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
    <form className="stack" onSubmit={onSubmit} noValidate>
      {formError && <Banner tone="danger">{formError}</Banner>}
      <TextField
        label="Email"
        type="email"
        autoComplete="email"
        error={formState.errors.email?.message}
        {...register('email')}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        error={formState.errors.password && 'Enter your password'}
        {...register('password')}
      />
      <Button type="submit" variant="primary" loading={formState.isSubmitting}>
        Sign in
      </Button>
    </form>
  );
}
