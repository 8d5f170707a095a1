import { useTranslation } from 'react-i18next';
import type { Business, Member } from '#shared/business.schema.js';
import { can } from '#shared/roles.js';
import { Banner } from '#web/components/ui/banner.js';
import { CannedRepliesCard } from './canned-replies-card.js';
import { ImportMessagesCard } from './import-messages-card.js';
import { InboundWebhookCard } from './inbound-webhook-card.js';
import { KnowledgeCard } from './knowledge-card.js';
import { RulesCard } from './rules-card.js';
import './inbox.css';

/**
 * Settings → Inbox: the inbound webhook, rules and knowledge base (owners and admins), canned replies and
 * importing a message history (everyone who replies).
 */
export function InboxSettings({ business, members }: { business: Business; members: readonly Member[] }) {
  const { t } = useTranslation('inbox');
  if (!can(business.role, 'inbox.reply')) {
    return <Banner>{t('settings.readOnly')}</Banner>;
  }
  const canManage = can(business.role, 'inbox.manage');
  return (
    <div className="stack">
      {canManage && <InboundWebhookCard businessId={business.id} />}
      {canManage && <RulesCard businessId={business.id} members={members} />}
      <KnowledgeCard businessId={business.id} canManage={canManage} />
      <CannedRepliesCard businessId={business.id} />
      <ImportMessagesCard businessId={business.id} />
    </div>
  );
}
