import { useState } from 'react';
import type { Business } from '#shared/business.schema.js';
import { can } from '#shared/roles.js';
import { Button } from '#web/components/ui/button.js';
import { Card } from '#web/components/ui/card.js';
import { ConfirmDialog } from '#web/components/ui/confirm-dialog.js';
import { describeError } from '#web/lib/error-messages.js';
import { useDeleteBusiness } from '../api/delete-business.js';

/** The danger zone: owners delete the workspace after typing its name. Hidden from everyone else. */
export function DeleteBusinessCard({ business, onDeleted }: { business: Business; onDeleted: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const deleteBusiness = useDeleteBusiness(business.id);
  if (!can(business.role, 'business.delete')) return null;

  return (
    <>
      <Card
        title="Delete workspace"
        tone="danger"
        description="Deletes the workspace, its members' access, API keys and everything in it. This cannot be undone."
        actions={
          <Button variant="danger" onClick={() => setConfirming(true)}>
            Delete workspace
          </Button>
        }
      />
      <ConfirmDialog
        open={confirming}
        onCancel={() => {
          deleteBusiness.reset();
          setConfirming(false);
        }}
        onConfirm={() => deleteBusiness.mutate(undefined, { onSuccess: onDeleted })}
        title={`Delete ${business.name}?`}
        description="Everything in this workspace will be deleted for every member. This cannot be undone."
        confirmLabel="Delete for good"
        tone="danger"
        typedConfirmation={business.name}
        pending={deleteBusiness.isPending}
        error={deleteBusiness.error ? describeError(deleteBusiness.error) : undefined}
      />
    </>
  );
}
