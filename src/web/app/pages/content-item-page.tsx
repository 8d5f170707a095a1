import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { can } from '#shared/roles.js';
import { localDate } from '#shared/zoned-time.js';
import { Banner } from '#web/components/ui/banner.js';
import { EmptyState } from '#web/components/ui/empty-state.js';
import { PageSpinner } from '#web/components/ui/spinner.js';
import { ResultsForm } from '#web/features/analytics/components/results-form.js';
import { useContentItem } from '#web/features/content/api/get-content-item.js';
import { useSetContentMedia } from '#web/features/content/api/set-content-media.js';
import { CommentThread } from '#web/features/content/components/comments/comment-thread.js';
import { itemLabel } from '#web/features/content/components/content-format.js';
import { AlsoOnCard } from '#web/features/content/components/editor/also-on-card.js';
import { ContentEditor } from '#web/features/content/components/editor/content-editor.js';
import { QueueCard } from '#web/features/content/components/editor/queue-card.js';
import { AttachedMediaCard } from '#web/features/media/components/attached-media-card.js';
import { PublishStatusCard } from '#web/features/publishing/components/publish-status-card.js';
import { useMembers } from '#web/features/workspaces/api/get-members.js';
import { ApiError } from '#web/lib/api-error.js';
import { channelName } from '#web/lib/channel-name.js';
import { describeError } from '#web/lib/error-messages.js';
import { formatDateTime } from '#web/lib/format-date.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

export function ContentItemPage() {
  const { t } = useTranslation('content');
  const business = useWorkspace();
  const { itemId = '' } = useParams();
  const item = useContentItem(business.id, itemId);
  const setMedia = useSetContentMedia(business.id);
  const members = useMembers(business.id);
  if (item.isPending) return <PageSpinner label={t('pages.item.loading')} />;
  if (item.isError) {
    if (item.error instanceof ApiError && item.error.status === 404) {
      return (
        <EmptyState
          title={t('pages.item.notFound')}
          action={
            <Link to="../../calendar" relative="path">
              {t('pages.item.backToCalendar')}
            </Link>
          }
        >
          {t('pages.item.notFoundText')}
        </EmptyState>
      );
    }
    return <Banner tone="danger">{describeError(item.error)}</Banner>;
  }
  const label = itemLabel(item.data, t('item.untitled'));
  return (
    <>
      <PageTitle title={t('pages.item.documentTitle', { item: label, workspace: business.name })} />
      <div className="page-header__text">
        <Link
          to={`../../calendar${item.data.scheduled_at ? `?date=${localDate(item.data.scheduled_at, business.time_zone)}` : ''}`}
          relative="path"
          className="muted"
        >
          {t('pages.item.calendar')}
        </Link>
        <h1>{label}</h1>
        <p className="muted">{channelName(item.data.channel)}</p>
      </div>
      <ContentEditor
        item={item.data}
        business={business}
        aside={
          <>
            <AttachedMediaCard
              businessId={business.id}
              channel={item.data.channel}
              media={item.data.media}
              canEdit={can(business.role, 'content.write') && item.data.status !== 'published'}
              pending={setMedia.isPending}
              error={setMedia.error}
              onChange={(mediaIds) =>
                setMedia.mutate({
                  id: item.data.id,
                  body: { version: item.data.version, media_ids: mediaIds },
                })
              }
            />
            {item.data.post_group && (
              <AlsoOnCard item={{ ...item.data, post_group: item.data.post_group }} business={business} />
            )}
            <QueueCard item={item.data} business={business} />
            <PublishStatusCard
              businessId={business.id}
              item={item.data}
              formatTime={(iso) => formatDateTime(iso)}
            />
            {item.data.status === 'published' && can(business.role, 'analytics.write') && (
              <ResultsForm business={business} itemId={item.data.id} />
            )}
            <CommentThread
              businessId={business.id}
              itemId={item.data.id}
              members={(members.data ?? []).map((member) => ({ id: member.user_id, name: member.name }))}
            />
          </>
        }
      />
    </>
  );
}
