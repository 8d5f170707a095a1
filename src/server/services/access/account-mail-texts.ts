import type { Language } from '#shared/languages.js';
import type { Role } from '#shared/roles.js';

/** The words of one account email: everything but its links. */
interface MailWords {
  subject: string;
  heading: string;
  paragraphs: string[];
  action: string;
  footer?: string;
}

/**
 * The account emails in each language the app speaks. A `Record` over every language, so a language added
 * to `LANGUAGES` (src/shared/languages.ts) fails the type check until its emails are written. French puts a
 * no-break space (U+00A0) before `:` `;` `!` `?` `»` and after `«`, as the web app's strings do.
 */
export interface AccountMailTexts {
  passwordReset(facts: { minutes: number }): MailWords;
  confirmSignUp(facts: { name: string; hours: number }): MailWords;
  signUpAttemptOnExistingAccount(): MailWords;
  invitation(facts: { workspace: string; inviter: string; role: Role; days: number }): MailWords;
  addedToWorkspace(facts: { workspace: string; inviter: string; role: Role }): MailWords;
  /** Who invited, when the inviter's account is gone. */
  workspaceTeam(workspace: string): string;
}

const english: AccountMailTexts = {
  passwordReset: ({ minutes }) => ({
    subject: 'Reset your password',
    heading: 'Reset your password',
    paragraphs: [
      'Someone (hopefully you) asked to reset the password of your Marketing Command Center account.',
      `The link works once, for ${count('en', minutes, 'minute', 'minutes')}. Setting a new password signs you out everywhere.`,
    ],
    action: 'Choose a new password',
    footer: 'Did not ask for this? Ignore this email: your password stays as it is.',
  }),
  confirmSignUp: ({ name, hours }) => ({
    subject: 'Confirm your email to finish signing up',
    heading: `Welcome, ${name}`,
    paragraphs: [
      'Confirm that this address is yours to create your Marketing Command Center account.',
      `The link works once, for ${count('en', hours, 'hour', 'hours')}.`,
    ],
    action: 'Confirm and sign in',
    footer: 'Did not sign up? Ignore this email: no account is created without the link.',
  }),
  signUpAttemptOnExistingAccount: () => ({
    subject: 'Someone tried to sign up with your email',
    heading: 'You already have an account',
    paragraphs: [
      'Someone tried to create a Marketing Command Center account with this address, which already has one. Nothing changed.',
      'If it was you, sign in instead; if you forgot your password, reset it from the sign-in page.',
    ],
    action: 'Sign in',
    footer: 'Not you? You can ignore this email; your account is unchanged.',
  }),
  invitation: ({ workspace, inviter, role, days }) => ({
    subject: `${inviter} invited you to ${workspace}`,
    heading: `Join ${workspace}`,
    paragraphs: [
      `${inviter} invited you to the workspace “${workspace}” on Marketing Command Center, as ${englishRole(role)}.`,
      `Create your account from the link below; it works once, for ${count('en', days, 'day', 'days')}.`,
    ],
    action: 'Accept the invitation',
    footer: 'Not expecting this? Ignore this email: nothing happens without the link.',
  }),
  addedToWorkspace: ({ workspace, inviter, role }) => ({
    subject: `${inviter} added you to ${workspace}`,
    heading: `You are in ${workspace}`,
    paragraphs: [
      `${inviter} added you to the workspace “${workspace}” on Marketing Command Center, as ${englishRole(role)}.`,
    ],
    action: 'Open the workspace',
  }),
  workspaceTeam: (workspace) => `The team of ${workspace}`,
};

const FRENCH_ROLES: Record<Role, string> = {
  owner: 'propriétaire',
  admin: 'administrateur',
  editor: 'rédacteur',
  viewer: 'lecteur',
};

