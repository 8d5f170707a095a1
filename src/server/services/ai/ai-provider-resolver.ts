import type { ChatProvider } from '#server/ai/provider.js';
import {
  type OpenAiCompatibleOptions,
  OpenAiCompatibleProvider,
} from '#server/ai/providers/openai-compatible.provider.js';
import { type ImageGenerator, OpenAiImagesProvider } from '#server/ai/providers/openai-images.provider.js';
import type { Config } from '#server/config/config.js';
import type { Repositories } from '#server/repositories/index.js';
import type { SecretBox } from '../access/security/secret-box.js';
import { sha256 } from '../access/security/tokens.js';

/** Where a workspace's AI calls go right now. */
export type ResolvedProvider =
  | { kind: 'offline'; source: 'offline' }
  | { kind: 'model'; source: 'workspace' | 'server'; provider: ChatProvider; breakerKey: string };

/** Where a workspace's generated images come from right now, if anywhere. */
export type ResolvedImageGenerator =
  | { kind: 'none'; reason: 'no_endpoint' | 'no_model' }
  | { kind: 'model'; source: 'workspace' | 'server'; generator: ImageGenerator; breakerKey: string };

/** Builds a provider; tests may swap it. */
export type ProviderFactory = (options: OpenAiCompatibleOptions) => ChatProvider;
/** Builds an image endpoint's client; tests may swap it. */
export type ImageGeneratorFactory = (options: OpenAiCompatibleOptions) => ImageGenerator;

/**
 * A workspace's own endpoint (bring your own key) wins over the server's (`OPENAI_*`); with neither, the
 * offline writer answers. Provider clients are reused per endpoint, model and key. A workspace's endpoint
 * is called through `workspaceFetch` (the outbound guard at every call, no redirects): the base URL was
 * checked when saved, but its name is resolved again on every call. The operator's own endpoint is
 * trusted as configured (a local Ollama is fine).
 */
export class AiProviderResolver {
  private readonly clients = new Map<string, ChatProvider>();
  private readonly imageClients = new Map<string, ImageGenerator>();

  constructor(
    private readonly repos: Pick<Repositories, 'aiSettings'>,
    private readonly config: Config['ai'],
    private readonly secretBox: SecretBox,
    private readonly factory: ProviderFactory = (options) => new OpenAiCompatibleProvider(options),
    private readonly workspaceFetch?: typeof fetch,
    private readonly imageFactory: ImageGeneratorFactory = (options) => new OpenAiImagesProvider(options),
  ) {}

  async resolve(businessId: string): Promise<ResolvedProvider> {
    const own = await this.repos.aiSettings.findProvider(businessId);
    if (own) {
      const apiKey = own.api_key_encrypted ? this.secretBox.open(own.api_key_encrypted) : undefined;
      return this.modelProvider('workspace', {
        baseUrl: own.base_url ?? undefined,
        apiKey,
        model: own.model,
        ...(this.workspaceFetch ? { fetch: this.workspaceFetch } : {}),
      });
    }
    const server = this.config.provider;
    if (server) return this.modelProvider('server', server);
    return { kind: 'offline', source: 'offline' };
  }

  /**
   * The image endpoint: the same endpoint and key as the workspace's text calls (its own, else the
   * server's), with the server's `AI_IMAGE_MODEL`. Without that model, or without any endpoint, none.
   */
  async resolveImages(businessId: string): Promise<ResolvedImageGenerator> {
    const model = this.config.imageModel;
    const own = await this.repos.aiSettings.findProvider(businessId);
    const endpoint: Omit<OpenAiCompatibleOptions, 'timeoutMs' | 'model'> | undefined = own
      ? {
          baseUrl: own.base_url ?? undefined,
          apiKey: own.api_key_encrypted ? this.secretBox.open(own.api_key_encrypted) : undefined,
          ...(this.workspaceFetch ? { fetch: this.workspaceFetch } : {}),
        }
      : this.config.provider;
    if (!endpoint) return { kind: 'none', reason: 'no_endpoint' };
    if (!model) return { kind: 'none', reason: 'no_model' };
    const source = own ? 'workspace' : 'server';
    const breakerKey = endpoint.baseUrl ?? 'https://api.openai.com/v1';
    const clientKey = sha256(`${source}|${breakerKey}|${model}|${endpoint.apiKey ?? ''}`);
    let generator = this.imageClients.get(clientKey);
    if (!generator) {
      generator = this.imageFactory({
        baseUrl: endpoint.baseUrl,
        apiKey: endpoint.apiKey,
        model,
        timeoutMs: this.config.timeoutMs,
        ...(endpoint.fetch ? { fetch: endpoint.fetch } : {}),
      });
      this.imageClients.set(clientKey, generator);
    }
    return { kind: 'model', source, generator, breakerKey };
  }

  private modelProvider(
    source: 'workspace' | 'server',
    endpoint: Omit<OpenAiCompatibleOptions, 'timeoutMs'>,
  ): ResolvedProvider {
    const breakerKey = endpoint.baseUrl ?? 'https://api.openai.com/v1';
    const clientKey = sha256(`${source}|${breakerKey}|${endpoint.model}|${endpoint.apiKey ?? ''}`);
    let provider = this.clients.get(clientKey);
    if (!provider) {
      provider = this.factory({ ...endpoint, timeoutMs: this.config.timeoutMs });
      this.clients.set(clientKey, provider);
    }
    return { kind: 'model', source, provider, breakerKey };
  }
}
