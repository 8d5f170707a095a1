import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Business } from '#shared/business.schema.js';
import { REVIEW_LINK_DAYS } from '#shared/review-links.schema.js';
import { can } from '#shared/roles.js';
import { addDays, startOfDay, todayIn } from '#shared/zoned-time.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Dialog } from '#web/components/ui/dialog.js';
import { SelectField, TextField } from '#web/components/ui/field.js';
import {
  fetchCalendarCsv,
  useCalendarFeeds,
  useCreateCalendarFeed,
  useCreateReviewLink,
  useReviewLinks,
  useRevokeCalendarFeed,
  useRevokeReviewLink,
} from '#web/features/content/api/calendar-sharing.js';
import { ApiError } from '#web/lib/api-error.js';
import { describeError } from '#web/lib/error-messages.js';
import { formatDate, formatDateTime } from '#web/lib/format-date.js';
import { CopyField } from './copy-field.js';
import './sharing.css';
import { translateFieldMessage } from '#web/lib/field-messages.js';

interface ShareCalendarDialogProps {
  business: Business;
  open: boolean;
  onClose: () => void;
}

/**
 * Sharing the calendar: a feed URL for calendar apps, a CSV download of a range, and read-only review links
 * for clients. Each section shows only to the roles the server lets do it.
 */
export function ShareCalendarDialog({ business, open, onClose }: ShareCalendarDialogProps) {
  const { t } = useTranslation('content');
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('share.title')}
      footer={
        <Button variant="primary" onClick={onClose}>
          {t('share.done')}
        </Button>
      }
    >
      {open && (
        <>
          {can(business.role, 'content.write') && <FeedSection business={business} />}
          <CsvSection business={business} />
          {can(business.role, 'content.approve') && <ReviewLinkSection business={business} />}
        </>
      )}
    </Dialog>
  );
}

const absolute = (path: string) => new URL(path, window.location.origin).toString();

