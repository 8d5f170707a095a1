import type { ServerResponse } from 'node:http';
import sharp from 'sharp';
import type { OpenAIErrorDetails } from './openai-error.js';

/** How the fake answers one `POST /v1/images/generations`; an empty step draws the picture. */
export interface ImageScriptStep {
  /** Answer this error status with an OpenAI error body instead of a picture (400, 429, 500, 503…). */
  status?: number;
  /** With `status`: the `retry-after` header, in seconds. */
  retryAfter?: number;
  /** With `status`: override the error body's message, type, param or code. */
  error?: OpenAIErrorDetails;
}

/** A valid image generation request, as the fake read it. */
export interface ImageRequestBody {
  model: string;
  prompt: string;
  n: number;
  size: string;
  quality?: string;
  response_format?: string;
}

// The sizes and qualities each family takes (OpenAI's Images API reference); other models take any size.
const FAMILIES: Array<{ prefix: string; sizes: string[]; qualities: string[]; responseFormat: boolean }> = [
  {
    prefix: 'gpt-image',
    sizes: ['1024x1024', '1536x1024', '1024x1536', 'auto'],
    qualities: ['low', 'medium', 'high', 'auto'],
    responseFormat: false,
  },
  {
    prefix: 'dall-e-3',
    sizes: ['1024x1024', '1792x1024', '1024x1792'],
    qualities: ['standard', 'hd'],
    responseFormat: true,
  },
  {
    prefix: 'dall-e-2',
    sizes: ['256x256', '512x512', '1024x1024'],
    qualities: ['standard'],
    responseFormat: true,
  },
];

/** The request as OpenAI would check it, or the 400 it would answer. */
export function parseImageRequest(
  body: unknown,
): { request: ImageRequestBody } | { error: OpenAIErrorDetails } {
  if (typeof body !== 'object' || body === null) return { error: { message: 'Invalid request body.' } };
  const fields = body as Record<string, unknown>;
  const model = typeof fields.model === 'string' ? fields.model : 'dall-e-2';
  if (typeof fields.prompt !== 'string' || fields.prompt.trim() === '')
    return { error: { message: "Missing required parameter: 'prompt'.", param: 'prompt' } };
  const n = fields.n ?? 1;
  if (n !== 1 && (model.startsWith('dall-e-3') || typeof n !== 'number' || n < 1 || n > 10))
    return { error: { message: `Invalid 'n': ${String(n)}.`, param: 'n' } };
  const size = typeof fields.size === 'string' ? fields.size : '1024x1024';
  const family = FAMILIES.find((candidate) => model.startsWith(candidate.prefix));
  if (family && !family.sizes.includes(size))
    return {
      error: {
        message: `Invalid value: '${size}'. Supported values are: ${family.sizes.map((s) => `'${s}'`).join(', ')}.`,
        param: 'size',
        code: 'invalid_value',
      },
    };
  if (!family && !/^\d{2,4}x\d{2,4}$/.test(size))
    return { error: { message: `Invalid size: '${size}'.`, param: 'size' } };
  const quality = typeof fields.quality === 'string' ? fields.quality : undefined;
  if (family && quality !== undefined && !family.qualities.includes(quality))
    return { error: { message: `Invalid value: '${quality}'.`, param: 'quality', code: 'invalid_value' } };
  const responseFormat = typeof fields.response_format === 'string' ? fields.response_format : undefined;
  if (family && !family.responseFormat && responseFormat !== undefined)
    return { error: { message: "Unknown parameter: 'response_format'.", param: 'response_format' } };
  return {
    request: {
      model,
      prompt: fields.prompt,
      n: n as number,
      size,
      ...(quality ? { quality } : {}),
      ...(responseFormat ? { response_format: responseFormat } : {}),
    },
  };
}

/**
 * A real PNG of the requested size, as `b64_json` (GPT image models always; DALL·E when asked, else a URL
 * the fake does not serve), with `usage` as the GPT image models report it.
 */
export async function sendGeneratedImage(response: ServerResponse, request: ImageRequestBody): Promise<void> {
  const [width, height] = (request.size === 'auto' ? '1024x1024' : request.size).split('x').map(Number);
  const png = await sharp({
    create: { width: width ?? 1024, height: height ?? 1024, channels: 3, background: '#0e7490' },
  })
    .png()
    .toBuffer();
  const gptImage = request.model.startsWith('gpt-image');
  const picture =
    gptImage || request.response_format === 'b64_json'
      ? { b64_json: png.toString('base64') }
      : { url: 'https://fake-openai.invalid/images/1.png' };
  const body = JSON.stringify({
    created: 1_700_000_000,
    data: [gptImage ? picture : { ...picture, revised_prompt: request.prompt }],
    ...(gptImage
      ? {
          usage: {
            input_tokens: Math.ceil(request.prompt.length / 4),
            output_tokens: 1056,
            total_tokens: Math.ceil(request.prompt.length / 4) + 1056,
            input_tokens_details: { text_tokens: Math.ceil(request.prompt.length / 4), image_tokens: 0 },
          },
        }
      : {}),
  });
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}
