import { Link } from 'react-router';
import type { Webhook } from '#shared/webhook.schema.js';
import { Badge } from '#web/components/ui/badge.js';
import './webhooks.css';

/** The webhook page's heading: its address and whether it is enabled, below the way back. */
export function WebhookHeader({ webhook }: { webhook: Webhook }) {
  return (
    <div>
      <Link to=".." relative="path" className="muted">
        ← Webhooks
      </Link>
      <div className="row">
        <h2 className="webhook-page__url">{webhook.url}</h2>
        {webhook.enabled ? <Badge tone="success">Enabled</Badge> : <Badge>Disabled</Badge>}
      </div>
      {webhook.description && <p className="muted">{webhook.description}</p>}
    </div>
  );
}
