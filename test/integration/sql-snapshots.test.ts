import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DB } from '#server/db/schema.js';
import { createRepositories, type Repositories } from '#server/repositories/index.js';

// Every repository method's SQL, compiled for PostgreSQL, is checked in under src/server/db/queries/, so a
// reviewer sees each query change as a SQL diff. `npx vitest run --project integration -u test/integration/sql-snapshots.test.ts` rewrites the files after a deliberate change.

const BUSINESS = '01900000-0000-7000-8000-000000000001';
const USER = '01900000-0000-7000-8000-000000000002';
const OTHER = '01900000-0000-7000-8000-000000000003';
const AT = '2026-01-01T00:00:00.000Z';

type Call = [name: string, run: (repos: Repositories) => Promise<unknown>];

const CALLS: Record<string, Call[]> = {
  'statistics.repository': [['refresh', (r) => r.statistics.refresh(['messages', 'conversations'])]],
  'content-media.repository': [
    ['forItems', (r) => r.contentMedia.forItems(BUSINESS, [USER, OTHER])],
    ['replace', (r) => r.contentMedia.replace(BUSINESS, USER, [OTHER, BUSINESS], AT)],
    ['replace (to none)', (r) => r.contentMedia.replace(BUSINESS, USER, [], AT)],
    ['usesOf', (r) => r.contentMedia.usesOf(BUSINESS, OTHER, 5)],
    ['countUses', (r) => r.contentMedia.countUses(BUSINESS, OTHER)],
  ],
  'media.repository': [
    ['businessIdOf', (r) => r.media.businessIdOf(OTHER)],
    ['find', (r) => r.media.find(BUSINESS, OTHER)],
    ['findMany', (r) => r.media.findMany(BUSINESS, [OTHER, USER])],
    ['page', (r) => r.media.page(BUSINESS, { limit: 51 })],
    [
      'page (search, tag, kind, after)',
      (r) =>
        r.media.page(BUSINESS, {
          q: 'loaf',
          tag: 'bakery',
          kind: 'image',
          limit: 51,
          after: { createdAt: AT, id: OTHER },
        }),
    ],
    ['storedBytes', (r) => r.media.storedBytes(BUSINESS)],
    [
      'insert',
      (r) =>
        r.media.insert({
          id: OTHER,
          business_id: BUSINESS,
          kind: 'image',
          name: 'a.jpg',
          mime_type: 'image/jpeg',
          size_bytes: 1,
          stored_bytes: 1,
          status: 'processing',
          failure: null,
          note: null,
          width: 1,
          height: 1,
          video: null,
          focal_x: 0.5,
          focal_y: 0.5,
          alt_text: '',
          tags: '[]',
          renditions: '[]',
          created_by: USER,
          created_at: AT,
          updated_at: AT,
        }),
    ],
    ['update', (r) => r.media.update(BUSINESS, OTHER, { alt_text: 'x', updated_at: AT })],
    ['update (from status)', (r) => r.media.update(BUSINESS, OTHER, { status: 'ready' }, 'processing')],
    ['delete', (r) => r.media.delete(BUSINESS, OTHER)],
    ['existingIds', (r) => r.media.existingIds([OTHER])],
    ['stuckProcessing', (r) => r.media.stuckProcessing(AT, 100)],
  ],
  'user.repository': [
    ['findById', (r) => r.users.findById(USER)],
    ['findByEmail', (r) => r.users.findByEmail('ada@example.com')],
    [
      'insert',
      (r) =>
        r.users.insert({
          id: USER,
          email: 'ada@example.com',
          name: 'Ada',
          password_hash: 'h',
          created_at: AT,
          updated_at: AT,
        }),
    ],
    ['update', (r) => r.users.update(USER, { name: 'Ada L', updated_at: AT })],
    ['updatePasswordHash', (r) => r.users.updatePasswordHash(USER, 'h2', AT)],
    ['count', (r) => r.users.count()],
    ['lockAgainstNewAccounts', (r) => r.users.lockAgainstNewAccounts()],
  ],
  'refresh-token.repository': [
    [
      'insert',
      (r) =>
        r.refreshTokens.insert({
          id: OTHER,
          user_id: USER,
          token_hash: 'h',
          family_id: BUSINESS,
          expires_at: AT,
          created_at: AT,
        }),
    ],
    ['findByHash', (r) => r.refreshTokens.findByHash('h')],
    ['markRotated', (r) => r.refreshTokens.markRotated(OTHER, BUSINESS, AT)],
    ['revokeFamily', (r) => r.refreshTokens.revokeFamily(BUSINESS, AT)],
    ['revokeAllForUser', (r) => r.refreshTokens.revokeAllForUser(USER, AT)],
    ['isFamilyLive', (r) => r.refreshTokens.isFamilyLive(BUSINESS, AT)],
    ['deleteExpired', (r) => r.refreshTokens.deleteExpired(AT)],
  ],
  'business.repository': [
    ['listForUser', (r) => r.businesses.listForUser(USER)],
    ['findForMember', (r) => r.businesses.findForMember(BUSINESS, USER)],
    ['findById', (r) => r.businesses.findById(BUSINESS)],
    [
      'insert',
      (r) =>
        r.businesses.insert({
          id: BUSINESS,
          name: 'Acme',
          industry: null,
          description: null,
          website: null,
          time_zone: 'UTC',
          locale: 'en',
          created_at: AT,
          updated_at: AT,
        }),
    ],
    ['update', (r) => r.businesses.update(BUSINESS, { name: 'Acme 2', updated_at: AT })],
    ['timeZones', (r) => r.businesses.timeZones({ limit: 500 })],
    ['timeZones (after)', (r) => r.businesses.timeZones({ limit: 500, afterId: BUSINESS })],
    ['delete', (r) => r.businesses.delete(BUSINESS)],
    ['lockForWrites', (r) => r.businesses.lockForWrites(BUSINESS)],
  ],
  'notification.repository': [
    [
      'insertMany',
      (r) =>
        r.notifications.insertMany([
          {
            id: OTHER,
            business_id: BUSINESS,
            user_id: USER,
            kind: 'review_requested',
            title: 'Ada asked for a review',
            body: 'A post waits.',
            link: '/w/b/content/c',
            subject_id: null,
            facts: null,
            read_at: null,
            email_status: 'pending',
            created_at: AT,
          },
        ]),
    ],
    ['page', (r) => r.notifications.page(BUSINESS, USER, { limit: 21 })],
    [
      'page (unread, after)',
      (r) =>
        r.notifications.page(BUSINESS, USER, {
          limit: 21,
          unreadOnly: true,
          after: { createdAt: AT, id: OTHER },
        }),
    ],
    ['find', (r) => r.notifications.find(BUSINESS, USER, OTHER)],
    ['findPendingEmail', (r) => r.notifications.findPendingEmail(BUSINESS, OTHER)],
    ['countUnread', (r) => r.notifications.countUnread(BUSINESS, USER)],
    ['markRead', (r) => r.notifications.markRead(BUSINESS, USER, OTHER, AT)],
    ['markAllRead', (r) => r.notifications.markAllRead(BUSINESS, USER, AT)],
    ['settleEmail', (r) => r.notifications.settleEmail(BUSINESS, OTHER, 'sent')],
    ['pendingEmails', (r) => r.notifications.pendingEmails(AT, AT, 1000)],
    ['preferences', (r) => r.notifications.preferences(BUSINESS, USER)],
    ['emailChoices', (r) => r.notifications.emailChoices(BUSINESS, 'content_approved', [USER, OTHER])],
    ['savePreference', (r) => r.notifications.savePreference(BUSINESS, USER, 'weekly_digest', false, AT)],
    ['claimMark', (r) => r.notifications.claimMark(BUSINESS, 'ai_budget:2026-01:80', AT)],
  ],
  'two-factor.repository': [
    ['findCredential', (r) => r.twoFactor.findCredential(USER)],
    ['savePending', (r) => r.twoFactor.savePending(USER, 'v1.sealed', AT)],
    ['enable', (r) => r.twoFactor.enable(USER, 60_000_000, AT)],
    ['claimStep', (r) => r.twoFactor.claimStep(USER, 60_000_001, AT)],
    ['deleteAll', (r) => r.twoFactor.deleteAll(USER)],
    ['replaceRecoveryCodes', (r) => r.twoFactor.replaceRecoveryCodes(USER, ['digest-1', 'digest-2'], AT)],
    ['spendRecoveryCode', (r) => r.twoFactor.spendRecoveryCode(USER, 'digest-1', AT)],
    ['countUnusedRecoveryCodes', (r) => r.twoFactor.countUnusedRecoveryCodes(USER)],
    ['deleteCredential', (r) => r.twoFactor.deleteCredential(USER)],
  ],
  'passkey.repository': [
    ['listForUser', (r) => r.passkeys.listForUser(USER)],
    ['hasAny', (r) => r.passkeys.hasAny(USER)],
    ['findForUser', (r) => r.passkeys.findForUser(USER, OTHER)],
    ['findByCredentialId', (r) => r.passkeys.findByCredentialId(USER, 'Y3JlZGVudGlhbA')],
    [
      'insert',
      (r) =>
        r.passkeys.insert({
          id: OTHER,
          user_id: USER,
          credential_id: 'Y3JlZGVudGlhbA',
          public_key: 'cHVibGljLWtleQ',
          counter: 0,
          transports: '["internal"]',
          name: 'Laptop',
          created_at: AT,
          last_used_at: null,
        }),
    ],
    ['delete', (r) => r.passkeys.delete(USER, OTHER)],
    ['recordUse', (r) => r.passkeys.recordUse(USER, OTHER, 4, 5, AT)],
    [
      'saveChallenge',
      (r) =>
        r.passkeys.saveChallenge({
          challenge_hash: 'digest',
          user_id: USER,
          purpose: 'sign_in',
          expires_at: AT,
        }),
    ],
    ['consumeChallenge', (r) => r.passkeys.consumeChallenge(USER, 'digest', 'sign_in', AT)],
    ['deleteExpiredChallenges', (r) => r.passkeys.deleteExpiredChallenges(AT)],
  ],
  'membership.repository': [
    ['findRole', (r) => r.memberships.findRole(BUSINESS, USER)],
    ['findAccess', (r) => r.memberships.findAccess(BUSINESS, USER)],
    ['list', (r) => r.memberships.list(BUSINESS)],
    ['find', (r) => r.memberships.find(BUSINESS, USER)],
    ['insert', (r) => r.memberships.insert(BUSINESS, USER, 'editor', AT)],
    ['updateRole', (r) => r.memberships.updateRole(BUSINESS, USER, 'viewer')],
    ['delete', (r) => r.memberships.delete(BUSINESS, USER)],
    ['countOwners', (r) => r.memberships.countOwners(BUSINESS)],
  ],
  'api-key.repository': [
    ['list', (r) => r.apiKeys.list(BUSINESS)],
    ['find', (r) => r.apiKeys.find(BUSINESS, OTHER)],
    [
      'insert',
      (r) =>
        r.apiKeys.insert({
          id: OTHER,
          business_id: BUSINESS,
          name: 'Zapier',
          prefix: 'mcc_abcdefgh',
          key_hash: 'h',
          role: 'editor',
          created_by: USER,
          created_at: AT,
        }),
    ],
    ['revoke', (r) => r.apiKeys.revoke(BUSINESS, OTHER, AT)],
    ['findActiveByHash', (r) => r.apiKeys.findActiveByHash('h')],
    ['touchLastUsed', (r) => r.apiKeys.touchLastUsed(BUSINESS, OTHER, AT)],
  ],
  'audit-log.repository': [
    [
      'insert',
      (r) =>
        r.auditLog.insert({
          id: OTHER,
          business_id: BUSINESS,
          actor_user_id: USER,
          actor_api_key_id: null,
          action: 'member.added',
          target: USER,
          details: '{}',
          created_at: AT,
        }),
    ],
    ['page', (r) => r.auditLog.page(BUSINESS, { limit: 51 })],
    ['page (after a cursor)', (r) => r.auditLog.page(BUSINESS, { limit: 51, before: OTHER })],
  ],
  'ai-call.repository': [
    [
      'insert',
      (r) =>
        r.aiCalls.insert({
          id: OTHER,
          business_id: BUSINESS,
          user_id: USER,
          task: 'writeContent',
          task_version: '1',
          provider: 'openai-compatible',
          model: 'gpt-4o-mini',
          prompt_tokens: 1,
          completion_tokens: 2,
          cost_micro_usd: 3,
          price_known: 1,
          estimated: 0,
          latency_ms: 4,
          attempts: 1,
          outcome: 'ok',
          error_code: null,
          error_message: null,
          error_diagnostics: null,
          created_at: AT,
        }),
    ],
    ['spentSince', (r) => r.aiCalls.spentSince(BUSINESS, AT)],
    ['totals', (r) => r.aiCalls.totals(BUSINESS, AT, AT)],
    ['totalsBy (day)', (r) => r.aiCalls.totalsBy(BUSINESS, AT, AT, 'day')],
    ['totalsBy (model)', (r) => r.aiCalls.totalsBy(BUSINESS, AT, AT, 'model')],
    ['page', (r) => r.aiCalls.page(BUSINESS, { limit: 51, before: OTHER, task: 'writeContent' })],
  ],
  'ai-budget-reservation.repository': [
    ['lockBudget', (r) => r.aiBudgetReservations.lockBudget(BUSINESS)],
    [
      'insertUnderLimit',
      (r) =>
        r.aiBudgetReservations.insertUnderLimit(
          { id: OTHER, businessId: BUSINESS, amountMicroUsd: 2_500, expiresAt: AT },
          { monthStart: AT, now: AT },
        ),
    ],
    [
      'growUnderLimit',
      (r) =>
        r.aiBudgetReservations.growUnderLimit(
          { id: OTHER, businessId: BUSINESS, byMicroUsd: 1_000 },
          { monthStart: AT, now: AT },
        ),
    ],
    ['delete', (r) => r.aiBudgetReservations.delete(BUSINESS, OTHER)],
    ['deleteLapsed', (r) => r.aiBudgetReservations.deleteLapsed(BUSINESS, AT)],
  ],
  'ai-settings.repository': [
    ['findBudget', (r) => r.aiSettings.findBudget(BUSINESS)],
    ['upsertBudget', (r) => r.aiSettings.upsertBudget(BUSINESS, 5_000_000, AT)],
    ['deleteBudget', (r) => r.aiSettings.deleteBudget(BUSINESS)],
    ['findProvider', (r) => r.aiSettings.findProvider(BUSINESS)],
    [
      'upsertProvider',
      (r) =>
        r.aiSettings.upsertProvider({
          business_id: BUSINESS,
          base_url: null,
          model: 'gpt-4o-mini',
          api_key_encrypted: 'v1.x',
          api_key_last4: 'abcd',
          updated_at: AT,
        }),
    ],
    ['deleteProvider', (r) => r.aiSettings.deleteProvider(BUSINESS)],
  ],
  'idempotency-key.repository': [
    [
      'insertIfAbsent',
      (r) =>
        r.idempotencyKeys.insertIfAbsent({
          id: OTHER,
          business_id: BUSINESS,
          credential: `user:${USER}`,
          idempotency_key: 'k',
          fingerprint: 'f',
          state: 'running',
          lock_token: 't',
          locked_until: AT,
          committed_at: null,
          response_status: null,
          response_headers: null,
          response_body: null,
          created_at: AT,
          expires_at: AT,
        }),
    ],
    ['find', (r) => r.idempotencyKeys.find({ businessId: BUSINESS, credential: `user:${USER}`, key: 'k' })],
    [
      'find (no workspace)',
      (r) => r.idempotencyKeys.find({ businessId: null, credential: `user:${USER}`, key: 'k' }),
    ],
    ['forgetIfExpired', (r) => r.idempotencyKeys.forgetIfExpired(OTHER, AT)],
    ['takeOver', (r) => r.idempotencyKeys.takeOver(OTHER, 't', 'u', AT, AT)],
    ['extendLease', (r) => r.idempotencyKeys.extendLease(OTHER, 't', AT)],
    ['markCommitted', (r) => r.idempotencyKeys.markCommitted(OTHER, 't', AT)],
    [
      'complete',
      (r) =>
        r.idempotencyKeys.complete(OTHER, 't', {
          response_status: 201,
          response_headers: '{}',
          response_body: 'sealed',
        }),
    ],
    ['release', (r) => r.idempotencyKeys.release(OTHER, 't')],
    ['deleteExpired', (r) => r.idempotencyKeys.deleteExpired(AT)],
  ],
  'job.repository': [
    [
      'insert',
      (r) =>
        r.jobs.insert({
          id: OTHER,
          business_id: BUSINESS,
          name: 'calendar.generate',
          payload: '{}',
          state: 'queued',
          max_attempts: 3,
          run_at: AT,
          idempotency_key: 'k',
          created_at: AT,
          updated_at: AT,
        }),
    ],
    ['find', (r) => r.jobs.find(BUSINESS, OTHER)],
    ['find (a system job)', (r) => r.jobs.find(null, OTHER)],
    ['findBusinessId', (r) => r.jobs.findBusinessId(OTHER)],
    ['findIdByIdempotencyKey', (r) => r.jobs.findIdByIdempotencyKey(BUSINESS, 'k')],
    ['page', (r) => r.jobs.page(BUSINESS, { limit: 51 })],
    [
      'page (by state, after a cursor)',
      (r) => r.jobs.page(BUSINESS, { limit: 51, before: OTHER, state: 'dead' }),
    ],
    ['claimDue', (r) => r.jobs.claimDue('worker-1', AT, AT, 4)],
    ['heartbeat', (r) => r.jobs.heartbeat(OTHER, 'worker-1', AT, AT)],
    ['updateProgress', (r) => r.jobs.updateProgress(OTHER, 'worker-1', 50, 'halfway', AT)],
    ['complete', (r) => r.jobs.complete(OTHER, 'worker-1', '{}', AT)],
    ['fail', (r) => r.jobs.fail(OTHER, 'worker-1', { state: 'failed', error: 'boom', runAt: AT, now: AT })],
    ['release', (r) => r.jobs.release(OTHER, 'worker-1', AT)],
    ['postpone', (r) => r.jobs.postpone(OTHER, 'worker-1', AT, AT)],
    ['retry', (r) => r.jobs.retry(BUSINESS, OTHER, AT)],
    ['cancel', (r) => r.jobs.cancel(BUSINESS, OTHER, AT)],
    ['deleteFinished', (r) => r.jobs.deleteFinished({ succeededBefore: AT, failedBefore: AT })],
    ['countByState', (r) => r.jobs.countByState()],
  ],
  'campaign.repository': [
    ['businessIdOf', (r) => r.campaigns.businessIdOf(OTHER)],
    ['find', (r) => r.campaigns.find(BUSINESS, OTHER)],
    [
      'page',
      (r) =>
        r.campaigns.page(BUSINESS, {
          status: 'active',
          from: '2026-01-01',
          to: '2026-03-31',
          sort: 'start_date',
          order: 'asc',
          limit: 51,
          after: { value: '2026-02-01', id: OTHER },
        }),
    ],
    [
      'page (by name, descending)',
      (r) => r.campaigns.page(BUSINESS, { sort: 'name', order: 'desc', limit: 51 }),
    ],
    [
      'insert',
      (r) =>
        r.campaigns.insert({
          id: OTHER,
          business_id: BUSINESS,
          name: 'Spring',
          objective: 'sales',
          channels: '["x"]',
          budget_minor: 100,
          currency: 'EUR',
          start_date: '2026-03-01',
          end_date: '2026-03-31',
          kpis: '[]',
          status: 'draft',
          created_by: USER,
          created_at: AT,
          updated_at: AT,
        }),
    ],
    ['update', (r) => r.campaigns.update(BUSINESS, OTHER, { name: 'Spring 2', updated_at: AT })],
    [
      'update (a status move)',
      (r) => r.campaigns.update(BUSINESS, OTHER, { status: 'active', updated_at: AT }, 'draft'),
    ],
    ['delete', (r) => r.campaigns.delete(BUSINESS, OTHER)],
  ],
  'content-item.repository': [
    ['businessIdOf', (r) => r.contentItems.businessIdOf(OTHER)],
    ['find', (r) => r.contentItems.find(BUSINESS, OTHER)],
    ['findMany', (r) => r.contentItems.findMany(BUSINESS, [OTHER, USER])],
    [
      'page (calendar range)',
      (r) =>
        r.contentItems.page(BUSINESS, {
          from: AT,
          to: '2026-02-01T00:00:00.000Z',
          channel: 'x',
          status: 'draft',
          campaignId: OTHER,
          pillar: 'Tips',
          limit: 51,
          after: { value: AT, id: OTHER },
        }),
    ],
    ['page (library)', (r) => r.contentItems.page(BUSINESS, { limit: 51, after: { value: '', id: OTHER } })],
    [
      'page (search)',
      (r) => r.contentItems.page(BUSINESS, { limit: 51, status: 'in_review', search: '50% off' }),
    ],
    ['countByStatus', (r) => r.contentItems.countByStatus(BUSINESS)],
    [
      'inStatus (latest failures)',
      (r) => r.contentItems.inStatus(BUSINESS, 'failed', { by: 'updated_at', direction: 'desc' }, 3),
    ],
    ['longestInReview', (r) => r.contentItems.longestInReview(BUSINESS, 3)],
    [
      'inStatus (next to go out)',
      (r) =>
        r.contentItems.inStatus(BUSINESS, 'scheduled', { by: 'scheduled_at', direction: 'asc', from: AT }, 3),
    ],
    ['withTitles', (r) => r.contentItems.withTitles(BUSINESS, ['Autumn loaf', 'Sourdough'])],
    [
      'insert',
      (r) =>
        r.contentItems.insert({
          id: OTHER,
          business_id: BUSINESS,
          campaign_id: null,
          channel: 'x',
          format: 'post',
          title: '',
          body: 'Hi',
          thread: '[]',
          hashtags: '[]',
          call_to_action: '',
          media_brief: '',
          preheader: '',
          pillar: null,
          scheduled_at: null,
          status: 'draft',
          variant_group: null,
          post_group: null,
          version: 1,
          ai_call_id: null,
          created_by: USER,
          updated_by: USER,
          created_at: AT,
          updated_at: AT,
        }),
    ],
    [
      'updateIfVersion',
      (r) => r.contentItems.updateIfVersion(BUSINESS, OTHER, 3, { body: 'Hey', updated_at: AT }),
    ],
    ['delete', (r) => r.contentItems.delete(BUSINESS, [OTHER], AT)],
    ['deletedAmong', (r) => r.contentItems.deletedAmong(BUSINESS, [OTHER])],
    ['restore', (r) => r.contentItems.restore(BUSINESS, [OTHER])],
    ['purgeDeletedBefore', (r) => r.contentItems.purgeDeletedBefore(AT)],
    ['unlinkCampaign', (r) => r.contentItems.unlinkCampaign(BUSINESS, OTHER, AT)],
  ],
  'content-history.repository': [
    [
      'insert',
      (r) =>
        r.contentHistory.insert([
          {
            id: USER,
            business_id: BUSINESS,
            content_item_id: OTHER,
            version: 2,
            actor_user_id: USER,
            action: 'approved',
            comment: null,
            snapshot: '{}',
            created_at: AT,
          },
        ]),
    ],
    ['page', (r) => r.contentHistory.page(BUSINESS, OTHER, { limit: 51, after: USER })],
    ['lastActor', (r) => r.contentHistory.lastActor(BUSINESS, OTHER, 'submitted')],
  ],
  'calendar-feed.repository': [
    ['list', (r) => r.calendarFeeds.list(BUSINESS)],
    [
      'insert',
      (r) =>
        r.calendarFeeds.insert({
          id: OTHER,
          business_id: BUSINESS,
          token_hash: 'h',
          created_by: USER,
          created_at: AT,
        }),
    ],
    ['revoke', (r) => r.calendarFeeds.revoke(BUSINESS, OTHER, AT)],
    ['findActiveByHash', (r) => r.calendarFeeds.findActiveByHash('h')],
    [
      'contentForExport (range)',
      (r) =>
        r.calendarFeeds.contentForExport(BUSINESS, {
          from: AT,
          to: '2027-01-01T00:00:00.000Z',
          statuses: ['draft', 'scheduled'],
          limit: 5000,
        }),
    ],
    ['contentForExport (library)', (r) => r.calendarFeeds.contentForExport(BUSINESS, { limit: 20001 })],
  ],
  'review-link.repository': [
    ['list', (r) => r.reviewLinks.list(BUSINESS)],
    [
      'insert',
      (r) =>
        r.reviewLinks.insert({
          id: OTHER,
          business_id: BUSINESS,
          token_hash: 'h',
          label: 'Client',
          created_by: USER,
          created_at: AT,
          expires_at: '2026-01-08T00:00:00.000Z',
        }),
    ],
    ['revoke', (r) => r.reviewLinks.revoke(BUSINESS, OTHER, AT)],
    ['findActiveByHash', (r) => r.reviewLinks.findActiveByHash('h', AT)],
  ],
  'queue.repository': [
    ['listSlots', (r) => r.queues.listSlots(BUSINESS)],
    ['slotsOf', (r) => r.queues.slotsOf(BUSINESS, 'linkedin')],
    ['replaceSlots', (r) => r.queues.replaceSlots(BUSINESS, 'linkedin', [{ weekday: 2, time: '09:00' }], AT)],
    [
      'takenTimes',
      (r) => r.queues.takenTimes(BUSINESS, 'linkedin', { from: AT, to: '2026-04-01T00:00:00.000Z' }, OTHER),
    ],
    ['publishedResults', (r) => r.queues.publishedResults(BUSINESS)],
    ['evergreenCopyOf', (r) => r.queues.evergreenCopyOf(BUSINESS, OTHER)],
  ],
  'content-comment.repository': [
    ['listForItem', (r) => r.contentComments.listForItem(BUSINESS, OTHER)],
    ['find', (r) => r.contentComments.find(BUSINESS, OTHER, USER)],
    [
      'insert',
      (r) =>
        r.contentComments.insert({
          id: USER,
          business_id: BUSINESS,
          content_item_id: OTHER,
          parent_id: null,
          author_id: USER,
          body: 'Hi',
          mentions: '[]',
          created_at: AT,
          updated_at: AT,
          deleted_at: null,
        }),
    ],
    [
      'update',
      (r) => r.contentComments.update(BUSINESS, USER, { body: 'Hi', mentions: '[]', updated_at: AT }),
    ],
    ['hasReplies', (r) => r.contentComments.hasReplies(BUSINESS, USER)],
    ['markDeleted', (r) => r.contentComments.markDeleted(BUSINESS, USER, AT)],
    ['delete', (r) => r.contentComments.delete(BUSINESS, USER)],
  ],
  'webhook.repository': [
    ['list', (r) => r.webhooks.list(BUSINESS)],
    ['find', (r) => r.webhooks.find(BUSINESS, OTHER)],
    ['findForDelivery', (r) => r.webhooks.findForDelivery(BUSINESS, OTHER)],
    ['workspaceOf', (r) => r.webhooks.workspaceOf(OTHER)],
    ['listEnabled', (r) => r.webhooks.listEnabled(BUSINESS)],
    [
      'insert',
      (r) =>
        r.webhooks.insert({
          id: OTHER,
          business_id: BUSINESS,
          url: 'https://hooks.example.com/mcc',
          description: 'Zapier',
          events: '["content.published"]',
          secret_encrypted: 'v1.a.b.c',
          enabled: 1,
          created_by: USER,
          created_at: AT,
          updated_at: AT,
        }),
    ],
    ['update', (r) => r.webhooks.update(BUSINESS, OTHER, { enabled: 0, updated_at: AT })],
    ['delete', (r) => r.webhooks.delete(BUSINESS, OTHER)],
  ],
  'webhook-delivery.repository': [
    [
      'insert',
      (r) =>
        r.webhookDeliveries.insert({
          id: USER,
          business_id: BUSINESS,
          webhook_id: OTHER,
          event_type: 'webhook.test',
          event_id: USER,
          payload: '{}',
          status: 'pending',
          attempts: 0,
          last_status_code: null,
          last_error: null,
          last_duration_ms: null,
          response_headers: null,
          next_attempt_at: null,
          created_at: AT,
          updated_at: AT,
          delivered_at: null,
        }),
    ],
    ['find', (r) => r.webhookDeliveries.find(BUSINESS, USER)],
    ['page', (r) => r.webhookDeliveries.page(BUSINESS, OTHER, { limit: 51 })],
    [
      'page (a status, after a cursor)',
      (r) => r.webhookDeliveries.page(BUSINESS, OTHER, { limit: 51, before: USER, status: 'failed' }),
    ],
    [
      'update',
      (r) => r.webhookDeliveries.update(BUSINESS, USER, { status: 'succeeded', attempts: 1, updated_at: AT }),
    ],
    [
      'insertAttempt',
      (r) =>
        r.webhookDeliveries.insertAttempt({
          id: OTHER,
          business_id: BUSINESS,
          delivery_id: USER,
          attempt: 1,
          outcome: 'retryable',
          status_code: 503,
          error: 'The receiver answered HTTP 503',
          duration_ms: 12,
          created_at: AT,
        }),
    ],
    ['attempts', (r) => r.webhookDeliveries.attempts(BUSINESS, USER)],
    [
      'addToOutbox',
      (r) => r.webhookDeliveries.addToOutbox([{ delivery_id: USER, business_id: BUSINESS, created_at: AT }]),
    ],
    ['outbox', (r) => r.webhookDeliveries.outbox(100)],
    ['removeFromOutbox', (r) => r.webhookDeliveries.removeFromOutbox(BUSINESS, USER)],
    ['purgeBefore', (r) => r.webhookDeliveries.purgeBefore(USER)],
  ],
  'connector.repository': [
    ['businessIdOf', (r) => r.connectors.businessIdOf(OTHER)],
    ['list', (r) => r.connectors.list(BUSINESS)],
    ['listEnabled', (r) => r.connectors.listEnabled(BUSINESS)],
    ['find', (r) => r.connectors.find(BUSINESS, OTHER)],
    [
      'insert',
      (r) =>
        r.connectors.insert({
          id: OTHER,
          business_id: BUSINESS,
          kind: 'webhook',
          name: 'Zapier',
          settings: '{"url":"https://hooks.example.com/mcc"}',
          secret_encrypted: 'v1.a.b.c',
          channels: null,
          enabled: 1,
          created_by: USER,
          created_at: AT,
          updated_at: AT,
        }),
    ],
    ['update', (r) => r.connectors.update(BUSINESS, OTHER, { enabled: 0, updated_at: AT })],
    ['delete', (r) => r.connectors.delete(BUSINESS, OTHER)],
  ],
  'publish-attempt.repository': [
    ['itemsPublishedAt', (r) => r.publishAttempts.itemsPublishedAt(BUSINESS, ['https://a.example/1'])],
    [
      'insert',
      (r) =>
        r.publishAttempts.insert({
          id: USER,
          business_id: BUSINESS,
          content_item_id: OTHER,
          connector_id: OTHER,
          connector_kind: 'webhook',
          account_id: null,
          job_id: USER,
          scheduled_at: AT,
          attempt: 1,
          outcome: 'retrying',
          failure_kind: 'retryable',
          status_code: 503,
          error: 'The receiver answered HTTP 503',
          duration_ms: 12,
          external_id: null,
          external_url: null,
          created_at: AT,
        }),
    ],
    ['listForItem', (r) => r.publishAttempts.listForItem(BUSINESS, OTHER)],
    ['setJob', (r) => r.publishAttempts.setJob(BUSINESS, OTHER, AT, USER)],
    ['releaseJob', (r) => r.publishAttempts.releaseJob(BUSINESS, OTHER, USER)],
    ['claim', (r) => r.publishAttempts.claim(BUSINESS, OTHER, AT, USER)],
    [
      'settle (by a job)',
      (r) =>
        r.publishAttempts.settle(BUSINESS, OTHER, AT, USER, {
          status: 'published',
          published_at: AT,
          publish_error: null,
          updated_at: AT,
        }),
    ],
    [
      'settle (no job)',
      (r) =>
        r.publishAttempts.settle(BUSINESS, OTHER, AT, null, {
          status: 'failed',
          published_at: null,
          publish_error: 'Could not schedule publishing',
          updated_at: AT,
        }),
    ],
  ],
  'metric.repository': [
    [
      'upsertMany',
      (r) =>
        r.metrics.upsertMany([
          {
            business_id: BUSINESS,
            content_item_id: OTHER,
            day: '2026-01-01',
            impressions: 1000,
            reach: 800,
            engagements: 40,
            clicks: 12,
            conversions: 1,
            spend_minor: 500,
            currency: 'EUR',
            created_at: AT,
            updated_at: AT,
          },
        ]),
    ],
    [
      'upsertFromNetwork',
      (r) =>
        r.metrics.upsertFromNetwork({
          business_id: BUSINESS,
          content_item_id: OTHER,
          day: '2026-01-01',
          impressions: 0,
          reach: 0,
          engagements: 7,
          clicks: 0,
          conversions: 0,
          spend_minor: 0,
          currency: null,
          source: 'mastodon',
          created_at: AT,
          updated_at: AT,
        }),
    ],
    ['forItem', (r) => r.metrics.forItem(BUSINESS, OTHER, 90)],
    ['totals', (r) => r.metrics.totals(BUSINESS, { from: '2026-01-01', to: '2026-01-31' })],
    ['byDay', (r) => r.metrics.byDay(BUSINESS, { from: '2026-01-01', to: '2026-01-31', campaignId: OTHER })],
    ['byChannel', (r) => r.metrics.byChannel(BUSINESS, { from: '2026-01-01', to: '2026-01-31' })],
    ['byCampaign', (r) => r.metrics.byCampaign(BUSINESS, { from: '2026-01-01', to: '2026-01-31' })],
    ['rankItems', (r) => r.metrics.rankItems(BUSINESS, { from: '2026-01-01', to: '2026-01-31' }, 'best', 5)],
    ['channelHistory', (r) => r.metrics.channelHistory(BUSINESS)],
  ],
  'network-account.repository': [
    ['businessIdOf', (r) => r.networkAccounts.businessIdOf(OTHER)],
    ['list', (r) => r.networkAccounts.list(BUSINESS)],
    ['listConnectedEverywhere', (r) => r.networkAccounts.listConnectedEverywhere()],
    ['listForNetwork', (r) => r.networkAccounts.listForNetwork(BUSINESS, 'mastodon')],
    ['find', (r) => r.networkAccounts.find(BUSINESS, OTHER)],
    [
      'findRemote',
      (r) => r.networkAccounts.findRemote(BUSINESS, 'mastodon', 'https://mastodon.example', '42'),
    ],
    [
      'insert',
      (r) =>
        r.networkAccounts.insert({
          id: OTHER,
          business_id: BUSINESS,
          network: 'mastodon',
          display_name: 'The Bakery',
          handle: '@bakery@mastodon.example',
          avatar_url: null,
          profile_url: null,
          remote_account_id: '42',
          base_url: 'https://mastodon.example',
          scopes: '[]',
          token_expires_at: null,
          access_token_encrypted: 'v1.sealed',
          refresh_token_encrypted: null,
          status: 'connected',
          last_error: null,
          checked_at: AT,
          conversations_cursor: null,
          created_by: USER,
          created_at: AT,
          updated_at: AT,
        }),
    ],
    [
      'update',
      (r) => r.networkAccounts.update(BUSINESS, OTHER, { status: 'needs_reconnect', updated_at: AT }),
    ],
    ['delete', (r) => r.networkAccounts.delete(BUSINESS, OTHER)],
    ['findAvatar', (r) => r.networkAccounts.findAvatar(BUSINESS, OTHER)],
    ['listAvatarStamps', (r) => r.networkAccounts.listAvatarStamps(BUSINESS)],
    [
      'saveAvatar',
      (r) =>
        r.networkAccounts.saveAvatar({
          account_id: OTHER,
          business_id: BUSINESS,
          image: Buffer.from([0x52, 0x49, 0x46, 0x46]),
          etag: 'abc',
          source_url: 'https://files.mastodon.example/avatar.png',
          checked_at: AT,
        }),
    ],
    ['touchAvatar', (r) => r.networkAccounts.touchAvatar(BUSINESS, OTHER, AT)],
    ['deleteAvatar', (r) => r.networkAccounts.deleteAvatar(BUSINESS, OTHER)],
  ],
  'network-post.repository': [
    ['forSchedule', (r) => r.networkPosts.forSchedule(BUSINESS, OTHER, AT)],
    [
      'insert',
      (r) =>
        r.networkPosts.insert({
          business_id: BUSINESS,
          content_item_id: OTHER,
          scheduled_at: AT,
          position: 0,
          account_id: USER,
          network: 'mastodon',
          remote_id: '110',
          url: null,
          metrics_read_at: null,
          created_at: AT,
        }),
    ],
    ['publishedSince', (r) => r.networkPosts.publishedSince(BUSINESS, USER, AT, 200)],
    ['findByRemoteId', (r) => r.networkPosts.findByRemoteId(BUSINESS, USER, '110')],
    [
      'markMetricsRead',
      (r) =>
        r.networkPosts.markMetricsRead(
          BUSINESS,
          {
            business_id: BUSINESS,
            content_item_id: OTHER,
            scheduled_at: AT,
            position: 0,
            account_id: USER,
            network: 'mastodon',
            remote_id: '110',
            url: null,
            metrics_read_at: null,
            created_at: AT,
          },
          AT,
        ),
    ],
  ],
  'simulation.repository': [
    ['businessIdOf', (r) => r.simulations.businessIdOf(OTHER)],
    ['find', (r) => r.simulations.find(BUSINESS, OTHER)],
    ['latestForCampaign', (r) => r.simulations.latestForCampaign(BUSINESS, OTHER)],
    [
      'insert',
      (r) =>
        r.simulations.insert({
          id: OTHER,
          business_id: BUSINESS,
          campaign_id: null,
          inputs: '{}',
          seed: 42,
          trials: 10000,
          results: '{}',
          created_by: USER,
          created_at: AT,
        }),
    ],
  ],
  'benchmark-override.repository': [
    ['list', (r) => r.benchmarkOverrides.list(BUSINESS)],
    [
      'upsert',
      (r) =>
        r.benchmarkOverrides.upsert({
          business_id: BUSINESS,
          channel: 'instagram',
          objective: 'sales',
          metric: 'ctr',
          value: 0.02,
          updated_by: USER,
          updated_at: AT,
        }),
    ],
    [
      'delete',
      (r) =>
        r.benchmarkOverrides.delete(BUSINESS, { channel: 'instagram', objective: 'sales', metric: 'ctr' }),
    ],
  ],
  'conversation.repository': [
    ['businessIdOf', (r) => r.conversations.businessIdOf(OTHER)],
    ['find', (r) => r.conversations.find(BUSINESS, OTHER)],
    ['findByCustomer', (r) => r.conversations.findByCustomer(BUSINESS, 'email', 'ana@example.com')],
    ['attentionCounts', (r) => r.conversations.attentionCounts(BUSINESS, AT)],
    [
      'insertIfAbsent',
      (r) =>
        r.conversations.insertIfAbsent({
          id: OTHER,
          business_id: BUSINESS,
          channel: 'email',
          customer_external_id: 'ana@example.com',
          customer_name: 'Ana',
          customer_handle: null,
          status: 'open',
          snoozed_until: null,
          assignee_id: null,
          priority: 'normal',
          priority_rank: 1,
          sentiment: null,
          intent: null,
          language: null,
          labels: '[]',
          message_count: 0,
          last_message_id: null,
          first_response_at: null,
          resolved_at: null,
          last_message_at: AT,
          created_at: AT,
          updated_at: AT,
        }),
    ],
    ['page', (r) => r.conversations.page(BUSINESS, { now: AT }, 51)],
    [
      'page (every filter, after a cursor)',
      (r) =>
        r.conversations.page(
          BUSINESS,
          {
            now: AT,
            channel: 'email',
            status: 'open',
            priority: 'high',
            sentiment: 'negative',
            intent: 'complaint',
            language: 'en',
            assignee: USER,
            label: 'vip',
            q: 'refund',
          },
          51,
          { rank: 2, at: AT, id: OTHER },
        ),
    ],
    [
      'page (snoozed, unassigned)',
      (r) => r.conversations.page(BUSINESS, { now: AT, status: 'snoozed', assignee: 'none' }, 51),
    ],
    [
      'update',
      (r) => r.conversations.update(BUSINESS, OTHER, { status: 'resolved', resolved_at: AT, updated_at: AT }),
    ],
    ['recordInbound', (r) => r.conversations.recordInbound(BUSINESS, OTHER, USER, AT, AT)],
    ['recordOutbound', (r) => r.conversations.recordOutbound(BUSINESS, OTHER, USER, AT)],
    ['markFirstResponse', (r) => r.conversations.markFirstResponse(BUSINESS, OTHER, AT)],
  ],
  'message.repository': [
    ['find', (r) => r.messages.find(BUSINESS, OTHER)],
    ['findByExternalId', (r) => r.messages.findByExternalId(BUSINESS, 'email', 'mail-1')],
    ['findMany', (r) => r.messages.findMany(BUSINESS, [OTHER, USER])],
    ['thread', (r) => r.messages.thread(BUSINESS, OTHER)],
    ['thread (latest)', (r) => r.messages.thread(BUSINESS, OTHER, 40)],
    [
      'insertIfNew',
      (r) =>
        r.messages.insertIfNew({
          id: OTHER,
          business_id: BUSINESS,
          conversation_id: USER,
          channel: 'email',
          direction: 'in',
          body: 'Hello',
          author: 'Ana',
          author_user_id: null,
          external_id: 'mail-1',
          visibility: 'public',
          classification: null,
          delivery_status: null,
          delivery_error: null,
          created_at: AT,
        }),
    ],
    ['update', (r) => r.messages.update(BUSINESS, OTHER, { delivery_status: 'sent', delivery_error: null })],
  ],
  'canned-reply.repository': [
    ['businessIdOf', (r) => r.cannedReplies.businessIdOf(OTHER)],
    ['list', (r) => r.cannedReplies.list(BUSINESS)],
    ['find', (r) => r.cannedReplies.find(BUSINESS, OTHER)],
    [
      'insert',
      (r) =>
        r.cannedReplies.insert({
          id: OTHER,
          business_id: BUSINESS,
          title: 'Hi',
          body: 'Hello!',
          created_at: AT,
          updated_at: AT,
        }),
    ],
    ['update', (r) => r.cannedReplies.update(BUSINESS, OTHER, { title: 'Hey', updated_at: AT })],
    ['delete', (r) => r.cannedReplies.delete(BUSINESS, OTHER)],
  ],
  'knowledge.repository': [
    ['businessIdOf', (r) => r.knowledge.businessIdOf(OTHER)],
    ['list', (r) => r.knowledge.list(BUSINESS)],
    ['listEnabled', (r) => r.knowledge.listEnabled(BUSINESS)],
    ['find', (r) => r.knowledge.find(BUSINESS, OTHER)],
    [
      'insert',
      (r) =>
        r.knowledge.insert({
          id: OTHER,
          business_id: BUSINESS,
          kind: 'faq',
          title: 'Hours',
          body: '9 to 5',
          enabled: 1,
          created_at: AT,
          updated_at: AT,
        }),
    ],
    ['update', (r) => r.knowledge.update(BUSINESS, OTHER, { enabled: 0, updated_at: AT })],
    ['delete', (r) => r.knowledge.delete(BUSINESS, OTHER)],
  ],
  'inbox-rule.repository': [
    ['businessIdOf', (r) => r.inboxRules.businessIdOf(OTHER)],
    ['list', (r) => r.inboxRules.list(BUSINESS)],
    ['listEnabled', (r) => r.inboxRules.listEnabled(BUSINESS)],
    ['find', (r) => r.inboxRules.find(BUSINESS, OTHER)],
    [
      'insert',
      (r) =>
        r.inboxRules.insert({
          id: OTHER,
          business_id: BUSINESS,
          name: 'Refunds',
          enabled: 1,
          position: 0,
          match: '{}',
          actions: '{}',
          auto_send: 0,
          created_at: AT,
          updated_at: AT,
        }),
    ],
    ['update', (r) => r.inboxRules.update(BUSINESS, OTHER, { enabled: 0, updated_at: AT })],
    ['delete', (r) => r.inboxRules.delete(BUSINESS, OTHER)],
  ],
  'inbound-event.repository': [
    ['findSecret', (r) => r.inboundEvents.findSecret(BUSINESS)],
    ['saveSecret', (r) => r.inboundEvents.saveSecret(BUSINESS, 'sealed', AT)],
    ['remember', (r) => r.inboundEvents.remember(BUSINESS, 'evt-1', 'instagram', AT)],
    ['forgetBefore', (r) => r.inboundEvents.forgetBefore(BUSINESS, AT)],
  ],
};

