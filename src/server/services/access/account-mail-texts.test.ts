import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '#shared/languages.js';
import { ROLES } from '#shared/roles.js';
import { ACCOUNT_MAIL_TEXTS, type AccountMailTexts } from './account-mail-texts.js';

/** Every email of a language, with facts that exercise each text. */
function everyMail(texts: AccountMailTexts) {
  return [
    texts.passwordReset({ minutes: 30 }),
    texts.confirmSignUp({ name: 'Ada', hours: 24 }),
    texts.signUpAttemptOnExistingAccount(),
    ...ROLES.map((role) => texts.invitation({ workspace: 'Acme', inviter: 'Ada', role, days: 7 })),
    ...ROLES.map((role) => texts.addedToWorkspace({ workspace: 'Acme', inviter: 'Ada', role })),
  ];
}
const wordsOf = (mail: ReturnType<typeof everyMail>[number]) =>
  [mail.subject, mail.heading, ...mail.paragraphs, mail.action, mail.footer ?? ''].filter(Boolean);

describe('ACCOUNT_MAIL_TEXTS', () => {
  it('writes every email in every language, none left in English', () => {
    const english = everyMail(ACCOUNT_MAIL_TEXTS.en).flatMap(wordsOf);
    for (const language of LANGUAGES.filter((code) => code !== 'en')) {
      const translated = everyMail(ACCOUNT_MAIL_TEXTS[language]).flatMap(wordsOf);
      expect(translated.every((text) => text.trim().length > 0)).toBe(true);
      expect(translated.filter((text) => english.includes(text) && !/^Ada$|^Acme$/.test(text))).toEqual([]);
    }
  });

  it('keeps French punctuation on its line with a no-break space, as the web app does', () => {
    for (const text of everyMail(ACCOUNT_MAIL_TEXTS.fr).flatMap(wordsOf)) {
      expect(text, text).not.toMatch(/ [:;!?»]|« /);
    }
    expect(ACCOUNT_MAIL_TEXTS.fr.passwordReset({ minutes: 30 }).paragraphs[1]).toContain('30\u00a0minutes');
  });

  it('chooses the plural form from the number', () => {
    expect(ACCOUNT_MAIL_TEXTS.en.confirmSignUp({ name: 'Ada', hours: 1 }).paragraphs[1]).toBe(
      'The link works once, for 1 hour.',
    );
    expect(ACCOUNT_MAIL_TEXTS.fr.confirmSignUp({ name: 'Ada', hours: 1 }).paragraphs[1]).toBe(
      'Le lien fonctionne une seule fois, pendant 1\u00a0heure.',
    );
    expect(
      ACCOUNT_MAIL_TEXTS.en.invitation({ workspace: 'A', inviter: 'B', role: 'admin', days: 7 })
        .paragraphs[0],
    ).toContain('as an admin.');
  });
});
