import type { AiProviderSettings } from '#shared/ai.schema.js';
import { Badge } from '#web/components/ui/badge.js';

/** Says plainly where this workspace's AI calls go right now. */
export function ProviderSource({ settings }: { settings: AiProviderSettings }) {
  if (settings.source === 'offline') {
    return (
      <div className="ai-source">
        <Badge tone="accent">Offline writer</Badge>
        <p>
          <strong>Offline writer</strong> — built in, no key, no cost. It writes from your business profile
          and templates; connect a model below for more natural writing.
        </p>
      </div>
    );
  }
  const where = settings.base_url ?? 'https://api.openai.com/v1';
  if (settings.source === 'server') {
    return (
      <div className="ai-source">
        <Badge>Server default</Badge>
        <p>
          <strong>Server default:</strong> model <code>{settings.model}</code> at <code>{where}</code>, set up
          by whoever runs this server.
        </p>
      </div>
    );
  }
  return (
    <div className="ai-source">
      <Badge tone="success">Own endpoint</Badge>
      <p>
        <strong>This workspace's own endpoint:</strong> model <code>{settings.model}</code> at{' '}
        <code>{where}</code>
        {settings.api_key_last4 ? (
          <>
            , key <code className="nowrap">•••• {settings.api_key_last4}</code>
          </>
        ) : (
          ', no key'
        )}
        .
      </p>
    </div>
  );
}
