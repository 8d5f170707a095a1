import { type FormEvent, useState } from 'react';
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
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Share the calendar"
      footer={
        <Button variant="primary" onClick={onClose}>
          Done
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
  const feeds = useCalendarFeeds(business.id);
  const create = useCreateCalendarFeed(business.id);
  const revoke = useRevokeCalendarFeed(business.id);
  const active = (feeds.data?.items ?? []).filter((feed) => feed.revoked_at === null);
  return (
    <section className="share-section" aria-labelledby="share-feed">
      <h3 id="share-feed">Subscribe in a calendar app</h3>
      <p className="muted">
        Scheduled and published posts appear in Google Calendar, Outlook or Apple Calendar. Anyone with the
        URL can read the calendar: keep it private, and revoke it if it leaks.
      </p>
      {create.data ? (
        <>
          <CopyField label="Calendar feed URL" value={absolute(create.data.url)} />
          <p className="muted">This is the only time the URL is shown.</p>
        </>
      ) : (
        <Button onClick={() => create.mutate()} loading={create.isPending}>
          Create a feed URL
        </Button>
      )}
      {create.isError && <Banner tone="danger">{describeError(create.error)}</Banner>}
      {active.length > 0 && (
        <ul className="share-list" aria-label="Active calendar feeds">
          {active.map((feed) => (
            <li key={feed.id}>
              <span>Feed created {formatDateTime(feed.created_at)}</span>
              <Button
                size="sm"
                variant="danger"
                aria-label={`Revoke the feed created ${formatDateTime(feed.created_at)}`}
                loading={revoke.isPending && revoke.variables === feed.id}
                onClick={() => revoke.mutate(feed.id)}
              >
                Revoke
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
  const today = todayIn(business.time_zone);
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(addDays(today, 30));
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  const download = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (to < from) {
      setError('The last day must not be before the first.');
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
      <h3 id="share-csv">Download as CSV</h3>
      <form className="share-section__row" onSubmit={download}>
        <TextField
          label="First day"
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          required
        />
        <TextField label="Last day" type="date" value={to} onChange={(e) => setTo(e.target.value)} required />
        <Button type="submit" loading={pending}>
          Download CSV
        </Button>
      </form>
      {error && <Banner tone="danger">{error}</Banner>}
    </section>
  );
}

function ReviewLinkSection({ business }: { business: Business }) {
  const links = useReviewLinks(business.id);
  const create = useCreateReviewLink(business.id);
  const revoke = useRevokeReviewLink(business.id);
  const [label, setLabel] = useState('');
  const [days, setDays] = useState<(typeof REVIEW_LINK_DAYS)[number]>(7);
  const now = Date.now();
  const labelError =
    create.error instanceof ApiError
      ? create.error.fieldErrors.find((field) => field.path === 'body.label')?.message
      : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ label, expires_in_days: days }, { onSuccess: () => setLabel('') });
  };
  return (
    <section className="share-section" aria-labelledby="share-review">
      <h3 id="share-review">Review link for a client</h3>
      <p className="muted">
        A read-only page of the calendar, no account needed. It shows what is in review, approved, scheduled
        or published, and stops working when it expires or you revoke it.
      </p>
      <form className="share-section__row" onSubmit={submit}>
        <TextField
          label="Who it is for"
          value={label}
          onChange={(event) => setLabel(event.target.value)}
          error={labelError}
          maxLength={120}
          required
        />
        <SelectField
          label="Expires after"
          value={String(days)}
          onChange={(event) => setDays(Number(event.target.value) as (typeof REVIEW_LINK_DAYS)[number])}
        >
          {REVIEW_LINK_DAYS.map((option) => (
            <option key={option} value={option}>
              {option} days
            </option>
          ))}
        </SelectField>
        <Button type="submit" loading={create.isPending}>
          Create link
        </Button>
      </form>
      {create.isError && !labelError && <Banner tone="danger">{describeError(create.error)}</Banner>}
      {create.data && (
        <>
          <CopyField label={`Review link for ${create.data.label}`} value={absolute(create.data.url)} />
          <p className="muted">This is the only time the link is shown.</p>
        </>
      )}
      {(links.data?.items.length ?? 0) > 0 && (
        <ul className="share-list" aria-label="Review links">
          {links.data?.items.map((link) => {
            const state = link.revoked_at
              ? `revoked ${formatDate(link.revoked_at)}`
              : Date.parse(link.expires_at) <= now
                ? `expired ${formatDate(link.expires_at)}`
                : `expires ${formatDate(link.expires_at)}`;
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
                    aria-label={`Revoke the link for ${link.label}`}
                    loading={revoke.isPending && revoke.variables === link.id}
                    onClick={() => revoke.mutate(link.id)}
                  >
                    Revoke
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
