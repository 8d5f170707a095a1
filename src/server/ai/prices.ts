/** USD per million tokens, input and output. */
export interface ModelPrice {
  input: number;
  output: number;
}

// Public list prices (USD per 1M tokens) as published by the vendors in 2025; operators override or extend
// them with AI_PRICES. Local models (Ollama, llama.cpp, LM Studio) are absent on purpose: they cost 0 and
// are flagged as unpriced in the ledger.
const BUILT_IN_PRICES: Record<string, ModelPrice> = {
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'gpt-4.1': { input: 2, output: 8 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'o4-mini': { input: 1.1, output: 4.4 },
  'gpt-3.5-turbo': { input: 0.5, output: 1.5 },
};

/** USD per generated image: square, and portrait or landscape (larger, and dearer on most models). */
export interface ImagePrice {
  square: number;
  oblong: number;
}

// Public list prices (USD per image) as published by OpenAI in 2025, at the quality mcc asks for: `medium`
// for GPT image models, `standard` for DALL·E 3. AI_PRICES sets one price for every shape
// (`{"my-image-model":{"per_image":0.02}}`).
const BUILT_IN_IMAGE_PRICES: Record<string, ImagePrice> = {
  'gpt-image-1': { square: 0.042, oblong: 0.063 },
  'gpt-image-1-mini': { square: 0.011, oblong: 0.015 },
  'dall-e-3': { square: 0.04, oblong: 0.08 },
  // DALL·E 2 draws squares only.
  'dall-e-2': { square: 0.02, oblong: 0.02 },
};

/** An entry of AI_PRICES: a text model's token prices, or an image model's price per image. */
export type PriceOverride = ModelPrice | { per_image: number };

/** A call's cost in micro-dollars, and whether the model had a price at all. */
export interface Cost {
  microUsd: number;
  priceKnown: boolean;
}

/**
 * Prices by model. A dated snapshot name (`gpt-4o-mini-2024-07-18`) falls back to its family's price.
 *
 * @example
 * const prices = new PriceTable({ 'my-model': { input: 1, output: 2 } });
 * prices.cost('my-model', { promptTokens: 1000, completionTokens: 500 }); // { microUsd: 2000, priceKnown: true }
 */
export class PriceTable {
  private readonly prices: Record<string, ModelPrice>;
  private readonly imagePrices: Record<string, ImagePrice>;

  constructor(overrides: Record<string, PriceOverride> = {}) {
    const tokens: Record<string, ModelPrice> = {};
    const images: Record<string, ImagePrice> = {};
    for (const [model, price] of Object.entries(overrides)) {
      if ('per_image' in price) images[model] = { square: price.per_image, oblong: price.per_image };
      else tokens[model] = price;
    }
    this.prices = { ...BUILT_IN_PRICES, ...tokens };
    this.imagePrices = { ...BUILT_IN_IMAGE_PRICES, ...images };
  }

  priceOf(model: string): ModelPrice | undefined {
    return lookUp(this.prices, model);
  }

  /** One generated image's cost; an image model without a price costs 0 and is flagged as unpriced. */
  imageCost(model: string, shape: keyof ImagePrice): Cost {
    const price = lookUp(this.imagePrices, model);
    if (!price) return { microUsd: 0, priceKnown: false };
    return { microUsd: Math.round(price[shape] * 1_000_000), priceKnown: true };
  }

  cost(model: string, usage: { promptTokens: number; completionTokens: number }): Cost {
    const price = this.priceOf(model);
    if (!price) return { microUsd: 0, priceKnown: false };
    // USD per million tokens × tokens = micro-dollars exactly.
    const microUsd = price.input * usage.promptTokens + price.output * usage.completionTokens;
    return { microUsd: Math.round(microUsd), priceKnown: true };
  }
}

/** A model's entry, or its family's for a dated snapshot name (`gpt-4o-mini-2024-07-18`). */
function lookUp<T>(table: Record<string, T>, model: string): T | undefined {
  return table[model] ?? table[model.replace(/-\d{4}-\d{2}-\d{2}$/, '')];
}
