import { brandProfileSchema } from '#shared/brand.schema.js';
import type { BusinessContext } from '../task.js';

// Three businesses the offline writer's quality tests write for: a café (en-US), a B2B SaaS (en-GB) and a
// German bakery (de-DE), each with words to avoid, one of them inside a product description.

export const CAFE_EN_US: BusinessContext = {
  name: 'Bluebird Café',
  industry: 'Coffee shop',
  description:
    'Bluebird Café is a neighborhood coffee shop in Portland roasting its own beans. We open at 6:30am every day.',
  website: 'https://bluebird.example',
  locale: 'en-US',
  time_zone: 'America/Los_Angeles',
  brand: brandProfileSchema.parse({
    voice: {
      tone: { formal_casual: 85, serious_playful: 70, reserved_enthusiastic: 70, traditional_modern: 60 },
      words_to_use: ['house-roasted'],
      words_to_avoid: ['cheap', 'guaranteed'],
    },
    audiences: [
      {
        name: 'Remote workers',
        description: 'People who work from laptops and need a change of scene.',
        pains: ['a noisy home office'],
        goals: ['a quiet table and good coffee'],
      },
      {
        name: 'Students',
        description: 'Students from the college nearby.',
        goals: ['an affordable study spot'],
      },
    ],
    products: [
      {
        name: 'Cold brew',
        description: 'Steeped for 18 hours and served over ice. Smooth, never bitter.',
        price: '$4.50',
      },
      {
        name: 'Coffee subscription',
        description: 'A fresh bag of our beans at your door every two weeks. Pause or cancel anytime.',
        price: '$18 a month',
        url: 'https://bluebird.example/subscribe',
      },
      {
        name: 'Breakfast burrito',
        description: 'Eggs, potatoes and salsa verde, made to order. Not a cheap filler.',
      },
    ],
    goals: ['More weekday regulars'],
  }),
};

export const SAAS_EN_GB: BusinessContext = {
  name: 'Tally Works',
  industry: 'B2B software',
  description:
    'Tally Works helps finance teams close the books faster with automated reconciliation. Teams in 14 countries use it every month.',
  website: 'https://tallyworks.example',
  locale: 'en-GB',
  time_zone: 'Europe/London',
  brand: brandProfileSchema.parse({
    voice: {
      tone: { formal_casual: 25, serious_playful: 15, reserved_enthusiastic: 30, traditional_modern: 70 },
      words_to_use: ['audit-ready'],
      words_to_avoid: ['revolutionary', 'game-changer', 'guarantee'],
    },
    audiences: [
      {
        name: 'Finance directors',
        description: 'Finance leaders at mid-size companies.',
        pains: ['manual reconciliation'],
        goals: ['a faster month-end close'],
      },
      { name: 'Agency owners', description: 'Owners of small agencies.', goals: ['cash flow they can see'] },
    ],
    products: [
      {
        name: 'Ledger Pro',
        description: 'Matches bank lines to invoices automatically. Exceptions land in one queue for review.',
        price: '£49 a month',
        url: 'https://tallyworks.example/ledger-pro',
      },
      { name: 'Close Checklist', description: 'A shared month-end checklist with owners and due dates.' },
    ],
    goals: ['Book more demos'],
  }),
};

export const BAKERY_DE_DE: BusinessContext = {
  name: 'Bäckerei Sonnenkorn',
  industry: 'Bäckerei',
  description:
    'Die Bäckerei Sonnenkorn backt in Freiburg jeden Morgen Brot aus regionalem Getreide. Unser Sauerteig reift 24 Stunden.',
  website: 'https://sonnenkorn.example',
  locale: 'de-DE',
  time_zone: 'Europe/Berlin',
  brand: brandProfileSchema.parse({
    voice: {
      tone: { formal_casual: 70, serious_playful: 60, reserved_enthusiastic: 60, traditional_modern: 40 },
      words_to_use: ['handgemacht', 'regional'],
      words_to_avoid: ['billig', 'Industrie'],
    },
    audiences: [
      {
        name: 'Familien',
        description: 'Familien aus dem Viertel.',
        pains: ['Stress am Morgen'],
        goals: ['ein entspanntes Frühstück am Wochenende'],
      },
      {
        name: 'Büroteams',
        description: 'Teams, die Frühstück für Besprechungen bestellen.',
        goals: ['ein Frühstück, über das das ganze Team spricht'],
      },
    ],
    products: [
      {
        name: 'Dinkelvollkornbrot',
        description: 'Ein saftiges Vollkornbrot aus 100 % Dinkel. Hält sich vier Tage frisch.',
        price: '4,20 €',
        url: 'https://sonnenkorn.example/dinkel',
      },
      {
        name: 'Frühstückskorb',
        description:
          'Zwölf Brötchen, Butter und Marmelade, bis 8 Uhr geliefert. Nicht billig, aber ehrlich gebacken.',
        price: '29 €',
      },
    ],
    goals: ['Mehr Frühstückskörbe unter der Woche'],
  }),
};

export const QUALITY_BRANDS = [CAFE_EN_US, SAAS_EN_GB, BAKERY_DE_DE] as const;

/** A B2B SaaS whose main product carries the business's own name, with a price that starts with "from". */
export const NAMESAKE_EN_GB: BusinessContext = {
  name: 'Ledger Pro',
  industry: 'B2B software: finance for creative agencies',
  description:
    'Ledger Pro is accounting and cash-flow software built for creative agencies of 5 to 50 people.',
  website: 'https://ledgerpro.example',
  locale: 'en-GB',
  time_zone: 'Europe/London',
  brand: brandProfileSchema.parse({
    voice: {
      tone: { formal_casual: 35, serious_playful: 25, reserved_enthusiastic: 45, traditional_modern: 80 },
      words_to_use: ['cash flow', 'margins'],
      words_to_avoid: ['cheap', 'revolutionary', 'synergy'],
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
    goals: ['Book demos with agency founders'],
  }),
};
