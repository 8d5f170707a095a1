import OpenAI from 'openai';
import type { ImageGenerateParamsNonStreaming } from 'openai/resources/images';
import type { GeneratedImageAspect } from '#shared/media-cards.schema.js';
import type { ImagePrice } from '../prices.js';
import { classifyProviderError, ProviderError } from '../provider-errors.js';
import { type OpenAiCompatibleOptions, openAiClient } from './openai-compatible.provider.js';

/** One picture to draw. */
export interface ImageRequest {
  prompt: string;
  aspect: GeneratedImageAspect;
  signal?: AbortSignal;
}

/** What the endpoint drew: the file's bytes (PNG unless the server chose otherwise) and how it was asked. */
export interface DrawnImage {
  bytes: Buffer;
  /** The size asked for, e.g. `1024x1536`. */
  size: string;
  /** Which price applies (square, or portrait and landscape). */
  shape: keyof ImagePrice;
  /** Tokens, for the GPT image models that report them (the price is per image all the same). */
  usage: { promptTokens: number; completionTokens: number };
}

/** An image endpoint. */
export interface ImageGenerator {
  /** `openai-compatible`; appears in the ledger and metrics. */
  readonly name: string;
  readonly model: string;
  generate(request: ImageRequest): Promise<DrawnImage>;
}

/**
 * The endpoint refused the prompt itself (its content policy), rather than the request: the person can
 * change the prompt, so they are told the provider's reason.
 */
export class ImageRefusedError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ImageRefusedError';
  }
}

// OpenAI's codes for a prompt its safety system refused: DALL·E's, then the GPT image models'.
const POLICY_CODES = new Set(['content_policy_violation', 'moderation_blocked']);

/**
 * `POST {base}/images/generations` through the official SDK (so the same fetch, the outbound guard for a
 * workspace's endpoint, and the same error classes as the chat provider), one picture per call, as base64
 * (never a URL the server would have to fetch from elsewhere). Each model family takes its own sizes and
 * options: see `imageParams`.
 */
export class OpenAiImagesProvider implements ImageGenerator {
  readonly name = 'openai-compatible';
  readonly model: string;
  private readonly client: OpenAI;

  constructor(options: OpenAiCompatibleOptions) {
    this.model = options.model;
    this.client = openAiClient(options);
  }

  async generate(request: ImageRequest): Promise<DrawnImage> {
    const { params, shape } = imageParams(this.model, request);
    let answer: OpenAI.Images.ImagesResponse;
    try {
      answer = await this.client.images.generate(params, { signal: request.signal });
    } catch (error) {
      if (error instanceof OpenAI.APIError && error.status === 400 && POLICY_CODES.has(String(error.code)))
        throw new ImageRefusedError(providerMessage(error));
      throw classifyProviderError(error, request.signal);
    }
    const encoded = answer.data?.[0]?.b64_json;
    if (typeof encoded !== 'string' || encoded === '')
      throw new ProviderError('bad_response', 'The image endpoint answered without a base64 picture');
    return {
      bytes: Buffer.from(encoded, 'base64'),
      size: params.size ?? '1024x1024',
      shape,
      usage: {
        promptTokens: answer.usage?.input_tokens ?? 0,
        completionTokens: answer.usage?.output_tokens ?? 0,
      },
    };
  }
}

type Size = NonNullable<ImageGenerateParamsNonStreaming['size']>;
const GPT_IMAGE_SIZES: Record<GeneratedImageAspect, Size> = {
  '1:1': '1024x1024',
  '2:3': '1024x1536',
  '3:2': '1536x1024',
};
// DALL·E 3's portrait and landscape are 4:7 and 7:4, the nearest it has to 2:3 and 3:2.
const DALL_E_3_SIZES: Record<GeneratedImageAspect, Size> = {
  '1:1': '1024x1024',
  '2:3': '1024x1792',
  '3:2': '1792x1024',
};

/**
 * The request body for `model`: GPT image models always answer base64 and take `quality` (medium: the
 * price table's); DALL·E 3 takes `response_format` and its own sizes; DALL·E 2 draws squares only. Other
 * servers get the GPT image sizes and ask for base64 the DALL·E way, which OpenAI-compatible servers follow.
 */
export function imageParams(
  model: string,
  request: Pick<ImageRequest, 'prompt' | 'aspect'>,
): { params: ImageGenerateParamsNonStreaming; shape: keyof ImagePrice } {
  const shape = request.aspect === '1:1' ? 'square' : 'oblong';
  const base = { model, prompt: request.prompt, n: 1 };
  if (model.startsWith('gpt-image'))
    return { params: { ...base, size: GPT_IMAGE_SIZES[request.aspect], quality: 'medium' }, shape };
  if (model.startsWith('dall-e-3'))
    return {
      params: {
        ...base,
        size: DALL_E_3_SIZES[request.aspect],
        quality: 'standard',
        response_format: 'b64_json',
      },
      shape,
    };
  if (model.startsWith('dall-e-2'))
    return { params: { ...base, size: '1024x1024', response_format: 'b64_json' }, shape: 'square' };
  return { params: { ...base, size: GPT_IMAGE_SIZES[request.aspect], response_format: 'b64_json' }, shape };
}

/** The provider's own sentence from an error body, without the SDK's "400 " prefix. */
function providerMessage(error: InstanceType<typeof OpenAI.APIError>): string {
  const body = error.error as { message?: unknown } | undefined;
  const message = typeof body?.message === 'string' ? body.message : error.message;
  return message.replace(/^\d{3}\s+/, '').slice(0, 500);
}