const french: AccountMailTexts = {
  passwordReset: ({ minutes }) => ({
    subject: 'Réinitialisez votre mot de passe',
    heading: 'Réinitialisez votre mot de passe',
    paragraphs: [
      'Quelqu’un (vous, espérons-le) a demandé à réinitialiser le mot de passe de votre compte Marketing Command Center.',
      `Le lien fonctionne une seule fois, pendant ${count('fr', minutes, 'minute', 'minutes')}. Choisir un nouveau mot de passe vous déconnecte partout.`,
    ],
    action: 'Choisir un nouveau mot de passe',
    footer: 'Vous n’avez rien demandé\u00a0? Ignorez cet e-mail\u00a0: votre mot de passe ne change pas.',
  }),
  confirmSignUp: ({ name, hours }) => ({
    subject: 'Confirmez votre adresse e-mail pour terminer votre inscription',
    heading: `Bienvenue, ${name}`,
    paragraphs: [
      'Confirmez que cette adresse est bien la vôtre pour créer votre compte Marketing Command Center.',
      `Le lien fonctionne une seule fois, pendant ${count('fr', hours, 'heure', 'heures')}.`,
    ],
    action: 'Confirmer et se connecter',
    footer:
      'Vous ne vous êtes pas inscrit\u00a0? Ignorez cet e-mail\u00a0: aucun compte n’est créé sans le lien.',
  }),
  signUpAttemptOnExistingAccount: () => ({
    subject: 'Quelqu’un a tenté de s’inscrire avec votre adresse e-mail',
    heading: 'Vous avez déjà un compte',
    paragraphs: [
      'Quelqu’un a tenté de créer un compte Marketing Command Center avec cette adresse, qui en a déjà un. Rien n’a changé.',
      'Si c’était vous, connectez-vous plutôt\u00a0; si vous avez oublié votre mot de passe, réinitialisez-le depuis la page de connexion.',
    ],
    action: 'Se connecter',
    footer: 'Ce n’était pas vous\u00a0? Vous pouvez ignorer cet e-mail\u00a0: votre compte n’a pas changé.',
  }),
  invitation: ({ workspace, inviter, role, days }) => ({
    subject: `${inviter} vous invite à rejoindre ${workspace}`,
    heading: `Rejoignez ${workspace}`,
    paragraphs: [
      `${inviter} vous invite dans l’espace de travail «\u00a0${workspace}\u00a0» sur Marketing Command Center, en tant que ${FRENCH_ROLES[role]}.`,
      `Créez votre compte depuis le lien ci-dessous\u00a0; il fonctionne une seule fois, pendant ${count('fr', days, 'jour', 'jours')}.`,
    ],
    action: 'Accepter l’invitation',
    footer: 'Vous ne vous y attendiez pas\u00a0? Ignorez cet e-mail\u00a0: rien ne se passe sans le lien.',
  }),
  addedToWorkspace: ({ workspace, inviter, role }) => ({
    subject: `${inviter} vous a ajouté à ${workspace}`,
    heading: `Vous faites partie de ${workspace}`,
    paragraphs: [
      `${inviter} vous a ajouté à l’espace de travail «\u00a0${workspace}\u00a0» sur Marketing Command Center, en tant que ${FRENCH_ROLES[role]}.`,
    ],
    action: 'Ouvrir l’espace de travail',
  }),
  workspaceTeam: (workspace) => `L’équipe de ${workspace}`,
};

export const ACCOUNT_MAIL_TEXTS: Record<Language, AccountMailTexts> = { en: english, fr: french };

function englishRole(role: Role): string {
  return role === 'admin' ? 'an admin' : `${role === 'owner' ? 'an' : 'a'} ${role}`;
}

/**
 * "30 minutes", "1 heure": the number as the language writes it, with its plural form; French keeps the
 * two on one line (a no-break space).
 */
function count(language: Language, value: number, one: string, other: string): string {
  const unit = new Intl.PluralRules(language).select(value) === 'one' ? one : other;
  return `${new Intl.NumberFormat(language).format(value)}${language === 'fr' ? '\u00a0' : ' '}${unit}`;
}
