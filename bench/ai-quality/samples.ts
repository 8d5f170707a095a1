import { BAKERY_DE_DE, CAFE_EN_US } from '#server/ai/offline/quality-brands.js';
import type { BusinessContext } from '#server/ai/task.js';
import { writeContentTask } from '#server/ai/tasks/write-content.task.js';
import { writeContentInputSchema } from '#shared/ai-tasks.schema.js';
import { brandProfileSchema } from '#shared/brand.schema.js';
import type { ChannelId, ContentFormat } from '#shared/channel-ids.js';

// `npx tsx --conditions=source bench/ai-quality/samples.ts`: ten drafts per language from the offline
// writer, as Markdown, for docs/ai.md ("Quality"). Deterministic: the same profile and brief give the same text.

const business = (
  name: string,
  locale: string,
  industry: string,
  description: string,
  products: Array<{ name: string; description: string; price?: string }>,
  audience: { name: string; description: string },
): BusinessContext => ({
  name,
  industry,
  description,
  website: `https://${name.toLowerCase().replace(/[^a-z]+/g, '')}.example`,
  locale,
  time_zone: 'Europe/Madrid',
  brand: brandProfileSchema.parse({
    voice: {
      tone: { formal_casual: 70, serious_playful: 50, reserved_enthusiastic: 60, traditional_modern: 50 },
    },
    audiences: [{ ...audience, pains: [], goals: [] }],
    products,
    channels: ['instagram', 'facebook', 'email'],
  }),
});

const BRANDS: Array<{ language: string; business: BusinessContext; briefs: string[] }> = [
  {
    language: 'English',
    business: CAFE_EN_US,
    briefs: [
      'Our new autumn blend',
      'Closed on Monday for a staff day',
      'Book the upstairs room for parties',
    ],
  },
  {
    language: 'German',
    business: BAKERY_DE_DE,
    briefs: ['Unser neues Dinkelbrot', 'Am Montag geschlossen', 'Stollen jetzt vorbestellen'],
  },
  {
    language: 'Spanish',
    business: business(
      'Café Lumbre',
      'es-ES',
      'Cafetería',
      'Cafetería de barrio en Madrid con café de especialidad y bollería casera.',
      [
        {
          name: 'Café con leche de avena',
          description: 'Nuestro espresso con leche de avena cremosa',
          price: '2,80 €',
        },
        {
          name: 'Tostada de masa madre',
          description: 'Pan de masa madre con tomate y aceite de oliva',
          price: '3,50 €',
        },
      ],
      { name: 'Vecinos del barrio', description: 'Gente que desayuna cerca de casa antes del trabajo' },
    ),
    briefs: [
      'Nuevo café de temporada',
      'Cerrado el lunes por inventario',
      'Reserva la mesa grande para grupos',
    ],
  },
  {
    language: 'French',
    business: business(
      'Librairie Page 12',
      'fr-FR',
      'Librairie',
      'Librairie indépendante à Lyon, avec un coin jeunesse et des rencontres d’auteurs chaque mois.',
      [
        {
          name: 'Carte cadeau',
          description: 'À offrir, valable un an sur tout le magasin',
          price: 'dès 15 €',
        },
        {
          name: 'Club de lecture',
          description: 'Un livre par mois, choisi par nos libraires',
          price: '18 € par mois',
        },
      ],
      {
        name: 'Lecteurs du quartier',
        description: 'Des gens qui aiment découvrir des livres hors des listes de ventes',
      },
    ),
    briefs: ['Rencontre avec une autrice samedi', 'Fermé le 1er mai', 'Le club de lecture de juin'],
  },
  {
    language: 'Portuguese',
    business: business(
      'Onda Surf Escola',
      'pt-PT',
      'Escola de surf',
      'Escola de surf na Costa da Caparica, com aulas para todos os níveis e aluguer de pranchas.',
      [
        {
          name: 'Aula de iniciação',
          description: 'Duas horas na água com um instrutor certificado',
          price: '35 €',
        },
        {
          name: 'Pack de cinco aulas',
          description: 'Cinco aulas para ganhar confiança nas ondas',
          price: '150 €',
        },
      ],
      { name: 'Principiantes', description: 'Pessoas que querem experimentar o surf pela primeira vez' },
    ),
    briefs: ['Novas aulas de fim de semana', 'Fechado por mau tempo amanhã', 'Reserve a sua primeira aula'],
  },
  {
    language: 'Italian',
    business: business(
      'Gelateria Aurora',
      'it-IT',
      'Gelateria',
      'Gelateria artigianale a Bologna, con gusti di stagione e latte delle colline vicine.',
      [
        { name: 'Gelato al pistacchio', description: 'Pistacchio di Bronte, senza coloranti', price: '3 €' },
        {
          name: 'Vaschetta da mezzo chilo',
          description: 'Tre gusti a scelta da portare a casa',
          price: '12 €',
        },
      ],
      { name: 'Famiglie', description: 'Famiglie che passeggiano in centro la sera' },
    ),
    briefs: ['Il nuovo gusto di stagione', 'Chiusi lunedì per ferie', 'Ordina la vaschetta per la festa'],
  },
  {
    language: 'Dutch',
    business: business(
      'Fietsmakerij Velo',
      'nl-NL',
      'Fietsenwinkel',
      'Fietsenmaker in Utrecht voor reparaties, onderhoud en tweedehands stadsfietsen.',
      [
        {
          name: 'Onderhoudsbeurt',
          description: 'Remmen, ketting en versnellingen nagekeken en afgesteld',
          price: '€ 49',
        },
        {
          name: 'Tweedehands stadsfiets',
          description: 'Nagekeken en met drie maanden garantie',
          price: 'vanaf € 275',
        },
      ],
      { name: 'Forenzen', description: 'Mensen die elke dag naar hun werk fietsen' },
    ),
    briefs: ['Voorjaarsbeurt voor je fiets', 'Maandag gesloten', 'Nieuwe tweedehands fietsen binnen'],
  },
];

