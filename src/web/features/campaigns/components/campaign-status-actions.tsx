import { useTranslation } from 'react-i18next';
import { CAMPAIGN_TRANSITIONS, type Campaign } from '#shared/campaign.schema.js';
import { Button } from '#web/components/ui/button.js';
import { useToast } from '#web/components/ui/toast.js';
import { describeError } from '#web/lib/error-messages.js';
import { useUpdateCampaign } from '../api/update-campaign.js';

/** One button per status the campaign may move to next; nothing else is offered. */
export function CampaignStatusActions({ campaign }: { campaign: Campaign }) {
  const update = useUpdateCampaign(campaign.business_id, campaign.id);
  const toast = useToast();
  const { t } = useTranslation('campaigns');
  const moves = CAMPAIGN_TRANSITIONS[campaign.status];
  if (moves.length === 0) return null;
  return (
    <fieldset className="campaign-moves">
      <legend className="visually-hidden">{t('moves.legend')}</legend>
      {moves.map((to) => (
        <Button
          key={to}
          size="sm"
          variant={to === 'active' ? 'primary' : 'secondary'}
          loading={update.isPending && update.variables?.status === to}
          disabled={update.isPending}
          onClick={() =>
            update.mutate(
              { status: to },
              {
                onSuccess: () => toast(t(`moves.done.${to}`)),
                onError: (error) => toast(describeError(error), 'danger'),
              },
            )
          }
        >
          {campaign.status === 'paused' && to === 'active' ? t('moves.resume') : t(`moves.${to}`)}
        </Button>
      ))}
    </fieldset>
  );
}
