import type { i18n as I18n, TFunction } from 'i18next';
import type { ChannelId } from '#shared/channel-ids.js';
import type { MediaIssue, VideoProblem } from '#shared/channel-media.js';
import { CHANNEL_RULES, type ChannelIssue } from '#shared/channels.js';
import type { FieldError } from '#shared/problem.schema.js';
import { channelName } from '#web/lib/channel-name.js';
import { addFieldErrorWording } from './field-error-text.js';
import { formatBytes, formatNumber } from './workspace-format.js';

// The shared channel rules (src/shared/channels.ts, channel-media.ts) word their issues in English for the
// API; the web app says them from each issue's facts, in the reader's language, with the workspace's numbers.
// Network names are the registry's own, as everywhere else in the app.

/** The plural count and the two numbers most sentences name: the limit and what was found. */
function counted(issue: { count: number; limit: number }) {
  return { count: issue.limit, limit: formatNumber(issue.limit), found: formatNumber(issue.count) };
}

/**
 * A channel rule's issue in the reader's language.
 * @example channelIssueText(threadsTooManyHashtags, t) // 'Threads accepte au plus 1 hashtag ; ce texte en compte 2'
 */
export function channelIssueText(issue: ChannelIssue, t: TFunction<'channels'>): string {
  const network = channelName(issue.channel);
  switch (issue.code) {
    case 'empty':
      return t('issues.empty');
    case 'thread_unsupported':
      return t('issues.threadUnsupported', { network });
    case 'too_long':
      return tooLongText(issue, network, t);
    case 'too_many_hashtags':
      return t('issues.tooManyHashtags', { network, ...counted(issue) });
    case 'too_many_links':
      return t('issues.tooManyLinks', { network, ...counted(issue) });
    case 'too_many_segments':
      return t('issues.tooManySegments', counted(issue));
    case 'multi_segment':
      // The noun follows the number of messages, not the limit of one.
      return t('issues.multiSegment', {
        encoding: issue.encoding,
        count: issue.count,
        found: formatNumber(issue.count),
      });
    case 'long_subject':
      return t(`issues.longTitle.${issue.title}`, counted(issue));
  }
}

/** A post's text (in the network's unit), a title or a preheader over its limit. */
function tooLongText(
  issue: Extract<ChannelIssue, { code: 'too_long' }>,
  network: string,
  t: TFunction<'channels'>,
): string {
  switch (issue.part) {
    case 'text':
      return issue.unit === 'graphemes'
        ? t('issues.tooLongGraphemes', { network, ...counted(issue) })
        : t('issues.tooLong', { network, ...counted(issue) });
    case 'title':
      return t(`issues.titleTooLong.${issue.title}`, counted(issue));
    case 'preheader':
      return t('issues.preheaderTooLong', counted(issue));
  }
}

/**
 * A media rule's issue in the reader's language.
 * @example mediaIssueText(xFiveImages, t) // 'X accepte au plus 4 images par publication ; celle-ci en a 5'
 */
export function mediaIssueText(issue: MediaIssue, t: TFunction<'channels'>): string {
  const network = channelName(issue.channel);
  switch (issue.code) {
    case 'too_many_images':
      return t('mediaIssues.tooManyImages', { network, ...counted(issue) });
    case 'too_many_videos':
      return t('mediaIssues.tooManyVideos', { network, ...counted(issue) });
    case 'mixed_media':
      return t('mediaIssues.mixedMedia', { network });
    case 'media_not_accepted':
      return t(`mediaIssues.notAccepted.${issue.refused}`, { network });
    case 'media_required':
      return t('mediaIssues.mediaRequired', { network });
    case 'video_required':
      return t('mediaIssues.videoRequired', { network });
    case 'video_unsuitable':
      return t('mediaIssues.videoUnsuitable', {
        network,
        name: issue.itemName,
        problem: videoProblemText(issue.problem, t),
      });
    case 'alt_text_required':
      return t('mediaIssues.altTextRequired', { network, name: issue.itemName });
  }
}

/** Seconds as the workspace abbreviates them, whole minutes as minutes: "0.5 sec", "2 min"; "0,5 s" in French. */
function secondsText(seconds: number): string {
  const minutes = seconds >= 60 && seconds % 60 === 0;
  return formatNumber(minutes ? seconds / 60 : seconds, {
    style: 'unit',
    unit: minutes ? 'minute' : 'second',
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  });
}

/** A width / height ratio as people write it: 1.91:1, 1:3 (1,91:1 in French). */
function ratioText(ratio: number): string {
  const side = (value: number) => formatNumber(value, { maximumFractionDigits: 2 });
  return ratio >= 1 ? `${side(ratio)}:1` : `1:${side(1 / ratio)}`;
}

/** Pixels without grouping: "3840 × 1000" reads as a size, "3 840 × 1 000" as two amounts. */
const pixels = (value: number) => formatNumber(value, { useGrouping: false });

