import { describe, expect, it } from 'vitest';
import type { Role } from '#shared/roles.js';
import { recipientsOf } from './notification-recipients.js';

const members: { user_id: string; role: Role }[] = [
  { user_id: 'olive', role: 'owner' },
  { user_id: 'otis', role: 'owner' },
  { user_id: 'adam', role: 'admin' },
  { user_id: 'edie', role: 'editor' },
  { user_id: 'vic', role: 'viewer' },
];
const item = (createdBy: string | null) => ({
  id: 'i1',
  business_id: 'b1',
  title: 'Easter buns',
  body: '',
  channel: 'x' as const,
  created_by: createdBy,
});

describe('recipientsOf', () => {
  it('sends a mention to each member mentioned once, never to its author or to someone who left', () => {
    const event = {
      kind: 'comment_mention' as const,
      item: item('edie'),
      commentId: 'c1',
      excerpt: '@Vic @Olive @Edie',
      mentionedUserIds: ['vic', 'olive', 'edie', 'vic', 'gone'],
      actorUserId: 'edie',
    };
    expect(recipientsOf(event, members)).toEqual(['vic', 'olive']);
  });

  it('sends a failed publication to its creator and the owners, each once', () => {
    expect(recipientsOf({ kind: 'publish_failed', item: item('edie'), reason: 'No.' }, members)).toEqual([
      'edie',
      'olive',
      'otis',
    ]);
    expect(recipientsOf({ kind: 'publish_failed', item: item('olive'), reason: 'No.' }, members)).toEqual([
      'olive',
      'otis',
    ]);
    // An item made by an API key (no creator) still reaches the owners.
    expect(recipientsOf({ kind: 'publish_failed', item: item(null), reason: 'No.' }, members)).toEqual([
      'olive',
      'otis',
    ]);
  });

  it('sends an approval to the submitter and the creator, never to the reviewer who approved', () => {
    const event = { kind: 'content_approved' as const, item: item('adam'), actorUserId: 'adam' };
    expect(recipientsOf(event, members, { submitterId: 'edie' })).toEqual(['edie']);
    expect(recipientsOf(event, members, { submitterId: 'adam' })).toEqual([]);
  });

  it('sends an urgent message to its assignee, or to everyone who replies when it has none (or they left)', () => {
    const message = {
      kind: 'inbox_attention' as const,
      businessId: 'b1',
      conversationId: 'c1',
      customer: 'Noor',
      excerpt: 'Help!',
      urgent: true,
      negative: false,
    };
    expect(recipientsOf({ ...message, assigneeId: 'vic' }, members)).toEqual(['vic']);
    expect(recipientsOf({ ...message, assigneeId: null }, members)).toEqual([
      'olive',
      'otis',
      'adam',
      'edie',
    ]);
    expect(recipientsOf({ ...message, assigneeId: 'gone' }, members)).toEqual([
      'olive',
      'otis',
      'adam',
      'edie',
    ]);
  });

  it('sends budget marks and dead jobs to owners and admins', () => {
    const budget = {
      kind: 'ai_budget' as const,
      businessId: 'b1',
      spentMicroUsd: 8,
      limitMicroUsd: 10,
      month: '2026-03',
    };
    const died = {
      kind: 'job_died' as const,
      businessId: 'b1',
      jobId: 'j1',
      jobName: 'webhook.deliver',
      error: '410',
    };
    expect(recipientsOf(budget, members)).toEqual(['olive', 'otis', 'adam']);
    expect(recipientsOf(died, members)).toEqual(['olive', 'otis', 'adam']);
  });
});
