import { newId } from '#server/db/ids.js';
import { AppError } from '#server/errors/app-error.js';
import type { RewriteContentOutput, WriteContentOutput } from '#shared/ai-tasks.schema.js';
import type { ContentItem, GenerateContentRequest, RewriteContentItemBody } from '#shared/content.schema.js';
import type { Principal } from '../access/principal.js';
import type { AiRunResult } from '../ai/ai.service.js';
import type { ContentService } from './content.service.js';
import { draftWarnings } from './content-items.js';

/** What the studio answers: the AI's variants and, when asked, the drafts saved from them. */
export type GenerateContentResult = AiRunResult<WriteContentOutput> & { saved_items?: ContentItem[] };

/** Runs the writeContent task on the given input (the route binds the AI service, its stream and abort). */
export type WriteContentRunner = (input: unknown) => Promise<AiRunResult<WriteContentOutput>>;

/** Runs the rewriteContent task for a workspace (the route binds the AI service and the abort signal). */
export type RewriteRunner = (
  businessId: string,
  input: unknown,
) => Promise<AiRunResult<RewriteContentOutput>>;

/** The content studio: write variants with the AI, and optionally keep them as drafts. */
export class ContentStudioService {
  constructor(private readonly content: ContentService) {}

  /**
   * Run writeContent; with `save_as_drafts`, store each variant as a draft sharing one variant group and
   * the AI call's id. Saving rights are checked before the AI runs, so no tokens are spent on a refusal.
   */
  async generate(
    principal: Principal,
    body: GenerateContentRequest,
    runWriteContent: WriteContentRunner,
  ): Promise<GenerateContentResult> {
    const { business_id: businessId, save_as_drafts: save, campaign_id: campaignId, ...input } = body;
    if (save) await this.content.assertCanSave(principal, businessId, campaignId);
    const result = await runWriteContent(input);
    if (!save) return result;
    const variantGroup = newId();
    const savedItems = await this.content.createMany(
      principal,
      result.output.variants.map((variant, index) => ({
        business_id: businessId,
        channel: input.channel,
        format: input.format,
        status: 'draft' as const,
        ...variant,
        pillar: input.pillar ?? null,
        campaign_id: campaignId ?? null,
        scheduled_at: null,
        ai_warnings: draftWarnings(result.output.warnings, index),
      })),
      { variant_group: variantGroup, ai_call_id: result.call_id },
    );
    return { ...result, saved_items: savedItems };
  }

  /**
   * Suggest a rewrite of an item's text (shorter, longer, another tone, a variant, a translation). Nothing
   * is saved: the editor shows the suggestion and saves it with a PATCH carrying `item_version`.
   */
  async rewrite(
    principal: Principal,
    itemId: string,
    body: RewriteContentItemBody,
    runRewrite: RewriteRunner,
  ): Promise<AiRunResult<RewriteContentOutput> & { item_version: number }> {
    const item = await this.content.get(principal, itemId);
    await this.content.assertCanSave(principal, item.business_id);
    if (!item.body.trim()) {
      const message = 'Write some text first: there is nothing to rewrite';
      throw new AppError('validation_failed', message, {
        errors: [{ path: 'body', message, code: 'empty_text' }],
      });
    }
    const result = await runRewrite(item.business_id, { channel: item.channel, text: item.body, ...body });
    return { ...result, item_version: item.version };
  }
}
