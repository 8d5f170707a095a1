import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Webhook } from '#shared/webhook.schema.js';
import { Badge } from '#web/components/ui/badge.js';
import './webhooks.css';

/** The webhook page's heading: its address and whether it is enabled, below the way back. */
export function WebhookHeader({ webhook }: { webhook: Webhook }) {
  const { t } = useTranslation('webhooks');
  return (
    <div>
      <Link to=".." relative="path" className="muted">
        {t('page.back')}
      </Link>
      <div className="row">
        <h2 className="webhook-page__url">{webhook.url}</h2>
        {webhook.enabled ? <Badge tone="success">{t('enabled')}</Badge> : <Badge>{t('disabled')}</Badge>}
      </div>
      {webhook.description && <p className="muted">{webhook.description}</p>}
    </div>
  );
}
