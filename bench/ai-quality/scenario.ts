import type { BrandProfile } from '#shared/brand.schema.js';
import type { ChannelId, ContentFormat } from '#shared/channel-ids.js';

// What a new user tries first: three businesses with words they never want to see, a four-week calendar on
// five channels each with full drafts, and thirty single generations across the eight formats.

export interface QualityBrand {
  key: 'cafe' | 'saas' | 'bakery';
  name: string;
  industry: string;
  description: string;
  website: string;
  locale: string;
  /** The language every output must be in (the locale's primary subtag). */
  language: 'en' | 'de';
  timeZone: string;
  brand: BrandProfile;
  calendarChannels: ChannelId[];
  /** Ten single requests: channel, format and brief. */
  singles: Array<{ channel: ChannelId; format: ContentFormat; brief: string }>;
}

const tone = (formal: number, playful: number, enthusiastic: number, modern: number) => ({
  formal_casual: formal,
  serious_playful: playful,
  reserved_enthusiastic: enthusiastic,
  traditional_modern: modern,
});

export const QUALITY_BRANDS: QualityBrand[] = [
  {
    key: 'cafe',
    name: 'Bluebird Café',
    industry: 'Café and coffee roaster',
    description:
      'A neighbourhood café in Portland roasting its own beans, with pastries baked every morning.',
    website: 'https://bluebird.example',
    locale: 'en-US',
    language: 'en',
    timeZone: 'America/Los_Angeles',
    brand: {
      voice: {
        tone: tone(75, 60, 65, 55),
        personality: ['warm', 'neighbourly', 'curious'],
        words_to_use: ['fresh', 'small-batch'],
        words_to_avoid: ['cheap', 'guarantee'],
        example_posts: [],
      },
      audiences: [
        {
          name: 'Morning commuters',
          description: 'People on their way to work who want good coffee fast',
          pains: ['long queues', 'bland coffee'],
          goals: ['a reliable morning routine'],
        },
      ],
      products: [
        { name: 'Oat flat white', description: 'Our house espresso with creamy oat milk', price: '$4.50' },
        { name: 'Pastry box', description: 'Six pastries baked this morning', price: '$18' },
        {
          name: 'Coffee subscription',
          description: 'A fresh bag of small-batch beans every two weeks',
          price: '$22',
          url: 'https://bluebird.example/subscribe',
        },
      ],
      goals: ['Grow coffee subscriptions', 'Fill the café on weekday mornings'],
      channels: ['instagram', 'facebook', 'google_business', 'email', 'sms'],
    },
    calendarChannels: ['instagram', 'facebook', 'google_business', 'email', 'sms'],
    singles: [
      { channel: 'instagram', format: 'post', brief: 'Our new autumn blend, roasted this week' },
      { channel: 'x', format: 'thread', brief: 'Five things we learned roasting our own beans' },
      { channel: 'instagram', format: 'story', brief: 'Behind the counter at 6 a.m.' },
      { channel: 'tiktok', format: 'reel_script', brief: 'How we pour the perfect oat flat white' },
      { channel: 'email', format: 'email', brief: 'Invite subscribers to the holiday tasting evening' },
      { channel: 'facebook', format: 'ad', brief: 'Coffee subscription, first bag half price' },
      { channel: 'linkedin', format: 'blog_outline', brief: 'Why we pay farmers above fair-trade prices' },
      { channel: 'sms', format: 'sms', brief: 'Pastry box back in stock this Saturday' },
      {
        channel: 'google_business',
        format: 'post',
        brief: 'We are closed from 24 to 26 December for the holidays and reopen on the 27th',
      },
      {
        channel: 'instagram',
        format: 'post',
        brief: 'Thank our regulars for five years in the neighbourhood',
      },
    ],
  },
  {
    key: 'saas',
    name: 'Ledger Pro',
    industry: 'B2B software: finance for creative agencies',
    description:
      'Ledger Pro is accounting and cash-flow software built for creative agencies of 5 to 50 people.',
    website: 'https://ledgerpro.example',
    locale: 'en-GB',
    language: 'en',
    timeZone: 'Europe/London',
    brand: {
      voice: {
        tone: tone(35, 25, 45, 80),
        personality: ['expert', 'plain-spoken', 'helpful'],
        words_to_use: ['cash flow', 'margins'],
        words_to_avoid: ['cheap', 'revolutionary', 'synergy'],
        example_posts: [],
      },
      audiences: [
        {
          name: 'Agency founders',
          description: 'Founders of creative agencies who run the finances themselves',
          pains: ['late invoices', 'unclear project margins'],
          goals: ['predictable cash flow'],
        },
      ],
      products: [
        {
          name: 'Ledger Pro',
          description: 'Project-based accounting with live margins per client',
          price: 'from £39 a month',
          url: 'https://ledgerpro.example/pricing',
        },
        { name: 'Cash-flow forecast', description: 'A 13-week cash forecast that updates itself' },
      ],
      goals: ['Book demos with agency founders', 'Grow trial sign-ups'],
      channels: ['linkedin', 'x', 'email', 'facebook', 'bluesky'],
    },
    calendarChannels: ['linkedin', 'x', 'email', 'facebook', 'bluesky'],
    singles: [
      { channel: 'linkedin', format: 'post', brief: 'Explain how Ledger Pro shows live margins per client' },
      { channel: 'x', format: 'thread', brief: 'Three cash-flow mistakes agencies make in January' },
      { channel: 'instagram', format: 'story', brief: 'A day in the life of an agency finance lead' },
      { channel: 'tiktok', format: 'reel_script', brief: 'Chasing a late invoice in 30 seconds' },
      { channel: 'email', format: 'email', brief: 'Announce the new 13-week cash-flow forecast' },
      { channel: 'linkedin', format: 'ad', brief: 'Free 30-day trial for agencies' },
      {
        channel: 'linkedin',
        format: 'blog_outline',
        brief: 'How to price retainers so they stay profitable',
      },
      { channel: 'sms', format: 'sms', brief: 'Your webinar on agency margins starts in one hour' },
      { channel: 'bluesky', format: 'post', brief: 'We are hiring a product designer in Manchester' },
      {
        channel: 'facebook',
        format: 'post',
        brief: 'Case study: a 12-person studio cut overdue invoices by half',
      },
    ],
  },
  {
    key: 'bakery',
    name: 'Bäckerei Sonnenkorn',
    industry: 'Bäckerei',
    description: 'Handwerksbäckerei in Freiburg mit Sauerteigbrot, Brezeln und saisonalem Gebäck.',
    website: 'https://sonnenkorn.example',
    locale: 'de-DE',
    language: 'de',
    timeZone: 'Europe/Berlin',
    brand: {
      voice: {
        tone: tone(55, 45, 55, 40),
        personality: ['herzlich', 'bodenständig'],
        words_to_use: ['handgemacht', 'regional'],
        words_to_avoid: ['billig', 'Garantie'],
        example_posts: [],
      },
      audiences: [
        {
          name: 'Familien aus dem Viertel',
          description: 'Familien, die samstags frisches Brot holen',
          pains: ['ausverkaufte Brote am Mittag'],
          goals: ['gutes Brot ohne Zusatzstoffe'],
        },
      ],
      products: [
        { name: 'Dinkel-Sauerteigbrot', description: 'Mit 24 Stunden Teigruhe gebacken', price: '5,20 €' },
        { name: 'Laugenbrezel', description: 'Jeden Morgen frisch geschlungen', price: '0,90 €' },
        { name: 'Stollen', description: 'Nach Familienrezept, ab dem ersten Advent' },
      ],
      goals: ['Mehr Vorbestellungen für das Wochenende', 'Stammkunden binden'],
      channels: ['instagram', 'facebook', 'google_business', 'email', 'sms'],
    },
    calendarChannels: ['instagram', 'facebook', 'google_business', 'email', 'sms'],
    singles: [
      { channel: 'instagram', format: 'post', brief: 'Unser neues Dinkel-Sauerteigbrot' },
      { channel: 'threads', format: 'thread', brief: 'Fünf Schritte vom Korn zum Brot' },
      { channel: 'instagram', format: 'story', brief: 'Morgens um vier in der Backstube' },
      { channel: 'tiktok', format: 'reel_script', brief: 'So schlingen wir eine Brezel' },
      { channel: 'email', format: 'email', brief: 'Stollen jetzt vorbestellen' },
      { channel: 'facebook', format: 'ad', brief: 'Samstags-Frühstückskorb für zwei' },
      { channel: 'linkedin', format: 'blog_outline', brief: 'Warum wir nur Mehl aus der Region verwenden' },
      { channel: 'sms', format: 'sms', brief: 'Brezeln heute ab 15 Uhr zum halben Preis' },
      {
        channel: 'google_business',
        format: 'post',
        brief: 'Vom 24. bis 26. Dezember geschlossen, ab dem 27. wieder geöffnet',
      },
      { channel: 'facebook', format: 'post', brief: 'Danke an unsere Stammkunden für zehn Jahre' },
    ],
  },
];

/** The calendar every brand asks for: four weeks from a Monday, full drafts. */
export const CALENDAR_REQUEST = { start_date: '2027-03-01', weeks: 4, detail: 'drafts' as const };
/** Variants per single request, so their spread can be measured. */
export const VARIANTS = 3;
/** The posting window a business has unless it sets its own (local time, inclusive). */
export const DEFAULT_POSTING_WINDOW = { from: '08:00', to: '20:00' };
