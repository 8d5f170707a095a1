import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { passkeyNameSchema } from '#shared/passkey.schema.js';
import type { TwoFactorStatus } from '#shared/two-factor.schema.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { TextField } from '#web/components/ui/field.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { useToast } from '#web/components/ui/toast.js';
import { ApiError } from '#web/lib/api-error.js';
import { describeError } from '#web/lib/error-messages.js';
import { formatDate, formatDateTime } from '#web/lib/format-date.js';
import { useAddPasskey, usePasskeys, useRemovePasskey } from '../api/passkeys.js';

interface PasskeySettingsProps {
  status: TwoFactorStatus;
  /** New recovery codes to show once (the first second factor issues them). */
  onCodes: (codes: string[]) => void;
}

/** Profile → Two-factor sign-in → Passkeys: the list, adding one on this device, removing one. */
export function PasskeySettings({ status, onCodes }: PasskeySettingsProps) {
  const passkeys = usePasskeys();
  const [removing, setRemoving] = useState<string>();
  const { t } = useTranslation('profile');
  if (passkeys.isPending) return <Spinner label={t('passkeys.loading')} />;
  if (passkeys.isError) return <Banner tone="danger">{describeError(passkeys.error)}</Banner>;
  // Removing the only second factor turns two-factor sign-in off, which needs a code as well.
  const lastFactor = !status.totp_enabled && passkeys.data.length === 1;
  return (
    <div className="stack">
      {passkeys.data.length === 0 ? (
        <p className="muted">{t('passkeys.none')}</p>
      ) : (
        <ul className="passkeys" aria-label={t('passkeys.list')}>
          {passkeys.data.map((passkey) => (
            <li key={passkey.id} className="stack">
              <div className="row">
                <strong>{passkey.name}</strong>
                <span className="muted">
                  {passkey.last_used_at
                    ? t('passkeys.lastUsed', {
                        date: formatDate(passkey.created_at),
                        used: formatDateTime(passkey.last_used_at),
                      })
                    : t('passkeys.notUsed', { date: formatDate(passkey.created_at) })}
                </span>
                {removing !== passkey.id && (
                  <Button size="sm" onClick={() => setRemoving(passkey.id)}>
                    {t('passkeys.remove', { name: passkey.name })}
                  </Button>
                )}
              </div>
              {removing === passkey.id && (
                <RemovePasskey
                  id={passkey.id}
                  name={passkey.name}
                  lastFactor={lastFactor}
                  onDone={() => setRemoving(undefined)}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      <AddPasskey onCodes={onCodes} />
    </div>
  );
}

function AddPasskey({ onCodes }: { onCodes: (codes: string[]) => void }) {
  const add = useAddPasskey();
  const toast = useToast();
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const { t } = useTranslation('profile');
  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const parsed = passkeyNameSchema.safeParse(name);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message);
    try {
      const added = await add.mutateAsync(parsed.data);
      setName('');
      toast(
        added.session
          ? t('passkeys.addedWithSession')
          : t('passkeys.addedNamed', { name: added.passkey.name }),
      );
      if (added.recovery_codes.length > 0) onCodes(added.recovery_codes);
    } catch (failure) {
      // The browser refuses without a reason when the person cancels, or the device has no authenticator.
      setError(failure instanceof ApiError ? describeError(failure) : t('passkeys.notMade'));
    }
  };
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label={t('passkeys.add')}>
      <TextField
        label={t('passkeys.name')}
        placeholder={t('passkeys.namePlaceholder')}
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={error}
      />
      <div>
        <Button type="submit" loading={add.isPending}>
          {t('passkeys.add')}
        </Button>
      </div>
    </form>
  );
}

function RemovePasskey({
  id,
  name,
  lastFactor,
  onDone,
}: {
  id: string;
  name: string;
  lastFactor: boolean;
  onDone: () => void;
}) {
  const remove = useRemovePasskey();
  const toast = useToast();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<{ password?: string; code?: string; form?: string }>({});
  const { t } = useTranslation('profile');
  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    const missing = {
      ...(password ? {} : { password: t('passkeys.enterPassword') }),
      ...(!lastFactor || code.trim().length >= 6 ? {} : { code: t('passkeys.enterCode') }),
    };
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    try {
      await remove.mutateAsync({ id, password, ...(lastFactor ? { code: code.trim() } : {}) });
      toast(lastFactor ? t('passkeys.removedLast') : t('passkeys.removed', { name }));
      onDone();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'invalid_credentials') {
        setErrors({ password: t('passkeys.wrongPassword') });
      } else if (error instanceof ApiError && error.code === 'invalid_two_factor_code') {
        setErrors({ code: t('passkeys.wrongCode') });
      } else {
        setErrors({ form: describeError(error) });
      }
    }
  };
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label={t('passkeys.remove', { name })}>
      {errors.form && <Banner tone="danger">{errors.form}</Banner>}
      {lastFactor && <Banner tone="warning">{t('passkeys.lastFactor')}</Banner>}
      <TextField
        label={t('passkeys.password')}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={errors.password}
      />
      {lastFactor && (
        <TextField
          label={t('passkeys.recoveryCode')}
          autoComplete="one-time-code"
          value={code}
          onChange={(event) => setCode(event.target.value)}
          error={errors.code}
        />
      )}
      <div className="row">
        <Button type="submit" variant="danger" loading={remove.isPending}>
          {t('passkeys.removeSubmit')}
        </Button>
        <Button type="button" variant="ghost" onClick={onDone}>
          {t('passkeys.cancel')}
        </Button>
      </div>
    </form>
  );
}
