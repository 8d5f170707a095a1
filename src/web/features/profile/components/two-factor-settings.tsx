import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('profile');

  if (shownCodes) return <RecoveryCodesOnce codes={shownCodes} onDone={() => setShownCodes(undefined)} />;
  if (status.isPending) return <Spinner label={t('twoFactor.loading')} />;
  if (status.isError) return <Banner tone="danger">{describeError(status.error)}</Banner>;
  const { enabled, totp_enabled: totpEnabled, passkeys, recovery_codes_left: codesLeft } = status.data;
  const showCodes = (codes: string[]) => {
    if (codes.length > 0) setShownCodes(codes);
  };
  return (
    <div className="stack">
      {enabled && (
        <p>
          <Trans
            t={t}
            i18nKey="twoFactor.on"
            count={codesLeft}
            values={{
              factors: [totpEnabled && t('twoFactor.appCode'), passkeys > 0 && t('twoFactor.passkey')]
                .filter(Boolean)
                .join(t('twoFactor.or')),
            }}
            components={{ strong: <strong /> }}
          />
        </p>
      )}
      <section className="stack" aria-labelledby="two-factor-app">
        <h3 id="two-factor-app">{t('twoFactor.app')}</h3>
        {totpEnabled ? <TurnOff lastFactor={passkeys === 0} /> : <TurnOn onEnabled={showCodes} />}
      </section>
      <section className="stack" aria-labelledby="two-factor-passkeys">
        <h3 id="two-factor-passkeys">{t('twoFactor.passkeys')}</h3>
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
  const { t } = useTranslation('profile');

  if (!start.data) {
    return (
      <div className="stack">
        <p className="muted">{t('twoFactor.notSetUp')}</p>
        {start.isError && <Banner tone="danger">{describeError(start.error)}</Banner>}
        <div>
          <Button variant="primary" loading={start.isPending} onClick={() => start.mutate()}>
            {t('twoFactor.setUp')}
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
      toast(t('twoFactor.enabled'));
      onEnabled(recovery_codes);
    } catch (error) {
      setCodeError(
        error instanceof ApiError && error.code === 'invalid_two_factor_code'
          ? t('twoFactor.wrongFirstCode')
          : describeError(error),
      );
    }
  };

  return (
    <form className="stack" onSubmit={onConfirm} noValidate>
      <p>{t('twoFactor.scan')}</p>
      <img
        className="two-factor__qr"
        src={start.data.qr_code}
        alt={t('twoFactor.qrAlt')}
        width={240}
        height={240}
      />
      <p className="muted">
        {t('twoFactor.cannotScan')} <code className="two-factor__secret">{start.data.secret}</code>
      </p>
      <TextField
        label={t('twoFactor.code')}
        autoComplete="one-time-code"
        inputMode="numeric"
        value={code}
        onChange={(event) => setCode(event.target.value)}
        error={codeError}
      />
      <div>
        <Button type="submit" variant="primary" loading={enable.isPending}>
          {t('twoFactor.turnOn')}
        </Button>
      </div>
    </form>
  );
}

/** The codes exist in the clear only in this answer: say so, and let the person copy them. */
function RecoveryCodesOnce({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation('profile');
  return (
    <div className="stack">
      <Banner tone="warning" title={t('twoFactor.saveCodesTitle')}>
        {t('twoFactor.saveCodes')}
      </Banner>
      <ol className="two-factor__codes" aria-label={t('twoFactor.codesList')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="row">
        <Button onClick={() => void navigator.clipboard?.writeText(codes.join('\n'))}>
          {t('twoFactor.copyCodes')}
        </Button>
        <Button variant="primary" onClick={onDone}>
          {t('twoFactor.savedCodes')}
        </Button>
      </div>
    </div>
  );
}

function NewRecoveryCodes({ onCodes }: { onCodes: (codes: string[]) => void }) {
  const regenerate = useRegenerateRecoveryCodes();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const { t } = useTranslation('profile');
  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (!password) return setError(t('twoFactor.enterPassword'));
    try {
      onCodes((await regenerate.mutateAsync(password)).recovery_codes);
    } catch (failure) {
      setError(
        failure instanceof ApiError && failure.code === 'invalid_credentials'
          ? t('twoFactor.wrongPassword')
          : describeError(failure),
      );
    }
  };
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label={t('twoFactor.newCodes')}>
      <h3>{t('twoFactor.codesTitle')}</h3>
      <p className="muted">{t('twoFactor.codesHint')}</p>
      <TextField
        label={t('twoFactor.codesPassword')}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={error}
      />
      <div>
        <Button type="submit" loading={regenerate.isPending}>
          {t('twoFactor.makeCodes')}
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
  const { t } = useTranslation('profile');
  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    const missing = {
      ...(password ? {} : { password: t('twoFactor.enterPassword') }),
      ...(code.trim().length >= 6 ? {} : { code: t('twoFactor.enterAppCode') }),
    };
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    try {
      await disable.mutateAsync({ password, code: code.trim() });
      toast(lastFactor ? t('twoFactor.off') : t('twoFactor.appRemoved'));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'invalid_credentials') {
        setErrors({ password: t('twoFactor.wrongPassword') });
      } else if (error instanceof ApiError && error.code === 'invalid_two_factor_code') {
        setErrors({ code: t('twoFactor.wrongCode') });
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
      aria-label={lastFactor ? t('twoFactor.turnOffTitle') : t('twoFactor.removeApp')}
    >
      <h4>{lastFactor ? t('twoFactor.turnOffHeading') : t('twoFactor.removeApp')}</h4>
      {errors.form && <Banner tone="danger">{errors.form}</Banner>}
      <TextField
        label={t('twoFactor.password')}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={errors.password}
      />
      <TextField
        label={t('twoFactor.codeOrRecovery')}
        autoComplete="one-time-code"
        value={code}
        onChange={(event) => setCode(event.target.value)}
        error={errors.code}
      />
      <div>
        <Button type="submit" variant="danger" loading={disable.isPending}>
          {lastFactor ? t('twoFactor.turnOffTitle') : t('twoFactor.removeApp')}
        </Button>
      </div>
    </form>
  );
}
