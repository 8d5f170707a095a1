import { useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PRIORITIES, SENTIMENTS } from '#shared/ai-tasks.schema.js';
import type { Business, Member } from '#shared/business.schema.js';
import { can } from '#shared/roles.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { EmptyState } from '#web/components/ui/empty-state.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { useToast } from '#web/components/ui/toast.js';
import { describeError } from '#web/lib/error-messages.js';
import { useConversations } from '../api/get-conversations.js';
import type { ConversationFilters as Filters } from '../api/query-keys.js';
import { useUpdateConversation } from '../api/update-conversation.js';
import { type InboxShortcut, useInboxShortcuts } from '../hooks/use-inbox-shortcuts.js';
import { ConversationFilters } from './conversation-filters.js';
import { ConversationList, conversationButtonId } from './conversation-list.js';
import { ConversationPane } from './conversation-pane.js';
import { ShortcutsHelp } from './shortcuts-help.js';
import './inbox.css';

/**
 * The open conversations, narrowed by what a link asks for: `?priority=urgent` or `?sentiment=negative`
 * (the dashboard's counts link here so). Read once; the filters are the page's own from then on.
 */
function linkedFilters(params: URLSearchParams): Filters {
  const filters: Filters = { status: 'open' };
  const priority = PRIORITIES.find((value) => value === params.get('priority'));
  const sentiment = SENTIMENTS.find((value) => value === params.get('sentiment'));
  if (priority) filters.priority = priority;
  if (sentiment) filters.sentiment = sentiment;
  return filters;
}

/**
 * The three-pane inbox: conversations (filters and search), the open thread with the reply box, and the
 * customer and AI panel. The open conversation is in the URL (`?conversation=`), so it survives a reload
 * and can be linked. On small screens one pane shows at a time.
 */
export function InboxView({ business, members }: { business: Business; members: readonly Member[] }) {
  const { t } = useTranslation('inbox');
  const [searchParams, setSearchParams] = useSearchParams();
  const [filters, setFilters] = useState<Filters>(() => linkedFilters(searchParams));
  const selectedId = searchParams.get('conversation') ?? undefined;
  const conversations = useConversations(business.id, filters);
  const items = conversations.data?.pages.flatMap((page) => page.items) ?? [];
  const replyRef = useRef<HTMLTextAreaElement>(null);
  const update = useUpdateConversation(business.id);
  const toast = useToast();
  const canReply = can(business.role, 'inbox.reply');

  const select = (id: string | undefined) =>
    setSearchParams(id ? { conversation: id } : {}, { replace: true });

  const move = (step: 1 | -1) => {
    const index = items.findIndex((item) => item.id === selectedId);
    const next = items[index === -1 ? 0 : Math.min(Math.max(index + step, 0), items.length - 1)];
    if (!next) return;
    select(next.id);
    // Focus follows, so a screen reader announces the conversation and Enter/Tab continue from it.
    requestAnimationFrame(() => document.getElementById(conversationButtonId(next.id))?.focus());
  };

  const onShortcut = (action: InboxShortcut) => {
    if (action === 'next') move(1);
    else if (action === 'previous') move(-1);
    else if (action === 'reply') replyRef.current?.focus();
    else if (action === 'resolve' && selectedId && canReply) {
      update.mutate(
        { id: selectedId, body: { status: 'resolved' } },
        {
          onSuccess: () => toast(t('pane.resolved')),
          onError: (error) => toast(describeError(error), 'danger'),
        },
      );
    }
  };
  useInboxShortcuts(onShortcut);

  return (
    <div className="inbox-page">
      <div className="inbox-page__header">
        <h1>{t('view.title')}</h1>
        <ShortcutsHelp />
      </div>
      <div className={`inbox${selectedId ? ' inbox--open' : ''}`}>
        <section className="inbox__list" aria-label={t('view.listLabel')}>
          <ConversationFilters value={filters} onChange={setFilters} members={members} />
          {conversations.isPending && <Spinner label={t('view.loading')} />}
          {conversations.isError && <Banner tone="danger">{describeError(conversations.error)}</Banner>}
          {conversations.isSuccess && items.length === 0 && (
            <EmptyState title={t('view.emptyTitle')}>{t('view.emptyText')}</EmptyState>
          )}
          {items.length > 0 && (
            <ConversationList conversations={items} selectedId={selectedId} onSelect={select} />
          )}
          {conversations.hasNextPage && (
            <Button
              size="sm"
              loading={conversations.isFetchingNextPage}
              onClick={() => conversations.fetchNextPage()}
            >
              {t('view.loadMore')}
            </Button>
          )}
          <p className="visually-hidden" aria-live="polite">
            {conversations.isSuccess ? t('view.count', { count: items.length }) : ''}
          </p>
        </section>
        {selectedId ? (
          <ConversationPane
            key={selectedId}
            businessId={business.id}
            conversationId={selectedId}
            members={members}
            canReply={canReply}
            replyRef={replyRef}
            onBack={() => select(undefined)}
          />
        ) : (
          <div className="inbox__placeholder">
            <EmptyState title={t('view.pickTitle')}>
              <Trans t={t} i18nKey="view.pickText" components={{ kbd: <kbd /> }} />
            </EmptyState>
          </div>
        )}
      </div>
    </div>
  );
}
