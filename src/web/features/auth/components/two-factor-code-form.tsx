import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { secondFactorCodeSchema } from '#shared/two-factor.schema.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { TextField } from '#web/components/ui/field.js';
import { ApiError } from '#web/lib/api-error.js';
import { describeError } from '#web/lib/error-messages.js';
import { useCompleteSignIn, usePasskeySignIn } from '../api/sign-in.js';

interface TwoFactorCodeFormProps {
  challenge: string;
  /** The account has a passkey: offer it before the code. */
  passkey?: boolean;
  onSignedIn: () => void;
  /** The challenge expired or the person wants another account: back to email and password. */
  onStartOver: (reason?: string) => void;
}

/** Sign-in's second step: a passkey (when the account has one), the authenticator app's code, or a recovery code. */
export function TwoFactorCodeForm({ challenge, passkey, onSignedIn, onStartOver }: TwoFactorCodeFormProps) {
  const complete = useCompleteSignIn();
  const { t } = useTranslation('auth');
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [formError, setFormError] = useState<string>();

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFieldError(undefined);
    setFormError(undefined);
    const parsed = secondFactorCodeSchema.safeParse(code);
    if (!parsed.success) {
      setFieldError(parsed.error.issues[0]?.message);
      return;
    }
    try {
      await complete.mutateAsync({ challenge, code: parsed.data });
      onSignedIn();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'two_factor_challenge_expired') {
        onStartOver(describeError(error));
        return;
      }
      if (error instanceof ApiError && error.code === 'invalid_two_factor_code') {
        setFieldError(t('twoFactor.wrongCode'));
        return;
      }
      setFormError(describeError(error));
    }
  };

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {passkey && <PasskeyStep challenge={challenge} onSignedIn={onSignedIn} onStartOver={onStartOver} />}
      <p className="muted">{t(passkey ? 'twoFactor.orCode' : 'twoFactor.instructions')}</p>
      {formError && <Banner tone="danger">{formError}</Banner>}
      <TextField
        label={t('twoFactor.code')}
        autoComplete="one-time-code"
        inputMode="text"
        autoFocus
        value={code}
        onChange={(event) => setCode(event.target.value)}
        error={fieldError}
      />
      <Button type="submit" variant="primary" loading={complete.isPending}>
        {t('twoFactor.verify')}
      </Button>
      <Button type="button" variant="ghost" onClick={() => onStartOver()}>
        {t('twoFactor.anotherAccount')}
      </Button>
    </form>
  );
}

/** "Use a passkey": the browser asks the person to confirm with their authenticator, then signs in. */
function PasskeyStep({
  challenge,
  onSignedIn,
  onStartOver,
}: Pick<TwoFactorCodeFormProps, 'challenge' | 'onSignedIn' | 'onStartOver'>) {
  const signIn = usePasskeySignIn();
  const { t } = useTranslation('auth');
  const [error, setError] = useState<string>();
  const onClick = async () => {
    setError(undefined);
    try {
      await signIn.mutateAsync(challenge);
      onSignedIn();
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'two_factor_challenge_expired') {
        onStartOver(describeError(failure));
        return;
      }
      // The browser refuses without saying why when the person cancels or no passkey matches.
      setError(failure instanceof ApiError ? describeError(failure) : t('twoFactor.passkeyNotUsed'));
    }
  };
  return (
    <div className="stack">
      <p className="muted">{t('twoFactor.passkeyHint')}</p>
      {error && <Banner tone="danger">{error}</Banner>}
      <Button type="button" variant="primary" loading={signIn.isPending} onClick={() => void onClick()}>
        {t('twoFactor.usePasskey')}
      </Button>
    </div>
  );
}
