import { type MailContent, renderMail } from '#server/integrations/mail/mail-templates.js';
import type { MailMessage } from '#server/integrations/mail/mailer.js';
import type { Language } from '#shared/languages.js';
import type { Role } from '#shared/roles.js';
import { ACCOUNT_MAIL_TEXTS } from './account-mail-texts.js';

/**
 * The emails about accounts, in the recipient's language (account-mail-texts.ts). Links carry their token
 * in the fragment (#token=…): browsers never send a fragment to a server, so the token stays out of
 * access logs and Referer headers.
 */
export class AccountMails {
  constructor(private readonly baseUrl: string) {}

  passwordReset(to: string, language: Language, facts: { token: string; minutes: number }): MailMessage {
    const words = ACCOUNT_MAIL_TEXTS[language].passwordReset(facts);
    return this.render(to, language, words, this.link('/reset-password', 'token', facts.token));
  }

  confirmSignUp(
    to: string,
    language: Language,
    facts: { name: string; token: string; hours: number },
  ): MailMessage {
    const words = ACCOUNT_MAIL_TEXTS[language].confirmSignUp(facts);
    return this.render(to, language, words, this.link('/sign-up/confirm', 'token', facts.token));
  }

  /** To the owner of an address someone tried to sign up with again. */
  signUpAttemptOnExistingAccount(to: string, language: Language): MailMessage {
    const words = ACCOUNT_MAIL_TEXTS[language].signUpAttemptOnExistingAccount();
    return this.render(to, language, words, `${this.baseUrl}/sign-in`);
  }

  /** `inviter` is undefined when the inviter's account is gone: the workspace's team invites. */
  invitation(
    to: string,
    language: Language,
    invite: { workspace: string; inviter?: string; role: Role; token: string; days: number },
  ): MailMessage {
    const texts = ACCOUNT_MAIL_TEXTS[language];
    const words = texts.invitation({
      ...invite,
      inviter: invite.inviter ?? texts.workspaceTeam(invite.workspace),
    });
    return this.render(to, language, words, this.link('/sign-up', 'invitation', invite.token));
  }

  /** To someone with an account who was added to a workspace. */
  addedToWorkspace(
    to: string,
    language: Language,
    added: { workspace: string; inviter?: string; role: Role; workspaceId: string },
  ): MailMessage {
    const texts = ACCOUNT_MAIL_TEXTS[language];
    const words = texts.addedToWorkspace({
      ...added,
      inviter: added.inviter ?? texts.workspaceTeam(added.workspace),
    });
    return this.render(to, language, words, `${this.baseUrl}/w/${added.workspaceId}`);
  }

  private render(
    to: string,
    language: Language,
    { action, ...words }: { action: string } & Omit<MailContent, 'action' | 'language'>,
    url: string,
  ): MailMessage {
    return renderMail({ ...words, language, action: { label: action, url } }, to);
  }

  private link(path: string, name: string, value: string): string {
    return `${this.baseUrl}${path}#${name}=${value}`;
  }
}
