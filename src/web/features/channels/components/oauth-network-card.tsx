import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Trans, useTranslation } from 'react-i18next';
import { z } from 'zod';
import { type OAuthNetwork, saveOAuthAppBodySchema } from '#shared/oauth.schema.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Card } from '#web/components/ui/card.js';
import { TextField } from '#web/components/ui/field.js';
import { useToast } from '#web/components/ui/toast.js';
import { describeError } from '#web/lib/error-messages.js';
import { applyServerErrors } from '#web/lib/form-errors.js';
import { zodResolver } from '#web/lib/form-resolver.js';
import { useOAuthApp, useStartOAuth } from '../api/oauth.js';
import './channels.css';

interface OAuthNetworkCardProps {
  businessId: string;
  network: OAuthNetwork;
  /** Test seam: where the browser goes for the network's consent page. */
  go?: (url: string) => void;
}

/**
 * Connecting a network through OAuth: the redirect URL to register with the network's app, the app's
 * credentials when the server has none, and the button that sends the person to the network's page.
 */
export function OAuthNetworkCard({ businessId, network, go }: OAuthNetworkCardProps) {
  const start = useStartOAuth(businessId, go);
  const { clear } = useOAuthApp(businessId, network.network);
  const toast = useToast();
  const { t } = useTranslation('channels');
  const hasApp = network.app_source !== null;
  return (
    <Card
      title={t('oauth.title', { network: network.name })}
      description={t('oauth.description', { network: network.name, scopes: network.scopes.join(', ') })}
    >
      <div className="stack">
        <RedirectUrl url={network.redirect_url} name={network.name} />
        {network.app_source === 'instance' && (
          <p className="muted">{t('oauth.instanceApp', { network: network.name })}</p>
        )}
        {network.workspace_app && (
          <div className="row">
            <span className="muted">
              <Trans
                t={t}
                i18nKey={
                  network.workspace_app.has_secret ? 'oauth.workspaceAppSecret' : 'oauth.workspaceAppPublic'
                }
                values={{ clientId: network.workspace_app.client_id }}
                components={{ code: <code /> }}
              />
            </span>
            <Button
              size="sm"
              variant="ghost"
              loading={clear.isPending}
              onClick={() =>
                clear.mutate(undefined, {
                  onSuccess: () => toast(t('oauth.appRemoved', { network: network.name })),
                  onError: (error) => toast(describeError(error), 'danger'),
                })
              }
            >
              {t('oauth.removeApp')}
            </Button>
          </div>
        )}
        {!hasApp && <OAuthAppForm businessId={businessId} network={network} />}
        {start.isError && <Banner tone="danger">{describeError(start.error)}</Banner>}
        <div className="row">
          <Button
            variant="primary"
            disabled={!hasApp}
            loading={start.isPending}
            onClick={() => start.mutate({ network: network.network })}
          >
            {t('oauth.connect', { network: network.name })}
          </Button>
        </div>
      </div>
    </Card>
  );
}

/** The address to paste into the network's app settings, with a copy button. */
function RedirectUrl({ url, name }: { url: string; name: string }) {
  const [copied, setCopied] = useState(false);
  const { t } = useTranslation('channels');
  return (
    <div className="oauth-redirect">
      <span className="oauth-redirect__label">{t('oauth.redirectUrl', { network: name })}</span>
      <div className="row">
        <code className="oauth-redirect__url">{url}</code>
        <Button
          size="sm"
          onClick={async () => {
            await navigator.clipboard?.writeText(url);
            setCopied(true);
          }}
          aria-label={t('oauth.copyRedirectUrl', { network: name })}
        >
          {copied ? t('oauth.copied') : t('oauth.copy')}
        </Button>
      </div>
    </div>
  );
}

const formSchema = saveOAuthAppBodySchema.omit({ business_id: true }).extend({
  // An empty field is a public client (PKCE only).
  client_secret: z.string().trim().max(500),
});
type FormInput = z.input<typeof formSchema>;
const FIELDS = ['client_id', 'client_secret'] as const;

/** The workspace's own app: its client ID and secret (the secret is sealed and never shown again). */
function OAuthAppForm({ businessId, network }: { businessId: string; network: OAuthNetwork }) {
  const { save } = useOAuthApp(businessId, network.network);
  const toast = useToast();
  const { t } = useTranslation('channels');
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, setError, formState } = useForm<
    FormInput,
    unknown,
    z.output<typeof formSchema>
  >({
    resolver: zodResolver(formSchema),
    defaultValues: { client_id: '', client_secret: '' },
  });
  const submit = handleSubmit(async (values) => {
    setFormError(undefined);
    try {
      await save.mutateAsync({ client_id: values.client_id, client_secret: values.client_secret || null });
      toast(t('oauth.appSaved', { network: network.name }));
    } catch (error) {
      setFormError(applyServerErrors(error, FIELDS, setError));
    }
  });
  return (
    <form
      className="stack"
      onSubmit={submit}
      noValidate
      aria-label={t('oauth.appForm', { network: network.name })}
    >
      <Banner tone="info">{t('oauth.noApp', { network: network.name })}</Banner>
      {formError && <Banner tone="danger">{formError}</Banner>}
      <div className="network-form__fields">
        <TextField
          label={t('oauth.clientId')}
          autoComplete="off"
          spellCheck={false}
          error={formState.errors.client_id?.message}
          {...register('client_id')}
        />
        <TextField
          label={t('oauth.clientSecret')}
          type="password"
          autoComplete="off"
          spellCheck={false}
          hint={t('oauth.clientSecretHint')}
          error={formState.errors.client_secret?.message}
          {...register('client_secret')}
        />
      </div>
      <div className="row">
        <Button type="submit" loading={formState.isSubmitting}>
          {t('oauth.saveApp')}
        </Button>
      </div>
    </form>
  );
}
