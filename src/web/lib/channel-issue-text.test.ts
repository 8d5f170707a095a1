import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL_IDS } from '#shared/channel-ids.js';
import { type MediaIssue, mediaIssues, type VideoProblem } from '#shared/channel-media.js';
import { type ChannelIssue, validateForChannel } from '#shared/channels.js';
import { testI18n } from '#web/test/i18n.js';
import { channelIssueText, mediaIssueText, mediaLimitText } from './channel-issue-text.js';
import { setWorkspaceRegion } from './workspace-format.js';

const english = testI18n('en').getFixedT('en', 'channels');
const french = testI18n('fr').getFixedT('fr', 'channels');

const base = { field: 'body', severity: 'error', message: 'In English', channel: 'x' } as const;
const over = { count: 5, limit: 4 };

// Every code of ChannelIssue, each variant included: the Record's type fails `npm run typecheck` when a code
// is added to the shared union without an example here.
const CHANNEL_ISSUES: Record<ChannelIssue['code'], ChannelIssue[]> = {
  empty: [{ ...base, code: 'empty' }],
  thread_unsupported: [{ ...base, code: 'thread_unsupported' }],
  too_long: [
    { ...base, ...over, code: 'too_long', part: 'text', unit: 'weighted' },
    { ...base, ...over, code: 'too_long', part: 'text', unit: 'graphemes', channel: 'bluesky' },
    { ...base, ...over, code: 'too_long', part: 'title', title: 'subject', channel: 'email' },
    { ...base, ...over, code: 'too_long', part: 'title', title: 'event_title', channel: 'google_business' },
    { ...base, ...over, code: 'too_long', part: 'title', title: 'pin_title', channel: 'pinterest' },
    { ...base, ...over, code: 'too_long', part: 'preheader', channel: 'email' },
  ],
  too_many_hashtags: [{ ...base, ...over, code: 'too_many_hashtags' }],
  too_many_links: [{ ...base, ...over, code: 'too_many_links', channel: 'threads' }],
  too_many_segments: [{ ...base, ...over, code: 'too_many_segments', channel: 'sms' }],
  multi_segment: [
    { ...base, code: 'multi_segment', encoding: 'UCS-2', count: 3, limit: 1, severity: 'warning' },
  ],
  long_subject: (['subject', 'event_title', 'pin_title'] as const).map((title) => ({
    ...base,
    ...over,
    code: 'long_subject',
    title,
    severity: 'warning',
  })),
};

const mediaBase = { path: 'body.media', message: 'In English', channel: 'x' } as const;
const clip = { ...mediaBase, code: 'video_unsuitable', itemName: 'clip.mp4' } as const;

// Every kind of video problem, with the facts channel-media.ts finds.
const VIDEO_PROBLEMS: Record<VideoProblem['kind'], VideoProblem> = {
  format: { kind: 'format', found: 'video/webm', accepted: ['video/mp4', 'video/quicktime'] },
  video_codec: { kind: 'video_codec', found: 'vp9', accepted: ['h264', 'hevc'] },
  audio_codec: { kind: 'audio_codec', found: 'opus', accepted: ['aac'] },
  duration: { kind: 'duration', seconds: 200, min: 0.5, max: 140 },
  too_large: { kind: 'too_large', bytes: 600 * 1024 * 1024, max: 512 * 1024 * 1024 },
  too_small: { kind: 'too_small', bytes: 10_000, min: 75 * 1024 },
  shape: { kind: 'shape', width: 3840, height: 1000, min: 1 / 3, max: 3 },
  too_many_pixels: { kind: 'too_many_pixels', width: 3840, height: 1000, long: 1920, short: 1200 },
  frame_rate: { kind: 'frame_rate', framesPerSecond: 120, max: 60 },
};

const MEDIA_ISSUES: Record<MediaIssue['code'], MediaIssue[]> = {
  too_many_images: [{ ...mediaBase, ...over, code: 'too_many_images' }],
  too_many_videos: [{ ...mediaBase, count: 2, limit: 1, code: 'too_many_videos' }],
  mixed_media: [{ ...mediaBase, code: 'mixed_media', channel: 'linkedin' }],
  media_not_accepted: (['media', 'images', 'video'] as const).map((refused) => ({
    ...mediaBase,
    code: 'media_not_accepted',
    refused,
  })),
  media_required: [{ ...mediaBase, code: 'media_required', channel: 'instagram' }],
  video_required: [{ ...mediaBase, code: 'video_required', channel: 'tiktok' }],
  video_unsuitable: Object.values(VIDEO_PROBLEMS).map((problem) => ({ ...clip, problem })),
  alt_text_required: [{ ...mediaBase, code: 'alt_text_required', itemName: 'beach.jpg' }],
};