const REQUESTS: Array<{ channel: ChannelId; format: ContentFormat; brief: number }> = [
  { channel: 'instagram', format: 'post', brief: 0 },
  { channel: 'facebook', format: 'post', brief: 2 },
  { channel: 'x', format: 'post', brief: 0 },
  { channel: 'linkedin', format: 'post', brief: 2 },
  { channel: 'google_business', format: 'post', brief: 1 },
  { channel: 'email', format: 'email', brief: 2 },
  { channel: 'sms', format: 'sms', brief: 0 },
  { channel: 'instagram', format: 'story', brief: 0 },
  { channel: 'facebook', format: 'ad', brief: 2 },
  { channel: 'threads', format: 'thread', brief: 0 },
];

const lines: string[] = [];
for (const { language, business: profile, briefs } of BRANDS) {
  lines.push(`#### ${language} — ${profile.name} (${profile.locale})`, '');
  for (const request of REQUESTS) {
    const input = writeContentInputSchema.parse({
      channel: request.channel,
      format: request.format,
      brief: briefs[request.brief],
    });
    const draft = writeContentTask.offline(input, {
      business: profile,
      now: new Date('2027-03-01T09:00:00Z'),
    }).variants[0];
    if (!draft) continue;
    const text = [draft.body, ...draft.thread].join(' / ').replace(/\s*\n+\s*/g, ' / ');
    const tags = draft.hashtags.length
      ? ` ${draft.hashtags.map((tag) => `#${tag.replace(/^#/, '')}`).join(' ')}`
      : '';
    const subject =
      request.format === 'email' ? ` — subject “${draft.title}”, preheader “${draft.preheader}”` : '';
    lines.push(`- **${request.channel} ${request.format}**${subject}: ${text}${tags}`);
  }
  lines.push('');
}
process.stdout.write(`${lines.join('\n')}\n`);
