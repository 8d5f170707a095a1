import { type FormEvent, lazy, Suspense, type SyntheticEvent, useRef, useState } from 'react';
import type { UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TwoFactorChallenge } from '#shared/two-factor.schema.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { TextField } from '#web/components/ui/field.js';
import { applyServerErrors } from '#web/lib/form-errors.js';
import { isChallenge, useSignIn } from '../api/sign-in.js';
import type { LoginField } from './login-checks.js';

// Zod (with the shared schema this form checks against) is not part of the sign-in page's first download,
// which must stay within its JavaScript budget (test/deploy/web-budgets.test.ts): the form fetches it when
// someone starts on it, well before they have typed an address and a password. Two fields need no form
// library either (react-hook-form is 15 kB of gzipped JavaScript): the other forms use it.
const loadChecks = () => import('./login-checks.js');
const TwoFactorCodeForm = lazy(async () => ({
  default: (await import('./two-factor-code-form.js')).TwoFactorCodeForm,
}));

const FIELDS: readonly LoginField[] = ['email', 'password'];
type FieldErrors = Partial<Record<LoginField, string>>;

const fieldOf = (target: EventTarget): LoginField | undefined => {
  const name = (target as { name?: unknown }).name;
  return FIELDS.find((field) => field === name);
};

const valuesOf = (form: HTMLFormElement): Record<LoginField, string> => {
  const value = (field: LoginField) =>
    (form.elements.namedItem(field) as HTMLInputElement | null)?.value ?? '';
  return { email: value('email'), password: value('password') };
};

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
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitting, setSubmitting] = useState(false);
  // A field is checked as it changes once it has been left (or the form sent), not while first typed.
  const checkedAsTyped = useRef(new Set<LoginField>());

  // The checks and the answers' schemas load once someone starts on the form (a field gets focus, or the
  // button does), not with the page: a visitor who only passes through never downloads them.
  const prepare = () => {
    void loadChecks();
    void import('../api/sign-in-answers.js');
  };
  const recheck = async (form: HTMLFormElement, field: LoginField) => {
    const check = await (await loadChecks()).checkLogin(valuesOf(form));
    setErrors((shown) => ({ ...shown, [field]: check.ok ? undefined : check.errors[field] }));
  };
  const onLeave = (event: SyntheticEvent<HTMLFormElement>) => {
    const field = fieldOf(event.target);
    if (!field) return;
    checkedAsTyped.current.add(field);
    void recheck(event.currentTarget, field);
  };
  const onType = (event: SyntheticEvent<HTMLFormElement>) => {
    const field = fieldOf(event.target);
    if (field && checkedAsTyped.current.has(field)) void recheck(event.currentTarget, field);
  };
  const showServerError: UseFormSetError<Record<LoginField, string>> = (name, error) =>
    setErrors((shown) => ({ ...shown, [name]: error.message }));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    setFormError(undefined);
    setSubmitting(true);
    for (const field of FIELDS) checkedAsTyped.current.add(field);
    try {
      const check = await (await loadChecks()).checkLogin(valuesOf(form));
      if (!check.ok) {
        setErrors(check.errors);
        const first = FIELDS.find((field) => check.errors[field]);
        if (first) (form.elements.namedItem(first) as HTMLInputElement | null)?.focus();
        return;
      }
      setErrors({});
      const answer = await signIn.mutateAsync(check.body);
      if (isChallenge(answer)) onChallenge(answer);
      else onSignedIn();
    } catch (error) {
      setFormError(applyServerErrors(error, FIELDS, showServerError));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <form
      className="stack"
      onSubmit={onSubmit}
      onFocus={prepare}
      onBlur={onLeave}
      onChange={onType}
      noValidate
    >
      {formError && <Banner tone="danger">{formError}</Banner>}
      <TextField label={t('email')} name="email" type="email" autoComplete="email" error={errors.email} />
      <TextField
        label={t('password')}
        name="password"
        type="password"
        autoComplete="current-password"
        error={errors.password && t('signIn.enterPassword')}
      />
      <Button type="submit" variant="primary" loading={submitting}>
        {t('signIn.submit')}
      </Button>
    </form>
  );
}
