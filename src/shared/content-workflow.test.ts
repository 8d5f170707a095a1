import { describe, expect, it } from 'vitest';
import type { ContentStatus } from './content.schema.js';
import {
  decideTransition,
  movesFor,
  reschedulePermission,
  statusAfterEdit,
  type TransitionRequest,
} from './content-workflow.js';
import type { Role } from './roles.js';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const request = (
  from: ContentStatus,
  to: ContentStatus,
  role: Role,
  extra: Partial<TransitionRequest> = {},
) => decideTransition({ from, to, role, scheduledAt: null, body: 'Fresh bread', now: NOW, ...extra });

describe('content workflow', () => {
  it.each<[ContentStatus, ContentStatus, Role, string]>([
    ['idea', 'draft', 'editor', 'edited'],
    ['draft', 'in_review', 'editor', 'submitted'],
    ['in_review', 'draft', 'editor', 'withdrawn'],
    ['in_review', 'approved', 'admin', 'approved'],
    ['in_review', 'approved', 'owner', 'approved'],
    ['scheduled', 'approved', 'admin', 'unscheduled'],
    ['failed', 'draft', 'editor', 'restored'],
  ])('%s → %s by %s is %s', (from, to, role, action) => {
    const decision = request(from, to, role);
    expect(decision.ok && decision.move.action).toBe(action);
  });

  it('lets reviewers send back only with a comment', () => {
    expect(request('in_review', 'draft', 'admin')).toMatchObject({
      ok: false,
      code: 'validation_failed',
      field: 'comment',
    });
    const sentBack = request('in_review', 'draft', 'owner', { comment: 'Add the price' });
    expect(sentBack.ok && sentBack.move.action).toBe('sent_back');
  });

  it.each<[ContentStatus, ContentStatus, Role]>([
    ['in_review', 'approved', 'editor'],
    ['approved', 'scheduled', 'editor'],
    ['scheduled', 'approved', 'editor'],
    ['failed', 'scheduled', 'editor'],
    ['draft', 'in_review', 'viewer'],
    ['idea', 'draft', 'viewer'],
  ])('refuses %s → %s to %s as forbidden', (from, to, role) => {
    expect(request(from, to, role, { scheduledAt: '2026-04-01T00:00:00.000Z' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
  });

  it('names the allowed moves when a move does not exist', () => {
    expect(request('draft', 'approved', 'owner')).toEqual({
      ok: false,
      code: 'invalid_transition',
      message: 'An item that is a draft can move to: in_review',
      facts: { reason: 'content_move', from: 'draft', to: 'approved', allowed: ['in_review'] },
    });
    expect(request('in_review', 'scheduled', 'admin')).toMatchObject({
      message: 'An item that is in review can move to: draft, approved',
    });
    expect(request('published', 'draft', 'owner')).toMatchObject({
      message: 'An item that is published cannot move from there',
    });
  });

  it('leaves published and failed to the system', () => {
    for (const to of ['published', 'failed'] as const) {
      expect(request('scheduled', to, 'owner')).toMatchObject({ ok: false, code: 'invalid_transition' });
    }
  });

  it('schedules only with a time in the future', () => {
    expect(request('approved', 'scheduled', 'admin')).toMatchObject({ ok: false, field: 'scheduled_at' });
    expect(
      request('approved', 'scheduled', 'admin', { scheduledAt: '2026-03-01T12:00:00.000Z' }),
    ).toMatchObject({ ok: false, message: 'The publishing time must be in the future' });
    expect(request('approved', 'scheduled', 'admin', { scheduledAt: '2026-03-01T12:01:00.000Z' }).ok).toBe(
      true,
    );
    // A failed publication is retried by scheduling it again, at a time still ahead.
    expect(request('failed', 'scheduled', 'owner', { scheduledAt: '2026-03-01T11:00:00.000Z' }).ok).toBe(
      false,
    );
    const retry = request('failed', 'scheduled', 'owner', { scheduledAt: '2026-03-01T12:05:00.000Z' });
    expect(retry.ok && retry.move.action).toBe('scheduled');
  });

  it('refuses to submit an empty body', () => {
    expect(request('draft', 'in_review', 'editor', { body: '  ' })).toMatchObject({
      ok: false,
      field: 'body',
    });
  });

  it('shows each role its own buttons', () => {
    expect(movesFor('in_review', 'editor').map((move) => move.action)).toEqual(['withdrawn']);
    expect(movesFor('in_review', 'admin').map((move) => move.action)).toEqual(['sent_back', 'approved']);
    expect(movesFor('draft', 'viewer')).toEqual([]);
  });

  it('sends approved or scheduled work back to draft when what was approved changes', () => {
    expect(statusAfterEdit('approved', ['body'])).toBe('draft');
    expect(statusAfterEdit('scheduled', ['hashtags', 'pillar'])).toBe('draft');
    expect(statusAfterEdit('scheduled', ['scheduled_at', 'pillar', 'campaign_id'])).toBe('scheduled');
    expect(statusAfterEdit('failed', ['body'])).toBe('draft');
    expect(statusAfterEdit('failed', ['scheduled_at'])).toBe('failed');
    expect(statusAfterEdit('in_review', ['body'])).toBe('in_review');
    expect(statusAfterEdit('draft', ['body'])).toBe('draft');
  });

  it('lets only reviewers move a scheduled time', () => {
    expect(reschedulePermission('scheduled')).toBe('content.approve');
    expect(reschedulePermission('draft')).toBe('content.write');
  });
});
