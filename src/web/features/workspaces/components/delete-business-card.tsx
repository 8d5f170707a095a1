import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('workspaces');
  if (!can(business.role, 'business.delete')) return null;

  return (
    <>
      <Card
        title={t('delete.title')}
        tone="danger"
        description={t('delete.description')}
        actions={
          <Button variant="danger" onClick={() => setConfirming(true)}>
            {t('delete.button')}
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
        title={t('delete.confirmTitle', { workspace: business.name })}
        description={t('delete.confirmDescription')}
        confirmLabel={t('delete.confirmLabel')}
        tone="danger"
        typedConfirmation={business.name}
        pending={deleteBusiness.isPending}
        error={deleteBusiness.error ? describeError(deleteBusiness.error) : undefined}
      />
    </>
  );
}
