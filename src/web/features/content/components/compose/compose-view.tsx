import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Business } from '#shared/business.schema.js';
import { CHANNEL_IDS, type ChannelId } from '#shared/channel-ids.js';
import type { ComposeIntent, ComposePostResult } from '#shared/compose.schema.js';
import type { ContentMedia } from '#shared/content.schema.js';
import { can } from '#shared/roles.js';
import { localDate } from '#shared/zoned-time.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Card } from '#web/components/ui/card.js';
import { CheckboxField } from '#web/components/ui/checkbox-field.js';
import { SelectField, TextAreaField, TextField } from '#web/components/ui/field.js';
import { ApiError } from '#web/lib/api-error.js';
import { describeError } from '#web/lib/error-messages.js';
import { useComposePost } from '../../api/compose-post.js';
import { scheduledAtOf } from '../editor/editor-form-schema.js';
import { type ComposeDraft, checkVariant, requestOf, serverErrorsFor } from './compose-draft.js';
import { VariantPanel } from './variant-panel.js';
import '../channel-colors.css';
import '../content.css';
import './compose.css';
import { channelName } from '#web/lib/channel-name.js';

/** What the page's media picker gets: the composer keeps the list, the picker only adds to it. */
export interface MediaPickerSlot {
  open: boolean;
  excludeIds: ReadonlySet<string>;
  onClose: () => void;
  onPick: (items: ContentMedia[]) => void;
}

interface ComposeViewProps {
  business: Business;
  campaigns: readonly { id: string; name: string }[];
  /** The library picker (the media feature's), rendered by the page. */
  renderMediaPicker: (slot: MediaPickerSlot) => ReactNode;
}

/**
 * "New post": a brief, base text and media shared by every network picked, a tab per network with its
 * own text, counter, checks and preview, then all saved, sent for review or scheduled together.
 */
