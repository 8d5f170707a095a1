import { Link } from 'react-router';
import type { Business } from '#shared/business.schema.js';
import { Banner } from '#web/components/ui/banner.js';
import { Card } from '#web/components/ui/card.js';
import { CheckboxField } from '#web/components/ui/checkbox-field.js';
import { useToast } from '#web/components/ui/toast.js';
import { describeError } from '#web/lib/error-messages.js';
import { useUpdateBusiness } from '../api/update-business.js';

/** Owners only: whether members must have two-factor sign-in to use this workspace. */
export function TwoFactorRequirementCard({ business }: { business: Business }) {
  const update = useUpdateBusiness(business.id);
  const toast = useToast();
  if (business.role !== 'owner') return null;
  return (
    <Card
      title="Two-factor sign-in"
      description="Members who have not turned it on are asked to, before they can use this workspace. API keys are not affected."
    >
      <div className="stack">
        {update.isError && <Banner tone="danger">{describeError(update.error)}</Banner>}
        <CheckboxField
          label="Require two-factor sign-in for every member"
          hint={
            <>
              Turn it on for your own account first, in <Link to="/profile">Profile</Link>.
            </>
          }
          checked={business.require_two_factor}
          disabled={update.isPending}
          onChange={(event) =>
            update.mutate(
              { require_two_factor: event.target.checked },
              {
                onSuccess: (saved) =>
                  toast(
                    saved.require_two_factor
                      ? 'Members now need two-factor sign-in to use this workspace.'
                      : 'Two-factor sign-in is no longer required here.',
                  ),
              },
            )
          }
        />
      </div>
    </Card>
  );
}