function videoProblemText(problem: VideoProblem, t: TFunction<'channels'>): string {
  switch (problem.kind) {
    case 'format':
      return t('videoProblems.format', { found: problem.found, accepted: problem.accepted });
    case 'video_codec':
      return t('videoProblems.videoCodec', { found: problem.found, accepted: problem.accepted });
    case 'audio_codec':
      return t('videoProblems.audioCodec', { found: problem.found, accepted: problem.accepted });
    case 'duration':
      return t('videoProblems.duration', {
        duration: secondsText(Math.round(problem.seconds * 10) / 10),
        min: secondsText(problem.min),
        max: secondsText(problem.max),
      });
    case 'too_large':
      return t('videoProblems.tooLarge', { size: formatBytes(problem.bytes), max: formatBytes(problem.max) });
    case 'too_small':
      return t('videoProblems.tooSmall', { size: formatBytes(problem.bytes), min: formatBytes(problem.min) });
    case 'shape':
      return t('videoProblems.shape', {
        width: pixels(problem.width),
        height: pixels(problem.height),
        widest: ratioText(problem.max),
        narrowest: ratioText(problem.min),
      });
    case 'too_many_pixels':
      return t('videoProblems.tooManyPixels', {
        width: pixels(problem.width),
        height: pixels(problem.height),
        long: pixels(problem.long),
        short: pixels(problem.short),
      });
    case 'frame_rate':
      return t('videoProblems.frameRate', {
        rate: formatNumber(Math.round(problem.framesPerSecond)),
        max: formatNumber(problem.max),
      });
  }
}

/**
 * What the channel's posts may carry from the media library, in the reader's language.
 * @example mediaLimitText('x', t) // 'Up to 4 images or 1 video'
 */
export function mediaLimitText(channel: ChannelId, t: TFunction<'channels'>): string {
  const { maxImages, maxVideos, mixed, required } = CHANNEL_RULES[channel].media;
  if (maxImages === 0 && maxVideos === 0) return t('mediaLimits.none');
  const images = t('mediaLimits.images', { count: maxImages, number: formatNumber(maxImages) });
  const videos = t('mediaLimits.videos', { count: maxVideos, number: formatNumber(maxVideos) });
  const limits =
    maxImages === 0
      ? videos
      : mixed
        ? t('mediaLimits.upTo', {
            limits: t('mediaLimits.imagesAndVideos', { count: maxImages, number: formatNumber(maxImages) }),
          })
        : t('mediaLimits.upTo', {
            limits: maxVideos > 0 ? t('mediaLimits.imagesOrVideos', { images, videos }) : images,
          });
  if (required === 'media') return t('mediaLimits.mediaRequired', { limits });
  if (required === 'video') return t('mediaLimits.videoRequired', { limits });
  return limits;
}

/** Every code of each union, so a new code must be placed here (the compiler says so). */
const CHANNEL_CODES: Record<ChannelIssue['code'], true> = {
  empty: true,
  too_long: true,
  too_many_hashtags: true,
  too_many_links: true,
  too_many_segments: true,
  multi_segment: true,
  long_subject: true,
  thread_unsupported: true,
};
const MEDIA_CODES: Record<MediaIssue['code'], true> = {
  too_many_images: true,
  too_many_videos: true,
  mixed_media: true,
  media_not_accepted: true,
  media_required: true,
  video_required: true,
  video_unsuitable: true,
  alt_text_required: true,
};

/**
 * The server refuses a post that breaks a channel's rules (422 `over_channel_limit`, `media_check_failed`)
 * with the same issues the editor finds itself, each field error carrying the issue's facts: worded here,
 * the refusal reads in the reader's language like the editor's own notes. Undefined for any other error.
 */
export function ruleFieldErrorText(error: FieldError, i18n: I18n): string | undefined {
  const facts = error.facts;
  const channel = facts?.channel;
  const code = facts?.code;
  if (
    !facts ||
    typeof channel !== 'string' ||
    !Object.hasOwn(CHANNEL_RULES, channel) ||
    typeof code !== 'string' ||
    !i18n.hasLoadedNamespace('channels')
  ) {
    return undefined;
  }
  const t = i18n.getFixedT(null, 'channels');
  // The facts come from our own server, written from the same shared types the editor checks with.
  if (Object.hasOwn(CHANNEL_CODES, code)) {
    return channelIssueText(
      { ...facts, field: '', severity: 'error', message: error.message } as ChannelIssue,
      t,
    );
  }
  if (Object.hasOwn(MEDIA_CODES, code)) {
    return mediaIssueText({ ...facts, path: error.path, message: error.message } as MediaIssue, t);
  }
  return undefined;
}

// The pages whose saves these rules can refuse (the editor, the composer, attached media) load this module;
// registering here keeps the channel rules out of every other page's JavaScript (the sign-in page's budget).
addFieldErrorWording(ruleFieldErrorText);
