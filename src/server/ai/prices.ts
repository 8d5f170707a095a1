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

  constructor(overrides: Record<string, ModelPrice> = {}) {
    this.prices = { ...BUILT_IN_PRICES, ...overrides };
  }

  priceOf(model: string): ModelPrice | undefined {
    return this.prices[model] ?? this.prices[model.replace(/-\d{4}-\d{2}-\d{2}$/, '')];
  }

  cost(model: string, usage: { promptTokens: number; completionTokens: number }): Cost {
    const price = this.priceOf(model);
    if (!price) return { microUsd: 0, priceKnown: false };
    // USD per million tokens × tokens = micro-dollars exactly.
    const microUsd = price.input * usage.promptTokens + price.output * usage.completionTokens;
    return { microUsd: Math.round(microUsd), priceKnown: true };
  }
}
