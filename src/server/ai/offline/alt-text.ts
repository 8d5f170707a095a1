import type { SuggestAltTextInput } from '#shared/ai-tasks.schema.js';
import type { BusinessContext } from '../task.js';
import { writerLanguage } from './phrasebank/index.js';
import type { WriterLanguage } from './phrasebank/types.js';

// The offline writer's alt text: what the file's name, the brief and the picture's facts say, in the
// workspace's language. It cannot see the picture, so it describes no more than it knows and says so
// through its plain wording; a person is expected to check it before accepting it.

/** Names cameras, phones and apps give files: they say nothing about the picture. */
const CAMERA_WORDS = new Set([
  'img',
  'image',
  'dsc',
  'dscn',
  'dscf',
  'pxl',
  'mvimg',
  'vid',
  'mov',
  'photo',
  'pic',
  'screenshot',
  'screen',
  'shot',
  'whatsapp',
  'signal',
  'telegram',
  'snapchat',
  'edited',
  'edit',
  'final',
  'copy',
  'kopie',
  'scaled',
  'export',
  'untitled',
  'unbenannt',
  'sans',
  'titre',
  'bild',
  'foto',
  'imagen',
  'immagine',
  'afbeelding',
  'imagem',
  'jpg',
  'jpeg',
  'png',
  'heic',
  'webp',
  'gif',
  'mp4',
  'card',
]);

/**
 * The words of a file name that describe something: extension, camera counters (IMG_1234), dates, times
 * and copy markers removed, separators and camelCase turned into spaces.
 *
 * @example describingWords('IMG_20240512_beachDay-final (2).jpg') // 'beach day'
 */