/** A sentence, not a missing key or a placeholder left unfilled. */
function expectSentence(text: string) {
  expect(text).not.toMatch(/^(issues|mediaIssues|videoProblems|mediaLimits)\./);
  expect(text).not.toMatch(/\{\{|\}\}|undefined/);
}

afterEach(() => setWorkspaceRegion(undefined));

describe('channelIssueText and mediaIssueText', () => {
  it('say every code of both unions in English and in French', () => {
    const sentences = [
      ...Object.values(CHANNEL_ISSUES)
        .flat()
        .map((issue) => [channelIssueText(issue, english), channelIssueText(issue, french)]),
      ...Object.values(MEDIA_ISSUES)
        .flat()
        .map((issue) => [mediaIssueText(issue, english), mediaIssueText(issue, french)]),
    ];
    for (const [inEnglish = '', inFrench = ''] of sentences) {
      expectSentence(inEnglish);
      expectSentence(inFrench);
      expect(inFrench, inEnglish).not.toBe(inEnglish);
    }
    // Each variant has words of its own in each language.
    expect(new Set(sentences.map(([inEnglish]) => inEnglish)).size).toBe(sentences.length);
    expect(new Set(sentences.map(([, inFrench]) => inFrench)).size).toBe(sentences.length);
  });

  it('reads English as the shared rules write it, where the wording is the same', () => {
    setWorkspaceRegion({ locale: 'en-GB', time_zone: 'Europe/London' });
    const issues = [
      ...validateForChannel('threads', { body: 'Fresh #bread', hashtags: ['rye', 'spelt'] }),
      ...validateForChannel('email', { body: 'Hi', title: 's'.repeat(79), preheader: 'p'.repeat(141) }),
      ...validateForChannel('sms', { body: '😀'.repeat(80) }),
      ...validateForChannel('linkedin', { body: 'ok', thread: ['no'] }),
    ];
    expect(issues.map((issue) => channelIssueText(issue, english))).toEqual(
      issues.map((issue) => issue.message),
    );
    const media = mediaIssues(
      'bluesky',
      [{ id: 'a', kind: 'image', name: 'beach.jpg', alt_text: '' }],
      'schedule',
    );
    expect(media.map((issue) => mediaIssueText(issue, english))).toEqual(media.map((issue) => issue.message));
  });

  it('writes French with the workspace’s numbers and French plurals and spacing', () => {
    setWorkspaceRegion({ locale: 'fr-FR', time_zone: 'Europe/Paris' });
    const [tooLong] = validateForChannel('linkedin', { body: 'a'.repeat(3001) });
    expect(tooLong && channelIssueText(tooLong, french)).toBe(
      'LinkedIn accepte au plus 3\u202f000 caractères\u00a0; ce texte en compte 3\u202f001',
    );
    const [hashtags] = validateForChannel('threads', { body: 'Fresh #bread', hashtags: ['rye'] });
    expect(hashtags && channelIssueText(hashtags, french)).toBe(
      'Threads accepte au plus 1 hashtag\u00a0; ce texte en compte 2',
    );
    expect(mediaIssueText({ ...clip, problem: VIDEO_PROBLEMS.video_codec }, french)).toBe(
      'X ne peut pas prendre «\u00a0clip.mp4\u00a0»\u00a0: la piste vidéo est en vp9\u00a0; il faut h264 ou hevc',
    );
    expect(mediaIssueText({ ...clip, problem: VIDEO_PROBLEMS.duration }, french)).toBe(
      'X ne peut pas prendre «\u00a0clip.mp4\u00a0»\u00a0: elle dure 200\u202fs\u00a0; il faut entre 0,5\u202fs et 140\u202fs',
    );
  });
});

describe('mediaLimitText', () => {
  it('says every network’s media limits in both languages', () => {
    for (const channel of CHANNEL_IDS) {
      const [inEnglish, inFrench] = [mediaLimitText(channel, english), mediaLimitText(channel, french)];
      expectSentence(inEnglish);
      expectSentence(inFrench);
      expect(inFrench, channel).not.toBe(inEnglish);
    }
    expect(mediaLimitText('x', english)).toBe('Up to 4 images or 1 video');
    expect(mediaLimitText('instagram', english)).toBe('Up to 10 images and videos; at least one required');
    expect(mediaLimitText('tiktok', english)).toBe('1 video; a video is required');
    expect(mediaLimitText('sms', english)).toBe('No media');
    expect(mediaLimitText('email', english)).toBe('Up to 1 image');
    expect(mediaLimitText('tiktok', french)).toBe('1 vidéo\u00a0; une vidéo est requise');
    expect(mediaLimitText('email', french)).toBe('Jusqu’à 1 image');
    expect(mediaLimitText('sms', french)).toBe('Aucun média');
  });
});
