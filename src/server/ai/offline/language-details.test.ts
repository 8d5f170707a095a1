import { describe, expect, it } from 'vitest';
import { brandProfileSchema } from '#shared/brand.schema.js';
import type { BusinessContext } from '../task.js';
import { BAKERY_DE_DE } from './quality-brands.js';
import { writeDraft } from './writer.js';

// Grammar a reader notices at once, found in the samples of docs/ai.md ("Quality").

const CAFE_ES: BusinessContext = {
  name: 'Café Lumbre',
  industry: 'Cafetería',
  description: 'Cafetería de barrio en Madrid con café de especialidad.',
  website: 'https://lumbre.example',
  locale: 'es-ES',
  time_zone: 'Europe/Madrid',
  brand: brandProfileSchema.parse({
    voice: {
      tone: { formal_casual: 90, serious_playful: 80, reserved_enthusiastic: 95, traditional_modern: 50 },
    },
    products: [
      { name: 'Café de temporada', description: 'Un tueste suave con notas de cacao', price: '2,80 €' },
    ],
  }),
};

describe('the offline writer’s grammar', () => {
  it('opens every Spanish exclamation with ¡', () => {
    for (let variant = 0; variant < 5; variant++) {
      for (const channel of ['instagram', 'tiktok', 'facebook'] as const) {
        const draft = writeDraft(
          { channel, format: 'post', brief: 'Nuevo café de temporada', variant },
          CAFE_ES,
        );
        for (const sentence of draft.body.split(/(?<=[.!?])\s+|\n+/u)) {
          if (sentence.trim().endsWith('!')) expect(sentence, draft.body).toContain('¡');
        }
      }
    }
  });

  it('conjugates the verb after du or Sie in German', () => {
    for (let variant = 0; variant < 5; variant++) {
      const draft = writeDraft(
        { channel: 'linkedin', format: 'post', brief: 'Stollen jetzt vorbestellen', variant },
        BAKERY_DE_DE,
      );
      expect(draft.body).not.toMatch(/bekommen du|bekommst Sie/u);
    }
  });
});
