// Offline "translation": a phrase table of common marketing lines in Spanish, French, German, Portuguese
// and Italian. It cannot translate free text, so anything else is kept as written and the result says so
// openly (see translateCommonPhrases) rather than pretending to be a translation.

type Language = 'es' | 'fr' | 'de' | 'pt' | 'it';

const PHRASES: Readonly<Record<string, Readonly<Record<Language, string>>>> = {
  'learn more': {
    es: 'Más información',
    fr: 'En savoir plus',
    de: 'Mehr erfahren',
    pt: 'Saiba mais',
    it: 'Scopri di più',
  },
  'order now': {
    es: 'Pide ya',
    fr: 'Commandez maintenant',
    de: 'Jetzt bestellen',
    pt: 'Encomende já',
    it: 'Ordina ora',
  },
  'shop now': {
    es: 'Compra ya',
    fr: 'Achetez maintenant',
    de: 'Jetzt einkaufen',
    pt: 'Compre já',
    it: 'Acquista ora',
  },
  'book now': {
    es: 'Reserva ya',
    fr: 'Réservez maintenant',
    de: 'Jetzt buchen',
    pt: 'Reserve já',
    it: 'Prenota ora',
  },
  'sign up today': {
    es: 'Regístrate hoy',
    fr: "Inscrivez-vous aujourd'hui",
    de: 'Heute anmelden',
    pt: 'Inscreva-se hoje',
    it: 'Iscriviti oggi',
  },
  'thank you': { es: 'Gracias', fr: 'Merci', de: 'Danke', pt: 'Obrigado', it: 'Grazie' },
  'link in bio': {
    es: 'Enlace en la bio',
    fr: 'Lien en bio',
    de: 'Link in der Bio',
    pt: 'Link na bio',
    it: 'Link in bio',
  },
  'free shipping': {
    es: 'Envío gratis',
    fr: 'Livraison gratuite',
    de: 'Kostenloser Versand',
    pt: 'Frete grátis',
    it: 'Spedizione gratuita',
  },
  'limited time offer': {
    es: 'Oferta por tiempo limitado',
    fr: 'Offre à durée limitée',
    de: 'Nur für kurze Zeit',
    pt: 'Oferta por tempo limitado',
    it: 'Offerta a tempo limitato',
  },
  'new arrivals': { es: 'Novedades', fr: 'Nouveautés', de: 'Neuheiten', pt: 'Novidades', it: 'Nuovi arrivi' },
  'coming soon': {
    es: 'Muy pronto',
    fr: 'Bientôt disponible',
    de: 'Demnächst',
    pt: 'Em breve',
    it: 'Prossimamente',
  },
  'now open': {
    es: 'Ya abierto',
    fr: 'Maintenant ouvert',
    de: 'Jetzt geöffnet',
    pt: 'Já aberto',
    it: 'Ora aperto',
  },
  'follow for more': {
    es: 'Síguenos para más',
    fr: 'Suivez-nous pour plus',
    de: 'Folge uns für mehr',
    pt: 'Siga para mais',
    it: 'Seguici per altro',
  },
  'reply stop to opt out': {
    es: 'Responde STOP para darte de baja',
    fr: 'Répondez STOP pour vous désabonner',
    de: 'Antworte STOP zum Abmelden',
    pt: 'Responda STOP para sair',
    it: 'Rispondi STOP per disiscriverti',
  },
  'see you soon': { es: 'Hasta pronto', fr: 'À bientôt', de: 'Bis bald', pt: 'Até breve', it: 'A presto' },
};

function isLanguage(code: string): code is Language {
  return ['es', 'fr', 'de', 'pt', 'it'].includes(code);
}

/** The outcome of an offline translation attempt. */
export interface PhraseTranslation {
  text: string;
  /** Whether every sentence was a known phrase, so the text is fully translated. */
  complete: boolean;
}

/**
 * Replace the known marketing phrases of `text` with their `language` versions. `complete` is false when
 * any other words remain untranslated (or the language has no table).
 * @example translateCommonPhrases('Thank you! Order now.', 'es') // { text: 'Gracias! Pide ya.', complete: true }
 */
export function translateCommonPhrases(text: string, language: string): PhraseTranslation {
  const code = language.slice(0, 2).toLowerCase();
  if (!isLanguage(code)) return { text, complete: false };
  let translated = text;
  for (const [phrase, versions] of Object.entries(PHRASES)) {
    const pattern = new RegExp(`(?<![\\p{L}])${phrase.replace(/ /gu, '\\s+')}(?![\\p{L}])`, 'giu');
    translated = translated.replace(pattern, versions[code]);
  }
  const leftover = Object.values(PHRASES)
    .map((versions) => versions[code])
    .reduce((rest, version) => rest.split(version).join(' '), translated)
    .replace(/https?:\/\/\S+|#[\p{L}\p{N}_]+|[\p{P}\p{S}\p{N}\s]/gu, '');
  return { text: translated, complete: leftover === '' };
}
