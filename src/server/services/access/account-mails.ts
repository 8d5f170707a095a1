import { renderMail } from '#server/integrations/mail/mail-templates.js';
import type { MailMessage } from '#server/integrations/mail/mailer.js';
import type { Role } from '#shared/roles.js';

/**
 * The emails about accounts, in the app's words. Links carry their token in the fragment (#token=…):
 * browsers never send a fragment to a server, so the token stays out of access logs and Referer headers.
 */
export class AccountMails {
  constructor(private readonly baseUrl: string) {}

  passwordReset(to: string, token: string, minutes: number): MailMessage {
    return renderMail(
      {
        subject: 'Reset your password',
        heading: 'Reset your password',
        paragraphs: [
          'Someone (hopefully you) asked to reset the password of your Marketing Command Center account.',
          `The link works once, for ${minutes} minutes. Setting a new password signs you out everywhere.`,
        ],
        action: { label: 'Choose a new password', url: this.link('/reset-password', 'token', token) },
        footer: 'Did not ask for this? Ignore this email: your password stays as it is.',
      },
      to,
    );
  }

  confirmSignUp(to: string, name: string, token: string, hours: number): MailMessage {
    return renderMail(
      {
        subject: 'Confirm your email to finish signing up',
        heading: `Welcome, ${name}`,
        paragraphs: [
          'Confirm that this address is yours to create your Marketing Command Center account.',
          `The link works once, for ${hours} hours.`,
        ],
        action: { label: 'Confirm and sign in', url: this.link('/sign-up/confirm', 'token', token) },
        footer: 'Did not sign up? Ignore this email: no account is created without the link.',
      },
      to,
    );
  }

  /** To the owner of an address someone tried to sign up with again. */
  signUpAttemptOnExistingAccount(to: string): MailMessage {
    return renderMail(
      {
        subject: 'Someone tried to sign up with your email',
        heading: 'You already have an account',
        paragraphs: [
          'Someone tried to create a Marketing Command Center account with this address, which already has one. Nothing changed.',
          'If it was you, sign in instead; if you forgot your password, reset it from the sign-in page.',
        ],
        action: { label: 'Sign in', url: `${this.baseUrl}/sign-in` },
        footer: 'Not you? You can ignore this email; your account is unchanged.',
      },
      to,
    );
  }

  invitation(
    to: string,
    invite: { workspace: string; inviter: string; role: Role; token: string; days: number },
  ): MailMessage {
    return renderMail(
      {
        subject: `${invite.inviter} invited you to ${invite.workspace}`,
        heading: `Join ${invite.workspace}`,
        paragraphs: [
          `${invite.inviter} invited you to the workspace “${invite.workspace}” on Marketing Command Center, as ${roleName(invite.role)}.`,
          `Create your account from the link below; it works once, for ${invite.days} days.`,
        ],
        action: { label: 'Accept the invitation', url: this.link('/sign-up', 'invitation', invite.token) },
        footer: 'Not expecting this? Ignore this email: nothing happens without the link.',
      },
      to,
    );
  }

  /** To someone with an account who was added to a workspace. */
  addedToWorkspace(
    to: string,
    added: { workspace: string; inviter: string; role: Role; workspaceId: string },
  ): MailMessage {
    return renderMail(
      {
        subject: `${added.inviter} added you to ${added.workspace}`,
        heading: `You are in ${added.workspace}`,
        paragraphs: [
          `${added.inviter} added you to the workspace “${added.workspace}” on Marketing Command Center, as ${roleName(added.role)}.`,
        ],
        action: { label: 'Open the workspace', url: `${this.baseUrl}/w/${added.workspaceId}` },
      },
      to,
    );
  }

  private link(path: string, name: string, value: string): string {
    return `${this.baseUrl}${path}#${name}=${value}`;
  }
}

function roleName(role: Role): string {
  return role === 'admin' ? 'an admin' : `${role === 'owner' ? 'an' : 'a'} ${role}`;
}
