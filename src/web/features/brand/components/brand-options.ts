import type { Tone } from '#shared/brand.schema.js';

/** The words at either end of a tone axis (keys of the brand strings' `tone`). */
export type ToneWord =
  | 'formal'
  | 'casual'
  | 'serious'
  | 'playful'
  | 'reserved'
  | 'enthusiastic'
  | 'traditional'
  | 'modern';

/** The four tone axes, in the order the brand page shows them. */
export const TONE_AXES: readonly { key: keyof Tone; from: ToneWord; to: ToneWord }[] = [
  { key: 'formal_casual', from: 'formal', to: 'casual' },
  { key: 'serious_playful', from: 'serious', to: 'playful' },
  { key: 'reserved_enthusiastic', from: 'reserved', to: 'enthusiastic' },
  { key: 'traditional_modern', from: 'traditional', to: 'modern' },
];
