import { brandProfileSchema } from '#shared/brand.schema.js';
import type { BusinessContext, TaskContext } from '../task.js';

// Example businesses with complete profiles, for the AI tests and for trying the offline writer.

/** A neighbourhood bakery with a casual, playful voice. */
export const SAMPLE_BAKERY: BusinessContext = {
  name: 'Rye & Co',
  industry: 'Bakery',
  description:
    'Rye & Co is a neighbourhood bakery in Leeds baking slow-fermented sourdough and pastries every morning. We deliver across the city before 8am.',
  website: 'https://ryeandco.example',
  locale: 'en-GB',
  time_zone: 'Europe/London',
  brand: brandProfileSchema.parse({
    voice: {
      tone: { formal_casual: 80, serious_playful: 70, reserved_enthusiastic: 65, traditional_modern: 55 },
      personality: ['warm', 'witty', 'down to earth'],
      words_to_use: ['handmade', 'local'],
      words_to_avoid: ['cheap', 'mass-produced', 'best in town'],
      example_posts: ['Fresh out of the oven: our seeded rye. Come early, it goes fast!'],
    },
    audiences: [
      {
        name: 'Busy parents',
        description: 'Parents who want good breakfasts without the effort.',
        pains: ['no time in the morning'],
        goals: ['breakfasts the kids actually eat'],
      },
      {
        name: 'Office managers',
        description: 'People who order catering for team meetings.',
        pains: ['bland catering'],
        goals: ['treats the whole team talks about'],
      },
    ],
    products: [
      {
        name: 'Rye sourdough',
        description: 'A dark, tangy loaf fermented for 48 hours. Keeps for a week.',
        price: '£4.50',
        url: 'https://ryeandco.example/rye',
      },
      {
        name: 'Office breakfast box',
        description: 'Twelve pastries and a sourdough loaf delivered to your office before 9am.',
        price: '£38',
      },
    ],
    goals: ['Grow weekday delivery orders', 'Build a loyal local following'],
    channels: ['instagram', 'facebook', 'x', 'email'],
  }),
};

/** A B2B software company with a formal, serious voice and no products listed. */
export const SAMPLE_CONSULTANCY: BusinessContext = {
  name: 'Northwind Analytics',
  industry: 'B2B software',
  description:
    'Northwind Analytics helps finance teams close the books faster with automated reconciliation.',
  website: null,
  locale: 'en-US',
  time_zone: 'America/New_York',
  brand: brandProfileSchema.parse({
    voice: {
      tone: { formal_casual: 20, serious_playful: 10, reserved_enthusiastic: 30, traditional_modern: 70 },
      personality: ['expert', 'precise'],
      words_to_use: ['audit-ready'],
      words_to_avoid: ['revolutionary', 'game-changer'],
    },
    audiences: [
      {
        name: 'CFOs',
        description: 'Finance leaders at mid-size companies.',
        goals: ['a faster month-end close'],
      },
    ],
    goals: ['Book more demos'],
  }),
};

/** A task context at a pinned time. */
export function sampleContext(business: BusinessContext = SAMPLE_BAKERY): TaskContext {
  return { business, now: new Date('2026-11-26T09:00:00Z') };
}
