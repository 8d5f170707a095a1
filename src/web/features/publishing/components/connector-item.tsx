import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connector, ConnectorTestResult } from '#shared/connector.schema.js';
import { Badge } from '#web/components/ui/badge.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { ConfirmDialog } from '#web/components/ui/confirm-dialog.js';
import { useToast } from '#web/components/ui/toast.js';
import { describeError } from '#web/lib/error-messages.js';
import { formatDuration } from '#web/lib/workspace-format.js';
import { useTestConnector } from '../api/test-connector.js';
import { useUpdateConnector } from '../api/update-connector.js';
import { describeChannels } from './publishing-format.js';
import './publishing.css';

interface ConnectorItemProps {
  connector: Connector;
  businessId: string;
  /** A rotated secret to show once. */
  onSecret: (secret: string) => void;
  onDelete: () => void;
}

/** One connector: where it posts and for which channels, with test, pause, secret rotation and delete. */
export function ConnectorItem({ connector, businessId, onSecret, onDelete }: ConnectorItemProps) {
  const test = useTestConnector();
  const update = useUpdateConnector(businessId);
  const toast = useToast();
  const { t } = useTranslation('publishing');
  const name = connector.name;

  const toggle = () =>
    update.mutate(
      { id: connector.id, body: { enabled: !connector.enabled } },
      {
        onSuccess: ({ connector: saved }) =>
          toast(
            saved.enabled ? t('connector.enabledToast', { name }) : t('connector.disabledToast', { name }),
          ),
        onError: (error) => toast(describeError(error), 'danger'),
      },
    );
  const [rotating, setRotating] = useState(false);
  const rotate = useUpdateConnector(businessId);

  return (
    <li className="connector-item">
      <div className="connector-item__head">
        <div className="connector-item__main">
          <div className="row">
            <span className="connector-item__name">{name}</span>
            {connector.enabled ? (
              <Badge tone="success">{t('enabled')}</Badge>
            ) : (
              <Badge>{t('disabled')}</Badge>
            )}
          </div>
          <code className="connector-item__url">{connector.settings.url}</code>
          <span className="muted">{describeChannels(connector.channels, t)}</span>
        </div>
        <div className="connector-item__actions">
          <Button
            size="sm"
            loading={test.isPending}
            onClick={() => test.mutate(connector.id)}
            aria-label={t('connector.testLabel', { name })}
          >
            {t('connector.test')}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={toggle}
            aria-label={
              connector.enabled ? t('connector.disableLabel', { name }) : t('connector.enableLabel', { name })
            }
          >
            {connector.enabled ? t('connector.disable') : t('connector.enable')}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => setRotating(true)}
            aria-label={t('connector.rotateLabel', { name })}
          >
            {t('connector.rotate')}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={onDelete}
            aria-label={t('connector.deleteLabel', { name })}
          >
            {t('connector.delete')}
          </Button>
        </div>
      </div>
      {test.isError && <Banner tone="danger">{describeError(test.error)}</Banner>}
      {test.data && <TestOutcome result={test.data} />}
      <ConfirmDialog
        open={rotating}
        onCancel={() => {
          rotate.reset();
          setRotating(false);
        }}
        onConfirm={() =>
          rotate.mutate(
            { id: connector.id, body: { rotate_secret: true } },
            {
              onSuccess: ({ secret }) => {
                setRotating(false);
                if (secret) onSecret(secret);
              },
            },
          )
        }
        title={t('connector.rotateTitle', { name })}
        description={t('connector.rotateDescription')}
        confirmLabel={t('connector.rotate')}
        tone="danger"
        pending={rotate.isPending}
        error={rotate.error ? describeError(rotate.error) : undefined}
      />
    </li>
  );
}

/** How the receiver answered the test payload. */
function TestOutcome({ result }: { result: ConnectorTestResult }) {
  const { t } = useTranslation('publishing');
  const code =
    result.status_code === null ? t('test.noAnswer') : t('test.http', { code: result.status_code });
  const timing = t('test.timing', { code, duration: formatDuration(result.duration_ms) });
  if (result.ok) {
    return (
      <Banner tone="success" title={t('test.deliveredTitle')}>
        {t('test.delivered', { timing })}
      </Banner>
    );
  }
  const reason = result.error ?? t('test.notAccepted');
  return (
    <Banner tone="danger" title={t('test.failedTitle')}>
      <p>
        {result.failure_kind
          ? t('test.failedKind', { kind: t(`failureKinds.${result.failure_kind}`), reason, timing })
          : t('test.failed', { reason, timing })}
      </p>
    </Banner>
  );
}
