import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { NETWORK_IDS, NETWORK_NAMES, type NetworkId } from '#shared/network.schema.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Dialog } from '#web/components/ui/dialog.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { useToast } from '#web/components/ui/toast.js';
import { describeError } from '#web/lib/error-messages.js';
import { useCompleteOAuthPick, useOAuthPick } from '../api/oauth.js';
import './channels.css';

/**
 * How an OAuth connection ended, from the query the callback redirected here with: `connected` (a toast),
 * `failed` (the reason, in a banner), or `pick` (the accounts the login manages, to pick one). The query is
 * dropped once read, so a reload does not say it again.
 */
export function OAuthOutcome({ businessId }: { businessId: string }) {
  const [params, setParams] = useSearchParams();
  const toast = useToast();
  const { t } = useTranslation('channels');
  const outcome = params.get('oauth');
  const networkParam = params.get('network');
  const network = NETWORK_IDS.find((id) => id === networkParam);
  const [failure, setFailure] = useState<string>();
  const [picking, setPicking] = useState<{ flowId: string; network: NetworkId | undefined }>();

  useEffect(() => {
    if (!outcome) return;
    const name = network ? NETWORK_NAMES[network] : undefined;
    if (outcome === 'connected')
      toast(name ? t('outcome.connected', { network: name }) : t('outcome.connectedSomewhere'));
    if (outcome === 'failed')
      setFailure(
        params.get('message') ??
          (name ? t('outcome.failed', { network: name }) : t('outcome.failedSomewhere')),
      );
    const flowId = params.get('flow');
    if (outcome === 'pick' && flowId) setPicking({ flowId, network });
    setParams({}, { replace: true });
  }, [outcome, network, params, setParams, toast, t]);

  return (
    <>
      {failure && (
        <Banner tone="danger" title={t('outcome.notConnected')}>
          {failure}
        </Banner>
      )}
      <PickDialog
        businessId={businessId}
        flowId={picking?.flowId}
        network={picking?.network}
        onClose={() => setPicking(undefined)}
      />
    </>
  );
}

interface PickDialogProps {
  businessId: string;
  flowId: string | undefined;
  network: NetworkId | undefined;
  onClose: () => void;
}

/** The accounts (Pages, organizations, locations) a login can publish as: the person picks one. */
function PickDialog({ businessId, flowId, network, onClose }: PickDialogProps) {
  const pick = useOAuthPick(businessId, flowId);
  const complete = useCompleteOAuthPick(businessId);
  const toast = useToast();
  const { t } = useTranslation('channels');
  const [chosen, setChosen] = useState<string>();
  const close = () => {
    setChosen(undefined);
    complete.reset();
    onClose();
  };
  return (
    <Dialog
      open={flowId !== undefined}
      onClose={close}
      title={
        network
          ? t('outcome.pickTitle', { network: NETWORK_NAMES[network] })
          : t('outcome.pickTitleSomewhere')
      }
      description={t('outcome.pickDescription')}
      footer={
        <>
          <Button variant="ghost" onClick={close}>
            {t('outcome.cancel')}
          </Button>
          <Button
            variant="primary"
            disabled={!chosen}
            loading={complete.isPending}
            onClick={() =>
              flowId &&
              chosen &&
              complete.mutate(
                { flowId, targetId: chosen },
                {
                  onSuccess: (account) => {
                    toast(t('outcome.picked', { account: account.display_name || account.handle }));
                    close();
                  },
                },
              )
            }
          >
            {t('outcome.connect')}
          </Button>
        </>
      }
    >
      {pick.isPending && flowId && <Spinner label={t('outcome.loading')} />}
      {pick.isError && <Banner tone="danger">{describeError(pick.error)}</Banner>}
      {complete.isError && <Banner tone="danger">{describeError(complete.error)}</Banner>}
      {pick.data && (
        // No pictures here: the network's picture addresses are on its hosts, which the CSP does not allow,
        // and we keep (and serve) the avatar of the account once it is connected, not of every candidate.
        <fieldset className="oauth-targets">
          <legend className="visually-hidden">{t('outcome.accounts')}</legend>
          {pick.data.targets.map((target) => (
            <label key={target.id} className="oauth-targets__option">
              <input
                type="radio"
                name="oauth-target"
                value={target.id}
                checked={chosen === target.id}
                onChange={() => setChosen(target.id)}
              />
              <span>{target.name}</span>
            </label>
          ))}
        </fieldset>
      )}
    </Dialog>
  );
}
