import { Trans, useTranslation } from 'react-i18next';
import type { AiProviderSettings } from '#shared/ai.schema.js';
import { Badge } from '#web/components/ui/badge.js';

/** Says plainly where this workspace's AI calls go right now. */
export function ProviderSource({ settings }: { settings: AiProviderSettings }) {
  const { t } = useTranslation('ai');
  if (settings.source === 'offline') {
    return (
      <div className="ai-source">
        <Badge tone="accent">{t('offlineWriter')}</Badge>
        <p>
          <Trans t={t} i18nKey="source.offline" components={{ strong: <strong /> }} />
        </p>
      </div>
    );
  }
  const where = settings.base_url ?? 'https://api.openai.com/v1';
  if (settings.source === 'server') {
    return (
      <div className="ai-source">
        <Badge>{t('source.serverBadge')}</Badge>
        <p>
          <Trans
            t={t}
            i18nKey="source.server"
            values={{ model: settings.model, url: where }}
            components={{ strong: <strong />, code: <code /> }}
          />
        </p>
      </div>
    );
  }
  return (
    <div className="ai-source">
      <Badge tone="success">{t('source.ownBadge')}</Badge>
      <p>
        {settings.api_key_last4 ? (
          <Trans
            t={t}
            i18nKey="source.ownWithKey"
            values={{ model: settings.model, url: where, last4: settings.api_key_last4 }}
            components={{ strong: <strong />, code: <code />, secret: <code className="nowrap" /> }}
          />
        ) : (
          <Trans
            t={t}
            i18nKey="source.ownNoKey"
            values={{ model: settings.model, url: where }}
            components={{ strong: <strong />, code: <code /> }}
          />
        )}
      </p>
    </div>
  );
}
