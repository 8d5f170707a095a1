import { useState } from 'react';
import { totpCodeSchema } from '#shared/two-factor.schema.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { TextField } from '#web/components/ui/field.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { useToast } from '#web/components/ui/toast.js';
import { ApiError } from '#web/lib/api-error.js';
import { describeError } from '#web/lib/error-messages.js';
import {
  useDisableTwoFactor,
  useEnableTwoFactor,
  useRegenerateRecoveryCodes,
  useStartTwoFactor,
  useTwoFactorStatus,
} from '../api/two-factor.js';
import { PasskeySettings } from './passkey-settings.js';
import './two-factor-settings.css';

/**
 * Profile → Two-factor: an authenticator app and passkeys, either of which turns it on; recovery codes
 * shown once; turning each off.
 */
export function TwoFactorSettings() {
  const status = useTwoFactorStatus();
  const [shownCodes, setShownCodes] = useState<string[]>();

  if (shownCodes) return <RecoveryCodesOnce codes={shownCodes} onDone={() => setShownCodes(undefined)} />;
  if (status.isPending) return <Spinner label="Loading two-factor sign-in" />;
  if (status.isError) return <Banner tone="danger">{describeError(status.error)}</Banner>;
  const { enabled, totp_enabled: totpEnabled, passkeys, recovery_codes_left: codesLeft } = status.data;
  const showCodes = (codes: string[]) => {
    if (codes.length > 0) setShownCodes(codes);
  };
  return (
    <div className="stack">
      {enabled && (
        <p>
          Two-factor sign-in is <strong>on</strong>. Signing in asks for{' '}
          {[totpEnabled && 'a code from your authenticator app', passkeys > 0 && 'a passkey']
            .filter(Boolean)
            .join(' or ')}
          . {codesLeft} of 10 recovery codes left.
        </p>
      )}
      <section className="stack" aria-labelledby="two-factor-app">
        <h3 id="two-factor-app">Authenticator app</h3>
        {totpEnabled ? <TurnOff lastFactor={passkeys === 0} /> : <TurnOn onEnabled={showCodes} />}
      </section>
      <section className="stack" aria-labelledby="two-factor-passkeys">
        <h3 id="two-factor-passkeys">Passkeys</h3>
        <PasskeySettings status={status.data} onCodes={showCodes} />
      </section>
      {enabled && <NewRecoveryCodes onCodes={setShownCodes} />}
    </div>
  );
}

function TurnOn({ onEnabled }: { onEnabled: (codes: string[]) => void }) {
  const start = useStartTwoFactor();
  const enable = useEnableTwoFactor();
  const toast = useToast();
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string>();

  if (!start.data) {
    return (
      <div className="stack">
        <p className="muted">
          Not set up. With it, signing in can ask for a 6-digit code from an authenticator app on your phone
          (such as Google Authenticator, 1Password or Aegis).
        </p>
        {start.isError && <Banner tone="danger">{describeError(start.error)}</Banner>}
        <div>
          <Button variant="primary" loading={start.isPending} onClick={() => start.mutate()}>
            Set up two-factor sign-in
          </Button>
        </div>
      </div>
    );
  }

  const onConfirm = async (event: React.FormEvent) => {
    event.preventDefault();
    setCodeError(undefined);
    const parsed = totpCodeSchema.safeParse(code);
    if (!parsed.success) {
      setCodeError(parsed.error.issues[0]?.message);
      return;
    }
    try {
      const { recovery_codes } = await enable.mutateAsync(parsed.data);
      toast('Two-factor sign-in is on. Other devices have been signed out.');
      onEnabled(recovery_codes);
    } catch (error) {
      setCodeError(
        error instanceof ApiError && error.code === 'invalid_two_factor_code'
          ? 'That code is not correct. Check the app shows Marketing Command Center, and enter its newest code.'
          : describeError(error),
      );
    }
  };

  return (
    <form className="stack" onSubmit={onConfirm} noValidate>
      <p>Scan this QR code with your authenticator app, then enter the code it shows.</p>
      <img
        className="two-factor__qr"
        src={start.data.qr_code}
        alt="QR code to add Marketing Command Center to your authenticator app"
        width={240}
        height={240}
      />
      <p className="muted">
        Cannot scan? Enter this key in the app:{' '}
        <code className="two-factor__secret">{start.data.secret}</code>
      </p>
      <TextField
        label="Code from the app"
        autoComplete="one-time-code"
        inputMode="numeric"
        value={code}
        onChange={(event) => setCode(event.target.value)}
        error={codeError}
      />
      <div>
        <Button type="submit" variant="primary" loading={enable.isPending}>
          Turn on
        </Button>
      </div>
    </form>
  );
}

