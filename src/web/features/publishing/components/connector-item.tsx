import { useState } from 'react';
import type { Connector, ConnectorTestResult } from '#shared/connector.schema.js';
import { Badge } from '#web/components/ui/badge.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { ConfirmDialog } from '#web/components/ui/confirm-dialog.js';
import { useToast } from '#web/components/ui/toast.js';
import { describeError } from '#web/lib/error-messages.js';
import { useTestConnector } from '../api/test-connector.js';
import { useUpdateConnector } from '../api/update-connector.js';
import { describeChannels, FAILURE_KIND_LABELS, formatDuration } from './publishing-format.js';
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
  const name = connector.name;

  const toggle = () =>
    update.mutate(
      { id: connector.id, body: { enabled: !connector.enabled } },
      {
        onSuccess: ({ connector: saved }) => toast(`“${name}” ${saved.enabled ? 'enabled' : 'disabled'}`),
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
            {connector.enabled ? <Badge tone="success">Enabled</Badge> : <Badge>Disabled</Badge>}
          </div>
          <code className="connector-item__url">{connector.settings.url}</code>
          <span className="muted">{describeChannels(connector.channels)}</span>
        </div>
        <div className="connector-item__actions">
          <Button
            size="sm"
            loading={test.isPending}
            onClick={() => test.mutate(connector.id)}
            aria-label={`Test ${name}`}
          >
            Test
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={toggle}
            aria-label={`${connector.enabled ? 'Disable' : 'Enable'} ${name}`}
          >
            {connector.enabled ? 'Disable' : 'Enable'}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => setRotating(true)}
            aria-label={`Rotate the secret of ${name}`}
          >
            Rotate secret
          </Button>
          <Button size="sm" variant="ghost" onClick={onDelete} aria-label={`Delete ${name}`}>
            Delete
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
        title={`Rotate the secret of “${name}”?`}
        description="The current secret stops verifying at once: update the receiver with the new one."
        confirmLabel="Rotate secret"
        tone="danger"
        pending={rotate.isPending}
        error={rotate.error ? describeError(rotate.error) : undefined}
      />
    </li>
  );
}

/** How the receiver answered the test payload. */
function TestOutcome({ result }: { result: ConnectorTestResult }) {
  const code = result.status_code === null ? 'no answer' : `HTTP ${result.status_code}`;
  const timing = `${code} in ${formatDuration(result.duration_ms)}`;
  if (result.ok) {
    return <Banner tone="success" title="Test delivered">{`The receiver answered ${timing}.`}</Banner>;
  }
  return (
    <Banner tone="danger" title="Test failed">
      <p>
        {result.failure_kind ? `${FAILURE_KIND_LABELS[result.failure_kind]}: ` : ''}
        {result.error ?? 'the receiver did not accept it'} ({timing}).
      </p>
    </Banner>
  );
}
