import { useState } from 'react';
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
  const label = jobLabel(job.name);
  const suffix = name ? ` ${name}` : '';

  return (
    <>
      {canRetry(job) && (
        <Button
          size="sm"
          variant="primary"
          loading={retry.isPending}
          aria-label={`Retry${suffix}`}
          onClick={() =>
            retry.mutate(job.id, {
              onSuccess: () => toast(`${label} queued again`),
              onError: (error) => toast(describeError(error), 'danger'),
            })
          }
        >
          Retry
        </Button>
      )}
      {canCancel(job) && (
        <Button size="sm" variant="ghost" aria-label={`Cancel${suffix}`} onClick={() => setConfirming(true)}>
          Cancel
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
              toast(`${label} cancelled`);
              setConfirming(false);
            },
          })
        }
        title={`Cancel ${label.toLowerCase()}?`}
        description={
          job.state === 'running'
            ? 'It is asked to stop now; anything it already saved stays.'
            : 'It will not run. You cannot start it again from here.'
        }
        confirmLabel="Cancel job"
        tone="danger"
        pending={cancel.isPending}
        error={cancel.error ? describeError(cancel.error) : undefined}
      />
    </>
  );
}
