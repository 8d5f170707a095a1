import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Job } from '#shared/jobs.schema.js';
import { Button } from '#web/components/ui/button.js';
import { ConfirmDialog } from '#web/components/ui/confirm-dialog.js';
import { useToast } from '#web/components/ui/toast.js';
import { describeError } from '#web/lib/error-messages.js';
import { useCancelJob } from '../api/cancel-job.js';
import { useRetryJob } from '../api/retry-job.js';
import { canCancel, canRetry, jobLabel } from './job-format.js';

/**
 * Retry (failed or dead) and Cancel (not finished, after a confirmation) for one job. `name` completes the
 * buttons' accessible names where several jobs are listed.
 */
export function JobActions({ job, businessId, name }: { job: Job; businessId: string; name?: string }) {
  const retry = useRetryJob(businessId);
  const cancel = useCancelJob(businessId);
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  const { t } = useTranslation('jobs');
  const label = jobLabel(job.name, t);

  return (
    <>
      {canRetry(job) && (
        <Button
          size="sm"
          variant="primary"
          loading={retry.isPending}
          aria-label={name ? t('actions.retryNamed', { name }) : t('actions.retry')}
          onClick={() =>
            retry.mutate(job.id, {
              onSuccess: () => toast(t('actions.retried', { job: label })),
              onError: (error) => toast(describeError(error), 'danger'),
            })
          }
        >
          {t('actions.retry')}
        </Button>
      )}
      {canCancel(job) && (
        <Button
          size="sm"
          variant="ghost"
          aria-label={name ? t('actions.cancelNamed', { name }) : t('actions.cancel')}
          onClick={() => setConfirming(true)}
        >
          {t('actions.cancel')}
        </Button>
      )}
      <ConfirmDialog
        open={confirming}
        onCancel={() => {
          cancel.reset();
          setConfirming(false);
        }}
        onConfirm={() =>
          cancel.mutate(job.id, {
            onSuccess: () => {
              toast(t('actions.cancelled', { job: label }));
              setConfirming(false);
            },
          })
        }
        title={t('actions.cancelTitle', { job: label.toLowerCase() })}
        description={job.state === 'running' ? t('actions.cancelRunning') : t('actions.cancelWaiting')}
        confirmLabel={t('actions.cancelConfirm')}
        tone="danger"
        pending={cancel.isPending}
        error={cancel.error ? describeError(cancel.error) : undefined}
      />
    </>
  );
}
