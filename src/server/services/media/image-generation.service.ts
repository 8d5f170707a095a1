import { Readable } from 'node:stream';
import type { AiMetrics } from '#server/ai/ai-metrics.js';
import type { CircuitBreakers } from '#server/ai/circuit-breaker.js';
import { toAppError } from '#server/ai/engine.js';
import type { PriceTable } from '#server/ai/prices.js';
import { ProviderError } from '#server/ai/provider-errors.js';
import {
  type DrawnImage,
  ImageRefusedError,
  imageParams,
} from '#server/ai/providers/openai-images.provider.js';
import { AppError } from '#server/errors/app-error.js';
import type { EventPublisher } from '#server/realtime/event-bus.js';
import type { Repositories } from '#server/repositories/index.js';
import { ALT_TEXT_MAX } from '#shared/media.schema.js';
import type { GeneratedImage, GenerateImageBody } from '#shared/media-cards.schema.js';
import type { Principal } from '../access/principal.js';
import { requireWorkspaceRole } from '../access/workspace-access.js';
import type { AiBudgetGuard } from '../ai/ai-budget.js';
import { CallRecord } from '../ai/ai-call-record.js';
import type { AiProviderResolver, ResolvedImageGenerator } from '../ai/ai-provider-resolver.js';
import type { MediaService } from './media.service.js';

export interface ImageGenerationDeps {
  repos: Repositories;
  media: MediaService;
  resolver: AiProviderResolver;
  budget: AiBudgetGuard;
  breakers: CircuitBreakers;
  prices: PriceTable;
  metrics: AiMetrics;
  events?: EventPublisher;
  now: () => Date;
}

/** The ledger's name and version for this call (the version moves when the request sent changes). */
const TASK = { name: 'generateImage', version: '1' } as const;

const CARDS_INSTEAD = 'make a text card instead (POST /api/media/cards).';

/**
 * Generated images: one picture from the workspace's (or the server's) OpenAI-compatible image endpoint,
 * metered like every AI call (budget held before the call, one ledger row whatever happens), then taken
 * into the library exactly like an upload (type check, quota, renditions), with the prompt as alt text.
 */
export class ImageGenerationService {
  constructor(private readonly deps: ImageGenerationDeps) {}

  async generate(principal: Principal, businessId: string, body: GenerateImageBody): Promise<GeneratedImage> {
    // Both before anything is spent: the picture is an AI call and a new library item.
    await requireWorkspaceRole(this.deps.repos, principal, businessId, 'media.write');
    await requireWorkspaceRole(this.deps.repos, principal, businessId, 'ai.use');
    const resolved = await this.deps.resolver.resolveImages(businessId);
    if (resolved.kind === 'none') throw noGenerator(resolved.reason);
    await this.deps.media.ensureRoom(businessId);

    const { generator } = resolved;
    const price = this.deps.prices.imageCost(generator.model, imageParams(generator.model, body).shape);
    const call = new CallRecord(this.deps, {
      businessId,
      userId: principal.kind === 'user' ? principal.userId : null,
      task: TASK,
      resolved: { kind: 'model', provider: generator },
      // Providers bill a picture they drew, not a refused or failed request.
      pricing: (_meter, outcome) =>
        outcome === 'ok' ? price : { microUsd: 0, priceKnown: price.priceKnown },
    });
    const hold = await this.deps.budget.reserve(businessId, price.microUsd);
    if (hold instanceof AppError) {
      await call.finish('budget_exceeded', hold);
      throw hold;
    }
    call.hold = hold;

    let drawn: DrawnImage & { extension: string };
    try {
      drawn = await this.draw(resolved, body, call);
    } catch (error) {
      if (call.isFinished) throw error;
      const problem = error instanceof AppError ? error : new AppError('internal_error');
      await call.finish('error', problem);
      throw problem;
    }
    const meta = await call.finish('ok');
    const item = await this.deps.media.upload(principal, businessId, {
      stream: Readable.from([drawn.bytes]),
      fileName: `generated - ${body.prompt.slice(0, 60)}.${drawn.extension}`,
      describe: { altText: body.prompt.slice(0, ALT_TEXT_MAX), tags: ['generated'] },
    });
    return { ...meta, item };
  }

  /** One attempt (a picture is slow and billed: no retries), through the endpoint's circuit breaker. */
  private async draw(
    resolved: ResolvedImageGenerator & { kind: 'model' },
    body: GenerateImageBody,
    call: CallRecord,
  ): Promise<DrawnImage & { extension: string }> {
    const breaker = this.deps.breakers.for(resolved.breakerKey);
    if (!breaker.tryAcquire())
      throw new AppError(
        'ai_unavailable',
        'The AI provider failed repeatedly and is paused; try again shortly',
        {
          retryAfterSeconds: Math.max(1, Math.ceil(breaker.retryAfterMs() / 1000)),
        },
      );
    call.meter.attempts = 1;
    try {
      const drawn = await resolved.generator.generate({ prompt: body.prompt, aspect: body.aspect });
      const extension = imageExtension(drawn.bytes);
      if (!extension)
        throw new ProviderError('bad_response', 'The image endpoint sent bytes that are no image');
      call.meter.usage = { ...drawn.usage };
      breaker.recordSuccess();
      return { ...drawn, extension };
    } catch (error) {
      if (error instanceof ImageRefusedError) {
        // The endpoint is healthy; it did not like the prompt.
        breaker.recordSuccess();
        throw new AppError(
          'image_refused',
          `The image service refused this prompt: ${error.reason} Describe the picture differently, or ${CARDS_INSTEAD}`,
          { diagnostics: error.reason },
        );
      }
      if (error instanceof ProviderError) {
        if (error.countsAgainstProvider) breaker.recordFailure();
        else breaker.recordSuccess();
        throw toAppError(error);
      }
      breaker.recordFailure();
      throw error;
    }
  }
}

function noGenerator(reason: 'no_endpoint' | 'no_model'): AppError {
  return new AppError(
    'image_generator_missing',
    reason === 'no_endpoint'
      ? `Offline mode has no image generator: ${CARDS_INSTEAD}`
      : `No image model is configured (the operator sets AI_IMAGE_MODEL, e.g. gpt-image-1): ${CARDS_INSTEAD}`,
  );
}

/** The file extension the picture's first bytes show (PNG, JPEG or WebP: what image endpoints send). */
function imageExtension(bytes: Buffer): string | undefined {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  if (
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'webp';
  return undefined;
}