function FeedSection({ business }: { business: Business }) {
  const { t } = useTranslation('content');
  const feeds = useCalendarFeeds(business.id);
  const create = useCreateCalendarFeed(business.id);
  const revoke = useRevokeCalendarFeed(business.id);
  const active = (feeds.data?.items ?? []).filter((feed) => feed.revoked_at === null);
  return (
    <section className="share-section" aria-labelledby="share-feed">
      <h3 id="share-feed">{t('share.feedTitle')}</h3>
      <p className="muted">{t('share.feedText')}</p>
      {create.data ? (
        <>
          <CopyField label={t('share.feedUrl')} value={absolute(create.data.url)} />
          <p className="muted">{t('share.urlShownOnce')}</p>
        </>
      ) : (
        <Button onClick={() => create.mutate()} loading={create.isPending}>
          {t('share.createFeed')}
        </Button>
      )}
      {create.isError && <Banner tone="danger">{describeError(create.error)}</Banner>}
      {active.length > 0 && (
        <ul className="share-list" aria-label={t('share.activeFeeds')}>
          {active.map((feed) => (
            <li key={feed.id}>
              <span>{t('share.feedCreated', { date: formatDateTime(feed.created_at) })}</span>
              <Button
                size="sm"
                variant="danger"
                aria-label={t('share.revokeFeed', { date: formatDateTime(feed.created_at) })}
                loading={revoke.isPending && revoke.variables === feed.id}
                onClick={() => revoke.mutate(feed.id)}
              >
                {t('share.revoke')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {revoke.isError && <Banner tone="danger">{describeError(revoke.error)}</Banner>}
    </section>
  );
}

function CsvSection({ business }: { business: Business }) {
  const { t } = useTranslation('content');
  const today = todayIn(business.time_zone);
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(addDays(today, 30));
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  const download = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (to < from) {
      setError(t('share.badRange'));
      return;
    }
    setPending(true);
    try {
      const blob = await fetchCalendarCsv(
        business.id,
        startOfDay(from, business.time_zone),
        startOfDay(addDays(to, 1), business.time_zone),
      );
      const url = URL.createObjectURL(blob);
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = `calendar-${from}-to-${to}.csv`;
      anchor.click();
      URL.revokeObjectURL(url);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setPending(false);
    }
  };
  return (
    <section className="share-section" aria-labelledby="share-csv">
      <h3 id="share-csv">{t('share.csvTitle')}</h3>
      <form className="share-section__row" onSubmit={download}>
        <TextField
          label={t('share.firstDay')}
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          required
        />
        <TextField
          label={t('share.lastDay')}
          type="date"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          required
        />
        <Button type="submit" loading={pending}>
          {t('share.downloadCsv')}
        </Button>
      </form>
      {error && <Banner tone="danger">{error}</Banner>}
    </section>
  );
}

function ReviewLinkSection({ business }: { business: Business }) {
  const { t } = useTranslation('content');
  const links = useReviewLinks(business.id);
  const create = useCreateReviewLink(business.id);
  const revoke = useRevokeReviewLink(business.id);
  const [label, setLabel] = useState('');
  const [days, setDays] = useState<(typeof REVIEW_LINK_DAYS)[number]>(7);
  const now = Date.now();
  const labelError =
    create.error instanceof ApiError
      ? create.error.fieldErrors
          .filter((field) => field.path === 'body.label')
          .map((field) => translateFieldMessage(field.message))[0]
      : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ label, expires_in_days: days }, { onSuccess: () => setLabel('') });
  };
  return (
    <section className="share-section" aria-labelledby="share-review">
      <h3 id="share-review">{t('share.reviewTitle')}</h3>
      <p className="muted">{t('share.reviewText')}</p>
      <form className="share-section__row" onSubmit={submit}>
        <TextField
          label={t('share.whoFor')}
          value={label}
          onChange={(event) => setLabel(event.target.value)}
          error={labelError}
          maxLength={120}
          required
        />
        <SelectField
          label={t('share.expiresAfter')}
          value={String(days)}
          onChange={(event) => setDays(Number(event.target.value) as (typeof REVIEW_LINK_DAYS)[number])}
        >
          {REVIEW_LINK_DAYS.map((option) => (
            <option key={option} value={option}>
              {t('share.days', { count: option })}
            </option>
          ))}
        </SelectField>
        <Button type="submit" loading={create.isPending}>
          {t('share.createLink')}
        </Button>
      </form>
      {create.isError && !labelError && <Banner tone="danger">{describeError(create.error)}</Banner>}
      {create.data && (
        <>
          <CopyField
            label={t('share.reviewLinkFor', { label: create.data.label })}
            value={absolute(create.data.url)}
          />
          <p className="muted">{t('share.linkShownOnce')}</p>
        </>
      )}
      {(links.data?.items.length ?? 0) > 0 && (
        <ul className="share-list" aria-label={t('share.reviewLinks')}>
          {links.data?.items.map((link) => {
            const state = link.revoked_at
              ? t('share.revoked', { date: formatDate(link.revoked_at) })
              : Date.parse(link.expires_at) <= now
                ? t('share.expired', { date: formatDate(link.expires_at) })
                : t('share.expires', { date: formatDate(link.expires_at) });
            const active = !link.revoked_at && Date.parse(link.expires_at) > now;
            return (
              <li key={link.id}>
                <span>
                  {link.label} <span className="muted">· {state}</span>
                </span>
                {active && (
                  <Button
                    size="sm"
                    variant="danger"
                    aria-label={t('share.revokeLink', { label: link.label })}
                    loading={revoke.isPending && revoke.variables === link.id}
                    onClick={() => revoke.mutate(link.id)}
                  >
                    {t('share.revoke')}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {revoke.isError && <Banner tone="danger">{describeError(revoke.error)}</Banner>}
    </section>
  );
}
