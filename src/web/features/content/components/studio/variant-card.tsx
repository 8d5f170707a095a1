import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ContentDraft } from '#shared/ai-tasks.schema.js';
import type { ChannelId, ContentFormat } from '#shared/channel-ids.js';
import type { ContentItem } from '#shared/content.schema.js';
import { Badge } from '#web/components/ui/badge.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { useToast } from '#web/components/ui/toast.js';
import { useCreateContentItem } from '#web/features/content/api/create-content-item.js';
import { describeError } from '#web/lib/error-messages.js';
import { ChannelPreview } from '../editor/channel-preview.js';

interface VariantCardProps {
  businessId: string;
  author: string;
  draft: ContentDraft;
  index: number;
  channel: ChannelId;
  format: ContentFormat;
  campaignId: string | undefined;
  offline: boolean;
  canSave: boolean;
}

/** One written variant in its network's preview, with its count against the limit and "Save as draft". */
export function VariantCard(props: VariantCardProps) {
  const { businessId, author, draft, index, channel, format, campaignId, offline, canSave } = props;
  const { t } = useTranslation('content');
  const create = useCreateContentItem(businessId);
  const toast = useToast();
  const [saved, setSaved] = useState<ContentItem>();

  const save = () =>
    create.mutate(
      {
        channel,
        format,
        status: 'draft',
        title: draft.title,
        body: draft.body,
        thread: draft.thread,
        hashtags: draft.hashtags,
        call_to_action: draft.call_to_action,
        media_brief: draft.media_brief,
        preheader: draft.preheader,
        campaign_id: campaignId ?? null,
      },
      {
        onSuccess: (item) => {
          setSaved(item);
          toast(t('studio.savedToast', { number: index + 1 }));
        },
      },
    );

  return (
    <article className="studio-variant" aria-label={t('studio.variant', { number: index + 1 })}>
      <header className="studio-variant__header">
        <div className="studio-variant__heading">
          <h3>{t('studio.variant', { number: index + 1 })}</h3>
          {draft.title && <p className="muted studio-variant__title">{draft.title}</p>}
        </div>
        {offline && <Badge tone="accent">{t('studio.offline')}</Badge>}
      </header>
      <ChannelPreview
        channel={channel}
        author={author}
        title={draft.title}
        body={draft.body}
        hashtags={draft.hashtags}
        callToAction={draft.call_to_action}
      />
      {draft.thread.length > 0 && (
        <ol className="studio-variant__thread" aria-label={t('studio.thread')}>
          {draft.thread.map((post) => (
            <li key={post}>{post}</li>
          ))}
        </ol>
      )}
      {create.isError && <Banner tone="danger">{describeError(create.error)}</Banner>}
      {canSave && (
        <div className="row">
          {saved ? (
            <>
              <Badge tone="success">{t('studio.saved')}</Badge>
              <Link to={`/w/${businessId}/content/${saved.id}`}>
                {t('studio.open', { number: index + 1 })}
              </Link>
            </>
          ) : (
            <Button size="sm" variant="primary" loading={create.isPending} onClick={save}>
              {t('studio.save', { number: index + 1 })}
            </Button>
          )}
        </div>
      )}
    </article>
  );
}
