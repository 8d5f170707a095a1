import { buffer } from 'node:stream/consumers';
import sharp from 'sharp';
import { isAppError } from '#server/errors/app-error.js';
import type { SuggestAltTextInput, SuggestAltTextOutput } from '#shared/ai-tasks.schema.js';
import type { MediaItem } from '#shared/media.schema.js';
import type { AltTextSuggestion, SuggestAltTextBody } from '#shared/media-cards.schema.js';
import type { Principal } from '../access/principal.js';
import type { AiRunResult, AiService } from '../ai/ai.service.js';
import type { AiProviderResolver } from '../ai/ai-provider-resolver.js';
import type { MediaService } from './media.service.js';

/** The rendition a model is shown: 640 px wide is plenty for a description and cheap to send. */
const PREVIEW_RENDITION = 'w640.jpg';

/**
 * Alt text suggestions for library items, written by the `suggestAltText` task: from the file's name,
 * its facts (size, dominant colour), the brief and the brand offline; with the picture itself when the
 * workspace has a model. Nothing is saved: the user accepts the text with `PATCH /api/media/{id}`.
 */
export class AltTextService {
  constructor(private readonly deps: { media: MediaService; ai: AiService; resolver: AiProviderResolver }) {}

  async suggest(principal: Principal, mediaId: string, body: SuggestAltTextBody): Promise<AltTextSuggestion> {
    const item = await this.deps.media.get(principal, mediaId);
    const withModel = (await this.deps.resolver.resolve(item.business_id)).kind === 'model';
    const picture = await this.picture(principal, item, withModel);
    const input: SuggestAltTextInput = {
      file_name: item.name,
      kind: item.kind,
      ...(item.width && item.height ? { width: item.width, height: item.height } : {}),
      ...(picture?.dominant ? { dominant_colour: picture.dominant } : {}),
      ...(body.brief ? { brief: body.brief } : {}),
      ...(body.language ? { language: body.language } : {}),
    };
    const run = (taskInput: SuggestAltTextInput) =>
      this.deps.ai.run<SuggestAltTextOutput>(principal, item.business_id, 'suggestAltText', taskInput);
    if (picture?.dataUrl) {
      try {
        return toSuggestion(await run({ ...input, image: picture.dataUrl }), true);
      } catch (error) {
        // A model that does not read images refuses the request (HTTP 400): ask again from the words alone.
        if (!isAppError(error, 'ai_provider_error') || error.options.providerFailure !== 'rejected')
          throw error;
      }
    }
    return toSuggestion(await run(input), false);
  }

  /** The item's dominant colour and, for a model, its 640 px rendition as a data URL. */
  private async picture(
    principal: Principal,
    item: MediaItem,
    withModel: boolean,
  ): Promise<{ dominant: string; dataUrl?: string } | undefined> {
    if (item.kind !== 'image' || !item.renditions.some((rendition) => rendition.id === PREVIEW_RENDITION))
      return undefined;
    const file = await this.deps.media.open(principal, item.id, PREVIEW_RENDITION);
    const bytes = await buffer(file.body);
    const { dominant } = await sharp(bytes).stats();
    const hex = `#${[dominant.r, dominant.g, dominant.b].map((value) => value.toString(16).padStart(2, '0')).join('')}`;
    return withModel
      ? { dominant: hex, dataUrl: `data:image/jpeg;base64,${bytes.toString('base64')}` }
      : { dominant: hex };
  }
}

function toSuggestion(result: AiRunResult<SuggestAltTextOutput>, sawImage: boolean): AltTextSuggestion {
  const { output, ...meta } = result;
  return { ...meta, alt_text: output.alt_text, warnings: output.warnings ?? [], saw_image: sawImage };
}
