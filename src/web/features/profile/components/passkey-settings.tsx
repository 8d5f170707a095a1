import { useState } from 'react';
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
  if (passkeys.isPending) return <Spinner label="Loading passkeys" />;
  if (passkeys.isError) return <Banner tone="danger">{describeError(passkeys.error)}</Banner>;
  // Removing the only second factor turns two-factor sign-in off, which needs a code as well.
  const lastFactor = !status.totp_enabled && passkeys.data.length === 1;
  return (
    <div className="stack">
      {passkeys.data.length === 0 ? (
        <p className="muted">
          No passkeys yet. A passkey lives in this device (or a security key) and confirms it is you with a
          touch, a fingerprint or your screen lock — nothing to type.
        </p>
      ) : (
        <ul className="passkeys" aria-label="Passkeys">
          {passkeys.data.map((passkey) => (
            <li key={passkey.id} className="stack">
              <div className="row">
                <strong>{passkey.name}</strong>
                <span className="muted">
                  Added {formatDate(passkey.created_at)}
                  {passkey.last_used_at
                    ? ` · last used ${formatDateTime(passkey.last_used_at)}`
                    : ' · not used yet'}
                </span>
                {removing !== passkey.id && (
                  <Button size="sm" onClick={() => setRemoving(passkey.id)}>
                    Remove {passkey.name}
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
          ? 'Passkey added. Two-factor sign-in is on; other devices have been signed out.'
          : `Passkey “${added.passkey.name}” added.`,
      );
      if (added.recovery_codes.length > 0) onCodes(added.recovery_codes);
    } catch (failure) {
      // The browser refuses without a reason when the person cancels, or the device has no authenticator.
      setError(
        failure instanceof ApiError
          ? describeError(failure)
          : 'No passkey was made. Try again, and confirm on your device when it asks.',
      );
    }
  };
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Add a passkey">
      <TextField
        label="Passkey name"
        placeholder="Work laptop"
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={error}
      />
      <div>
        <Button type="submit" loading={add.isPending}>
          Add a passkey
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
  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    const missing = {
      ...(password ? {} : { password: 'Enter your password' }),
      ...(!lastFactor || code.trim().length >= 6 ? {} : { code: 'Enter a recovery code' }),
    };
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    try {
      await remove.mutateAsync({ id, password, ...(lastFactor ? { code: code.trim() } : {}) });
      toast(lastFactor ? 'Passkey removed. Two-factor sign-in is off.' : `Passkey “${name}” removed.`);
      onDone();
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
    <form className="stack" onSubmit={onSubmit} noValidate aria-label={`Remove ${name}`}>
      {errors.form && <Banner tone="danger">{errors.form}</Banner>}
      {lastFactor && (
        <Banner tone="warning">
          This is your only second factor: removing it turns two-factor sign-in off and deletes your recovery
          codes.
        </Banner>
      )}
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={errors.password}
      />
      {lastFactor && (
        <TextField
          label="Recovery code"
          autoComplete="one-time-code"
          value={code}
          onChange={(event) => setCode(event.target.value)}
          error={errors.code}
        />
      )}
      <div className="row">
        <Button type="submit" variant="danger" loading={remove.isPending}>
          Remove passkey
        </Button>
        <Button type="button" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
