import type { Tone } from '#shared/brand.schema.js';

/** The four tone axes, in the order the brand page shows them. */
export const TONE_AXES: readonly { key: keyof Tone; from: string; to: string }[] = [
  { key: 'formal_casual', from: 'Formal', to: 'Casual' },
  { key: 'serious_playful', from: 'Serious', to: 'Playful' },
  { key: 'reserved_enthusiastic', from: 'Reserved', to: 'Enthusiastic' },
  { key: 'traditional_modern', from: 'Traditional', to: 'Modern' },
];
