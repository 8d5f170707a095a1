import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import {
  type AuthOptions,
  type RegisterBody,
  registerBodySchema,
  SIGN_UP_LINK_HOURS,
} from '#shared/auth.schema.js';
import { isLanguage } from '#shared/languages.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { TextField } from '#web/components/ui/field.js';
import { ApiError } from '#web/lib/api-error.js';
import { applyServerErrors } from '#web/lib/form-errors.js';
import { zodResolver } from '#web/lib/form-resolver.js';
import { isSession, useSignUp } from '../api/sign-up.js';
import { PasswordHints } from './password-hints.js';

/** An invitation's accept link: the address is fixed, and the account joins the workspace. */
export interface SignUpInvitation {
  token: string;
  email: string;
}

/**
 * Name, email and password, with live password hints. The new account is signed in at once, unless the
 * server confirms addresses by email: then it says to check the inbox (the same for every address), and,
 * on a server whose mail stays in the dev outbox (`mail: outbox`), where to read it.
 */
export function SignUpForm({
  onSignedUp,
  invitation,
  mail,
}: {
  onSignedUp: () => void;
  invitation?: SignUpInvitation;
  /** How this server sends email (`GET /api/auth/options`), when known. */
  mail?: AuthOptions['mail'];
}) {
  const signUp = useSignUp();
  const { t, i18n } = useTranslation('auth');
  const [formError, setFormError] = useState<string>();
  const [pending, setPending] = useState(false);
  const { register, handleSubmit, setError, formState, control } = useForm<
    z.input<typeof registerBodySchema>,
    unknown,
    RegisterBody
  >({
    resolver: zodResolver(registerBodySchema),
    mode: 'onTouched',
    defaultValues: { name: '', email: invitation?.email ?? '', password: '' },
  });
  const password = useWatch({ control, name: 'password' });

  const onSubmit = handleSubmit(async (body) => {
    setFormError(undefined);
    try {
      // The page's language becomes the account's: the confirmation email is already written in it.
      const language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : undefined;
      const answer = await signUp.mutateAsync({
        ...body,
        ...(language && { language }),
        ...(invitation && { invitation_token: invitation.token }),
      });
      if (isSession(answer)) onSignedUp();
      // The server's `message` is English: the page says it in its reader's language.
      else setPending(true);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'conflict') {
        setError('email', { message: t('signUp.emailTaken') });
        return;
      }
      setFormError(applyServerErrors(error, ['name', 'email', 'password'], setError));
    }
  });

  if (pending) {
    return (
      <Banner tone="success" title={t('signUp.checkEmail')}>
        <p>{t('signUp.linkSent', { count: SIGN_UP_LINK_HOURS })}</p>
        {mail === 'outbox' && (
          <p>
            <Trans t={t} i18nKey="signUp.noSmtp" components={{ outbox: <Link to="/dev/outbox" /> }} />
          </p>
        )}
      </Banner>
    );
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {formError && <Banner tone="danger">{formError}</Banner>}
      <TextField
        label={t('signUp.name')}
        autoComplete="name"
        maxLength={100}
        error={formState.errors.name && t('signUp.enterName')}
        {...register('name')}
      />
      <TextField
        label={t('email')}
        type="email"
        autoComplete="email"
        readOnly={invitation !== undefined}
        error={formState.errors.email?.message}
        {...register('email')}
      />
      <TextField
        label={t('password')}
        type="password"
        autoComplete="new-password"
        hint={<PasswordHints password={password} />}
        error={formState.errors.password?.message}
        {...register('password')}
      />
      <Button type="submit" variant="primary" loading={formState.isSubmitting}>
        {t('signUp.submit')}
      </Button>
    </form>
  );
}
