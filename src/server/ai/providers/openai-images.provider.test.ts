import { describe, expect, it } from 'vitest';
import { PriceTable } from '../prices.js';
import { imageParams } from './openai-images.provider.js';

const prompt = 'A lighthouse at dusk';

describe('imageParams', () => {
  it('asks GPT image models for their sizes and a quality, never a response_format (they answer base64)', () => {
    expect(imageParams('gpt-image-1', { prompt, aspect: '2:3' })).toEqual({
      params: { model: 'gpt-image-1', prompt, n: 1, size: '1024x1536', quality: 'medium' },
      shape: 'oblong',
    });
    expect(imageParams('gpt-image-1-mini', { prompt, aspect: '3:2' }).params.size).toBe('1536x1024');
  });

  it('asks DALL·E 3 for base64 in its own sizes, and DALL·E 2 for a square whatever the aspect', () => {
    expect(imageParams('dall-e-3', { prompt, aspect: '2:3' })).toEqual({
      params: {
        model: 'dall-e-3',
        prompt,
        n: 1,
        size: '1024x1792',
        quality: 'standard',
        response_format: 'b64_json',
      },
      shape: 'oblong',
    });
    expect(imageParams('dall-e-2', { prompt, aspect: '3:2' })).toMatchObject({
      params: { size: '1024x1024', response_format: 'b64_json' },
      shape: 'square',
    });
  });

  it('asks other servers for base64 in the GPT image sizes', () => {
    expect(imageParams('flux-schnell', { prompt, aspect: '1:1' }).params).toEqual({
      model: 'flux-schnell',
      prompt,
      n: 1,
      size: '1024x1024',
      response_format: 'b64_json',
    });
  });
});

describe('PriceTable.imageCost', () => {
  it('prices a picture by model and shape, snapshots by family, and takes per_image overrides', () => {
    const prices = new PriceTable({
      'flux-schnell': { per_image: 0.003 },
      'my-model': { input: 1, output: 2 },
    });
    expect(prices.imageCost('gpt-image-1', 'square')).toEqual({ microUsd: 42_000, priceKnown: true });
    expect(prices.imageCost('dall-e-3', 'oblong')).toEqual({ microUsd: 80_000, priceKnown: true });
    expect(prices.imageCost('gpt-image-1-2025-04-15', 'oblong').microUsd).toBe(63_000);
    expect(prices.imageCost('flux-schnell', 'oblong')).toEqual({ microUsd: 3_000, priceKnown: true });
    expect(prices.imageCost('stable-diffusion', 'square')).toEqual({ microUsd: 0, priceKnown: false });
    expect(prices.priceOf('my-model')).toEqual({ input: 1, output: 2 });
  });
});