export function ComposeView({ business, campaigns, renderMediaPicker }: ComposeViewProps) {
  const { t } = useTranslation('content');
  const offered: readonly ChannelId[] =
    business.brand.channels.length > 0 ? business.brand.channels : CHANNEL_IDS;
  const [draft, setDraft] = useState<ComposeDraft>({
    title: '',
    brief: '',
    base: '',
    campaignId: '',
    channels: offered.slice(0, 3),
    variants: {},
    media: [],
    intent: 'draft',
    scheduledLocal: '',
  });
  const [active, setActive] = useState<ChannelId | undefined>(offered[0]);
  const [picking, setPicking] = useState(false);
  const compose = useComposePost(business.id);
  const tabsId = useId();
  const update = (patch: Partial<ComposeDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const mayPublish = can(business.role, 'content.approve');
  const intents: ComposeIntent[] = mayPublish
    ? ['draft', 'review', 'schedule', 'queue']
    : ['draft', 'review'];
  const current = active && draft.channels.includes(active) ? active : draft.channels[0];
  const fieldErrors = compose.error instanceof ApiError ? compose.error.fieldErrors : [];
  const blocked = draft.channels.filter((channel) => checkVariant(draft, channel).blocked);
  const missingTime = draft.intent === 'schedule' && !draft.scheduledLocal;

  const toggle = (channel: ChannelId, on: boolean) =>
    update({
      channels: on
        ? offered.filter((id) => id === channel || draft.channels.includes(id))
        : draft.channels.filter((id) => id !== channel),
    });
  const submit = () =>
    compose.mutate(requestOf(draft, scheduledAtOf(draft.scheduledLocal, business.time_zone)));

  if (compose.isSuccess) {
    return (
      <ComposeDone result={compose.data} timeZone={business.time_zone} onAnother={() => compose.reset()} />
    );
  }

  return (
    <form
      className="stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Card title={t('compose.post')} description={t('compose.postDescription')}>
        <div className="stack">
          <TextField
            label={t('compose.title')}
            maxLength={200}
            value={draft.title}
            hint={t('compose.titleHint')}
            onChange={(event) => update({ title: event.target.value })}
          />
          <TextAreaField
            label={t('compose.brief')}
            rows={2}
            maxLength={500}
            value={draft.brief}
            hint={t('compose.briefHint')}
            onChange={(event) => update({ brief: event.target.value })}
          />
          <TextAreaField
            label={t('compose.base')}
            rows={4}
            value={draft.base}
            hint={t('compose.baseHint')}
            onChange={(event) => update({ base: event.target.value })}
          />
          {campaigns.length > 0 && (
            <SelectField
              label={t('compose.campaign')}
              value={draft.campaignId}
              onChange={(event) => update({ campaignId: event.target.value })}
            >
              <option value="">{t('compose.noCampaign')}</option>
              {campaigns.map((campaign) => (
                <option key={campaign.id} value={campaign.id}>
                  {campaign.name}
                </option>
              ))}
            </SelectField>
          )}
          <fieldset className="compose-channels">
            <legend>{t('compose.networks')}</legend>
            {offered.map((channel) => (
              <CheckboxField
                key={channel}
                label={channelName(channel)}
                checked={draft.channels.includes(channel)}
                onChange={(event) => toggle(channel, event.target.checked)}
              />
            ))}
          </fieldset>
          <div className="stack">
            <h3 className="compose-subtitle">{t('compose.media')}</h3>
            {draft.media.length === 0 ? (
              <p className="muted">{t('compose.noMedia')}</p>
            ) : (
              <ul className="compose-media" aria-label={t('compose.attachedMedia')}>
                {draft.media.map((item) => (
                  <li key={item.id} className="row">
                    <span>{item.name}</span>
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => update({ media: draft.media.filter((other) => other.id !== item.id) })}
                    >
                      {t('compose.removeMedia', { name: item.name })}
                    </Button>
                  </li>
                ))}
              </ul>
            )}
            <div className="row">
              <Button onClick={() => setPicking(true)}>{t('compose.addMedia')}</Button>
            </div>
          </div>
        </div>
      </Card>

      {current && (
        <Card title={t('compose.perNetwork')} description={t('compose.perNetworkDescription')}>
          <div className="compose-tabs" role="tablist" aria-label={t('compose.networks')}>
            {draft.channels.map((channel) => {
              const selected = channel === current;
              const broken = blocked.includes(channel) || serverErrorsFor(fieldErrors, channel).length > 0;
              return (
                <button
                  key={channel}
                  type="button"
                  role="tab"
                  id={`${tabsId}-${channel}`}
                  aria-selected={selected}
                  aria-controls={`${tabsId}-${channel}-panel`}
                  tabIndex={selected ? 0 : -1}
                  className={`compose-tab channel--${channel}${selected ? ' compose-tab--active' : ''}`}
                  onClick={() => setActive(channel)}
                  onKeyDown={(event) => {
                    // Roving focus, as the ARIA tabs pattern: arrows move between networks, Tab leaves.
                    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
                    if (step === 0) return;
                    event.preventDefault();
                    const count = draft.channels.length;
                    const next = draft.channels[(draft.channels.indexOf(channel) + step + count) % count];
                    if (!next) return;
                    setActive(next);
                    document.getElementById(`${tabsId}-${next}`)?.focus();
                  }}
                >
                  {channelName(channel)}
                  {broken && <span className="compose-tab__flag"> {t('compose.needsChanges')}</span>}
                </button>
              );
            })}
          </div>
          <div role="tabpanel" id={`${tabsId}-${current}-panel`} aria-labelledby={`${tabsId}-${current}`}>
            <VariantPanel
              key={current}
              businessId={business.id}
              author={business.name}
              draft={draft}
              channel={current}
              serverErrors={serverErrorsFor(fieldErrors, current)}
              onChange={(variant) => update({ variants: { ...draft.variants, [current]: variant } })}
            />
          </div>
        </Card>
      )}

      <Card title={t('compose.when')}>
        <div className="stack">
          <fieldset className="compose-intents">
            <legend>{t('compose.whatToDo')}</legend>
            {intents.map((intent) => (
              <label key={intent} className="compose-intent">
                <input
                  type="radio"
                  name="intent"
                  value={intent}
                  checked={draft.intent === intent}
                  onChange={() => update({ intent })}
                />
                {t(`compose.intents.${intent}.label`)}
              </label>
            ))}
          </fieldset>
          {draft.intent !== 'queue' && (
            <TextField
              label={draft.intent === 'schedule' ? t('compose.publishAt') : t('compose.plannedFor')}
              type="datetime-local"
              value={draft.scheduledLocal}
              hint={t('compose.timeHint', { zone: business.time_zone.replaceAll('_', ' ') })}
              onChange={(event) => update({ scheduledLocal: event.target.value })}
            />
          )}
          {draft.intent === 'queue' && <p className="muted">{t('compose.queueHint')}</p>}
        </div>
      </Card>

      {compose.isError && <Banner tone="danger">{describeError(compose.error)}</Banner>}
      <div className="row">
        <Button
          type="submit"
          variant="primary"
          loading={compose.isPending}
          disabled={draft.channels.length === 0 || blocked.length > 0 || missingTime}
        >
          {t('compose.submit', {
            action: t(`compose.intents.${draft.intent}.submit`),
            networks: draft.channels.length,
          })}
        </Button>
        {blocked.length > 0 && (
          <p className="muted">
            {t('compose.fixFirst', {
              networks: blocked.map((channel) => channelName(channel)).join(', '),
            })}
          </p>
        )}
      </div>
      {renderMediaPicker({
        open: picking,
        excludeIds: new Set(draft.media.map((item) => item.id)),
        onClose: () => setPicking(false),
        onPick: (items) => {
          setPicking(false);
          update({ media: [...draft.media, ...items] });
        },
      })}
    </form>
  );
}

/** After saving: each variant with a link to it, and where to see them together. */
function ComposeDone({
  result,
  timeZone,
  onAnother,
}: {
  result: ComposePostResult;
  timeZone: string;
  onAnother: () => void;
}) {
  const { t } = useTranslation('content');
  const first = result.items[0];
  const count = result.items.length;
  const day = first?.scheduled_at ? `?date=${localDate(first.scheduled_at, timeZone)}` : '';
  return (
    <Card title={t('compose.saved')}>
      <div className="stack">
        <p>
          {first?.status === 'scheduled'
            ? t('compose.doneScheduled', { count })
            : first?.status === 'in_review'
              ? t('compose.doneReview', { count })
              : t('compose.doneDrafts', { count })}
        </p>
        <ul className="compose-saved">
          {result.items.map((item) => (
            <li key={item.id}>
              <Link to={`../content/${item.id}`} relative="path">
                {channelName(item.channel)}
              </Link>
            </li>
          ))}
        </ul>
        <div className="row">
          <Link to={`../calendar${day}`} relative="path" className="button button--secondary button--md">
            {t('compose.seeCalendar')}
          </Link>
          <Button onClick={onAnother}>{t('compose.another')}</Button>
        </div>
      </div>
    </Card>
  );
}