export function describingWords(fileName: string): string {
  const base = fileName.replace(/\.[A-Za-z0-9]{2,5}$/u, '');
  const words = base
    .split(/[^\p{L}\p{N}&']+/u)
    .filter((word) => word && !/\p{N}/u.test(word) && !CAMERA_WORDS.has(word.toLowerCase()))
    .flatMap((word) => word.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').split(' '))
    .map((word) => (word === word.toUpperCase() && word.length > 1 ? word : word.toLowerCase()));
  // What is left of "WhatsApp Image … at 10.22" or "PXL_….MP" is noise, not a subject.
  return words.some((word) => word.length >= 3) ? words.join(' ') : '';
}

type Colour =
  | 'black'
  | 'white'
  | 'grey'
  | 'red'
  | 'orange'
  | 'yellow'
  | 'green'
  | 'blue'
  | 'purple'
  | 'pink'
  | 'brown';

/** The plain colour word nearest to `#rrggbb` (by hue, lightness and saturation). */
export function colourName(hex: string): Colour {
  const [r, g, b] = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16) / 255) as [
    number,
    number,
    number,
  ];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const lightness = (max + min) / 2;
  const saturation = max === min ? 0 : (max - min) / (1 - Math.abs(2 * lightness - 1));
  if (lightness < 0.15) return 'black';
  if (lightness > 0.9) return 'white';
  if (saturation < 0.18) return 'grey';
  let hue = 0;
  if (max === r) hue = ((g - b) / (max - min)) % 6;
  else if (max === g) hue = (b - r) / (max - min) + 2;
  else hue = (r - g) / (max - min) + 4;
  hue = (hue * 60 + 360) % 360;
  if (hue < 15 || hue >= 345) return lightness > 0.7 ? 'pink' : 'red';
  if (hue < 45) return lightness < 0.45 ? 'brown' : 'orange';
  if (hue < 70) return 'yellow';
  if (hue < 170) return 'green';
  if (hue < 260) return 'blue';
  if (hue < 300) return 'purple';
  return 'pink';
}

interface AltPhrases {
  photo: string;
  video: string;
  /** "{kind}: {subject}" joins. */
  about: (kind: string, subject: string) => string;
  /** "… by {business}". */
  from: (business: string) => string;
  tones: (colour: string) => string;
  colours: Record<Colour, string>;
  /** What is said with no subject at all. */
  unnamed: (kind: string) => string;
}

const PHRASES: Record<WriterLanguage, AltPhrases> = {
  en: {
    photo: 'Photo',
    video: 'Video',
    about: (kind, subject) => `${kind}: ${subject}`,
    from: (business) => `from ${business}`,
    tones: (colour) => `mostly in ${colour} tones`,
    colours: {
      black: 'black',
      white: 'white',
      grey: 'grey',
      red: 'red',
      orange: 'orange',
      yellow: 'yellow',
      green: 'green',
      blue: 'blue',
      purple: 'purple',
      pink: 'pink',
      brown: 'brown',
    },
    unnamed: (kind) => kind,
  },
  de: {
    photo: 'Foto',
    video: 'Video',
    about: (kind, subject) => `${kind}: ${subject}`,
    from: (business) => `von ${business}`,
    tones: (colour) => `überwiegend in ${colour}tönen`,
    colours: {
      black: 'Schwarz',
      white: 'Weiß',
      grey: 'Grau',
      red: 'Rot',
      orange: 'Orange',
      yellow: 'Gelb',
      green: 'Grün',
      blue: 'Blau',
      purple: 'Lila',
      pink: 'Rosa',
      brown: 'Braun',
    },
    unnamed: (kind) => kind,
  },
  es: {
    photo: 'Foto',
    video: 'Vídeo',
    about: (kind, subject) => `${kind}: ${subject}`,
    from: (business) => `de ${business}`,
    tones: (colour) => `sobre todo en tonos ${colour}`,
    colours: {
      black: 'negros',
      white: 'blancos',
      grey: 'grises',
      red: 'rojos',
      orange: 'naranjas',
      yellow: 'amarillos',
      green: 'verdes',
      blue: 'azules',
      purple: 'morados',
      pink: 'rosas',
      brown: 'marrones',
    },
    unnamed: (kind) => kind,
  },
  fr: {
    photo: 'Photo',
    video: 'Vidéo',
    about: (kind, subject) => `${kind} : ${subject}`,
    from: (business) => `de ${business}`,
    tones: (colour) => `surtout dans des tons ${colour}`,
    colours: {
      black: 'noirs',
      white: 'blancs',
      grey: 'gris',
      red: 'rouges',
      orange: 'orangés',
      yellow: 'jaunes',
      green: 'verts',
      blue: 'bleus',
      purple: 'violets',
      pink: 'roses',
      brown: 'bruns',
    },
    unnamed: (kind) => kind,
  },
  pt: {
    photo: 'Foto',
    video: 'Vídeo',
    about: (kind, subject) => `${kind}: ${subject}`,
    from: (business) => `de ${business}`,
    tones: (colour) => `sobretudo em tons ${colour}`,
    colours: {
      black: 'pretos',
      white: 'brancos',
      grey: 'cinzentos',
      red: 'vermelhos',
      orange: 'laranja',
      yellow: 'amarelos',
      green: 'verdes',
      blue: 'azuis',
      purple: 'roxos',
      pink: 'rosa',
      brown: 'castanhos',
    },
    unnamed: (kind) => kind,
  },
  it: {
    photo: 'Foto',
    video: 'Video',
    about: (kind, subject) => `${kind}: ${subject}`,
    from: (business) => `di ${business}`,
    tones: (colour) => `soprattutto nei toni del ${colour}`,
    colours: {
      black: 'nero',
      white: 'bianco',
      grey: 'grigio',
      red: 'rosso',
      orange: 'arancione',
      yellow: 'giallo',
      green: 'verde',
      blue: 'blu',
      purple: 'viola',
      pink: 'rosa',
      brown: 'marrone',
    },
    unnamed: (kind) => kind,
  },
  nl: {
    photo: 'Foto',
    video: 'Video',
    about: (kind, subject) => `${kind}: ${subject}`,
    from: (business) => `van ${business}`,
    tones: (colour) => `vooral in ${colour}tinten`,
    colours: {
      black: 'zwart',
      white: 'wit',
      grey: 'grijs',
      red: 'rood',
      orange: 'oranje',
      yellow: 'geel',
      green: 'groen',
      blue: 'blauw',
      purple: 'paars',
      pink: 'roze',
      brown: 'bruin',
    },
    unnamed: (kind) => kind,
  },
};

/** The first sentence of the brief, at most twelve words: what the post is about. */
function briefSubject(brief: string | undefined): string {
  const sentence = (brief ?? '').split(/(?<=[.!?])\s|\n/u)[0]?.trim() ?? '';
  const words = sentence
    .replace(/[.!?…:;]+$/u, '')
    .split(/\s+/u)
    .filter(Boolean);
  return words.slice(0, 12).join(' ') + (words.length > 12 ? ' …' : '');
}

/** The products the file name or brief mentions by name, as the profile spells them. */
function namedProducts(business: BusinessContext, texts: string[]): string[] {
  const haystack = texts.join(' ').toLowerCase();
  return business.brand.products
    .map((product) => product.name)
    .filter((name) => haystack.includes(name.toLowerCase()));
}

/**
 * Alt text from what is known without seeing the picture: the subject from the file name (or else the
 * brief), a product the profile names, the business, the dominant colour.
 *
 * @example offlineAltText({ file_name: 'IMG_1234_sourdough-loaf.jpg', kind: 'image', dominant_colour: '#a0522d' }, business)
 * // 'Photo: sourdough loaf from Acme Bakery, mostly in brown tones.'
 */
export function offlineAltText(input: SuggestAltTextInput, business: BusinessContext): string {
  const { language } = writerLanguage(input.language, business.locale);
  const phrases = PHRASES[language];
  const kind = input.kind === 'video' ? phrases.video : phrases.photo;
  const fromName = describingWords(input.file_name);
  const products = namedProducts(business, [fromName, input.brief ?? '']);
  let subject = fromName || briefSubject(input.brief);
  const product = products.find((name) => !subject.toLowerCase().includes(name.toLowerCase()));
  if (product) subject = subject ? `${product}, ${subject}` : product;
  const lead = subject ? phrases.about(kind, subject) : phrases.unnamed(kind);
  const parts = [`${lead} ${phrases.from(business.name)}`];
  if (input.dominant_colour && input.kind === 'image') {
    parts.push(phrases.tones(phrases.colours[colourName(input.dominant_colour)]));
  }
  return `${parts.join(', ')}.`;
}