/** The codes exist in the clear only in this answer: say so, and let the person copy them. */
function RecoveryCodesOnce({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <div className="stack">
      <Banner tone="warning" title="Save your recovery codes now">
        Each code signs you in once if you lose your phone. This is the only time they are shown: print them
        or keep them in a password manager.
      </Banner>
      <ol className="two-factor__codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="row">
        <Button onClick={() => void navigator.clipboard?.writeText(codes.join('\n'))}>Copy codes</Button>
        <Button variant="primary" onClick={onDone}>
          I have saved them
        </Button>
      </div>
    </div>
  );
}

function NewRecoveryCodes({ onCodes }: { onCodes: (codes: string[]) => void }) {
  const regenerate = useRegenerateRecoveryCodes();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (!password) return setError('Enter your password');
    try {
      onCodes((await regenerate.mutateAsync(password)).recovery_codes);
    } catch (failure) {
      setError(
        failure instanceof ApiError && failure.code === 'invalid_credentials'
          ? 'That is not your password.'
          : describeError(failure),
      );
    }
  };
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="New recovery codes">
      <h3>Recovery codes</h3>
      <p className="muted">Ten new codes replace all the old ones, used or not.</p>
      <TextField
        label="Password for new codes"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={error}
      />
      <div>
        <Button type="submit" loading={regenerate.isPending}>
          Make new recovery codes
        </Button>
      </div>
    </form>
  );
}

/** Remove the authenticator app; with no passkey left, that turns two-factor sign-in off. */
function TurnOff({ lastFactor }: { lastFactor: boolean }) {
  const disable = useDisableTwoFactor();
  const toast = useToast();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<{ password?: string; code?: string; form?: string }>({});
  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    const missing = {
      ...(password ? {} : { password: 'Enter your password' }),
      ...(code.trim().length >= 6 ? {} : { code: 'Enter a code from the app, or a recovery code' }),
    };
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    try {
      await disable.mutateAsync({ password, code: code.trim() });
      toast(
        lastFactor ? 'Two-factor sign-in is off.' : 'The authenticator app is removed; your passkeys remain.',
      );
    } catch (error) {
      if (error instanceof ApiError && error.code === 'invalid_credentials') {
        setErrors({ password: 'That is not your password.' });
      } else if (error instanceof ApiError && error.code === 'invalid_two_factor_code') {
        setErrors({ code: 'That code is not correct, or it was already used.' });
      } else {
        setErrors({ form: describeError(error) });
      }
    }
  };
  return (
    <form
      className="stack"
      onSubmit={onSubmit}
      noValidate
      aria-label={lastFactor ? 'Turn off two-factor sign-in' : 'Remove the authenticator app'}
    >
      <h4>{lastFactor ? 'Turn off' : 'Remove the authenticator app'}</h4>
      {errors.form && <Banner tone="danger">{errors.form}</Banner>}
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={errors.password}
      />
      <TextField
        label="Code or recovery code"
        autoComplete="one-time-code"
        value={code}
        onChange={(event) => setCode(event.target.value)}
        error={errors.code}
      />
      <div>
        <Button type="submit" variant="danger" loading={disable.isPending}>
          {lastFactor ? 'Turn off two-factor sign-in' : 'Remove the authenticator app'}
        </Button>
      </div>
    </form>
  );
}
