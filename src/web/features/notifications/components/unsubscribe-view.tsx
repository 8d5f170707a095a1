import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { ApiError } from '#web/lib/api-error.js';
import { describeError } from '#web/lib/error-messages.js';
import { useUnsubscribe, useUnsubscribeLink } from '../api/unsubscribe.js';

/**
 * An email's unsubscribe link: says which emails it stops and asks once, so a link scanner that opens
 * the page turns nothing off. No sign-in: the link's signed token is enough. (Mail apps use the
 * one-click header, which needs no page.)
 */
export function UnsubscribeView({ token }: { token: string }) {
  const link = useUnsubscribeLink(token);
  const unsubscribe = useUnsubscribe(token);
  const { t } = useTranslation('notifications');
  if (token === '' || (link.error instanceof ApiError && link.error.status < 500)) {
    return (
      <Banner tone="warning" title={t('unsubscribe.brokenTitle')}>
        {t('unsubscribe.brokenHint')}
      </Banner>
    );
  }
  if (link.isError) return <Banner tone="danger">{describeError(link.error)}</Banner>;
  if (!link.data) return <p className="muted">{t('unsubscribe.checking')}</p>;
  // The kind in the reader's words (the API's `kind_label` is English).
  const kind = t(`kinds.${link.data.kind}.label`);
  const workspace = link.data.workspace_name;
  if (unsubscribe.isSuccess || !link.data.email) {
    return (
      <Banner tone="success" title={t('unsubscribe.doneTitle')}>
        <Trans
          t={t}
          i18nKey="unsubscribe.done"
          values={{ kind, workspace }}
          components={{ settings: <Link to="/" /> }}
        />
      </Banner>
    );
  }
  return (
    <div className="stack">
      <p>{t('unsubscribe.confirm', { kind, workspace })}</p>
      {unsubscribe.isError && <Banner tone="danger">{describeError(unsubscribe.error)}</Banner>}
      <Button variant="primary" loading={unsubscribe.isPending} onClick={() => unsubscribe.mutate()}>
        {t('unsubscribe.action')}
      </Button>
    </div>
  );
}