/** A Kysely that compiles PostgreSQL and records the SQL instead of running it. */
function recordingRepositories(): { repos: Repositories; statements: string[] } {
  const statements: string[] = [];
  const db = new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (kysely) => new PostgresIntrospector(kysely),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
    log: (event) => {
      if (event.level === 'query') statements.push(event.query.sql);
    },
  });
  return { repos: createRepositories(db, 'postgres'), statements };
}

describe('repository SQL snapshots', () => {
  it('covers every repository method', () => {
    const { repos } = recordingRepositories();
    const keys: Record<string, keyof Repositories> = {
      'user.repository': 'users',
      'refresh-token.repository': 'refreshTokens',
      'business.repository': 'businesses',
      'notification.repository': 'notifications',
      'membership.repository': 'memberships',
      'two-factor.repository': 'twoFactor',
      'api-key.repository': 'apiKeys',
      'audit-log.repository': 'auditLog',
      'ai-call.repository': 'aiCalls',
      'ai-settings.repository': 'aiSettings',
      'ai-budget-reservation.repository': 'aiBudgetReservations',
      'campaign.repository': 'campaigns',
      'content-item.repository': 'contentItems',
      'content-history.repository': 'contentHistory',
      'calendar-feed.repository': 'calendarFeeds',
      'review-link.repository': 'reviewLinks',
      'content-comment.repository': 'contentComments',
      'queue.repository': 'queues',
      'metric.repository': 'metrics',
      'simulation.repository': 'simulations',
      'benchmark-override.repository': 'benchmarkOverrides',
      'webhook.repository': 'webhooks',
      'webhook-delivery.repository': 'webhookDeliveries',
      'connector.repository': 'connectors',
      'publish-attempt.repository': 'publishAttempts',
      'conversation.repository': 'conversations',
      'message.repository': 'messages',
      'canned-reply.repository': 'cannedReplies',
      'knowledge.repository': 'knowledge',
      'inbox-rule.repository': 'inboxRules',
      'inbound-event.repository': 'inboundEvents',
      'job.repository': 'jobs',
      'idempotency-key.repository': 'idempotencyKeys',
      'media.repository': 'media',
      'content-media.repository': 'contentMedia',
    };
    for (const [file, key] of Object.entries(keys)) {
      const methods = Object.getOwnPropertyNames(Object.getPrototypeOf(repos[key])).filter(
        (m) => m !== 'constructor',
      );
      const covered = new Set(CALLS[file]?.map(([name]) => name.split(' ')[0]));
      expect(
        methods.filter((method) => !covered.has(method)),
        `${file} methods without a snapshot`,
      ).toEqual([]);
    }
  });

  for (const [file, calls] of Object.entries(CALLS)) {
    it(`${file} matches src/server/db/queries/${file}.sql`, async () => {
      const sections: string[] = [];
      for (const [name, run] of calls) {
        const { repos, statements } = recordingRepositories();
        await run(repos).catch(() => undefined); // the dummy driver returns no rows
        expect(statements, `${file}.${name} ran no SQL`).not.toHaveLength(0);
        sections.push(`-- ${name}\n${statements.map((sql) => `${sql};`).join('\n')}\n`);
      }
      await expect(
        `-- Generated by test/integration/sql-snapshots.test.ts; do not edit.\n\n${sections.join('\n')}`,
      ).toMatchFileSnapshot(`../../src/server/db/queries/${file}.sql`);
    });
  }
});
