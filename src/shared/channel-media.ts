import type { ChannelId } from './channel-ids.js';
import type { VideoRule } from './channel-rules.js';
import { CHANNEL_RULES } from './channel-rules.js';
import { MEDIA_CROPS, type MediaCrop, type MediaKind, type VideoFacts } from './media.schema.js';

// What each network accepts from the media library, as pure functions: the server refuses what breaks
// them, the editor shows the same limits next to the attached media.

/** The facts of an attached item the rules look at; a video's are checked where they are known. */
export interface AttachedMediaFacts {
  id: string;
  kind: MediaKind;
  name: string;
  alt_text: string;
  mime_type?: string;
  size_bytes?: number;
  width?: number | null;
  height?: number | null;
  video?: VideoFacts | null;
}

/**
 * How far along the item is. Counts are checked on every save; required media when it is submitted for
 * review (or scheduled); alt text when it is scheduled, the last step before a network sees it.
 */
export type MediaCheckStage = 'save' | 'submit' | 'schedule';

interface MediaIssueBase {
  /** The request path it points at: `body.media`, `body.media.2`, `body.media.2.alt_text`. */
  path: string;
  /** The sentence in English, for API consumers and the server's field errors. */
  message: string;
  channel: ChannelId;
}

/**
 * One broken rule. Besides the English `message`, each code carries the facts its sentence names, so
 * another language can say it without reading the English (the web app's src/web/lib/channel-issue-text.ts).
 */
export type MediaIssue = MediaIssueBase &
  (
    | { code: 'too_many_images' | 'too_many_videos'; count: number; limit: number }
    | { code: 'mixed_media' | 'media_required' | 'video_required' }
    /** `media`: the network takes none; `images`: only a video; `video`: no video. */
    | { code: 'media_not_accepted'; refused: 'media' | 'images' | 'video' }
    | { code: 'video_unsuitable'; itemName: string; problem: VideoProblem }
    | { code: 'alt_text_required'; itemName: string }
  );

/**
 * What breaks a network's video rule (channel-rules.ts `VideoRule`), with the facts found and the rule's
 * bounds: seconds, bytes, width / height ratios, pixels, frames a second.
 */
export type VideoProblem =
  | { kind: 'format' | 'video_codec' | 'audio_codec'; found: string; accepted: readonly string[] }
  | { kind: 'duration'; seconds: number; min: number; max: number }
  | { kind: 'too_large'; bytes: number; max: number }
  | { kind: 'too_small'; bytes: number; min: number }
  | { kind: 'shape'; width: number; height: number; min: number; max: number }
  | { kind: 'too_many_pixels'; width: number; height: number; long: number; short: number }
  | { kind: 'frame_rate'; framesPerSecond: number; max: number };

const STAGE_ORDER: Record<MediaCheckStage, number> = { save: 0, submit: 1, schedule: 2 };

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Each kind of issue without its path, sentence and channel, which `mediaIssues` adds. */
type MediaIssueFacts = WithoutBase<MediaIssue>;
/** `Omit` applied to each member of the union (a plain `Omit` would merge them into one). */
type WithoutBase<Issue> = Issue extends unknown ? Omit<Issue, keyof MediaIssueBase> : never;

/**
 * What `media` breaks on `channel` at `stage`, first to last; empty when it may go ahead.
 * @example mediaIssues('x', fiveImages, 'save')[0].message // 'X takes at most 4 images in a post; this has 5'
 */
export function mediaIssues(
  channel: ChannelId,
  media: readonly AttachedMediaFacts[],
  stage: MediaCheckStage,
): MediaIssue[] {
  const { name, media: rule } = CHANNEL_RULES[channel];
  const images = media.filter((item) => item.kind === 'image').length;
  const videos = media.length - images;
  const issues: MediaIssue[] = [];
  const add = (facts: MediaIssueFacts, message: string, path = 'body.media') =>
    issues.push({ path, message, channel, ...facts });

  if (media.length > 0 && rule.maxImages === 0 && rule.maxVideos === 0) {
    add(
      { code: 'media_not_accepted', refused: 'media' },
      `${name} posts carry no images or video; remove the attached media`,
    );
  } else {
    if (images > 0 && rule.maxImages === 0) {
      add(
        { code: 'media_not_accepted', refused: 'images' },
        `${name} takes no images in a post, only a video`,
      );
    } else if (images > rule.maxImages) {
      add(
        { code: 'too_many_images', count: images, limit: rule.maxImages },
        `${name} takes at most ${plural(rule.maxImages, 'image')} in a post; this has ${images}`,
      );
    }
    if (videos > 0 && rule.maxVideos === 0) {
      add({ code: 'media_not_accepted', refused: 'video' }, `${name} takes no video in a post`);
    } else if (videos > rule.maxVideos) {
      add(
        { code: 'too_many_videos', count: videos, limit: rule.maxVideos },
        `${name} takes at most ${plural(rule.maxVideos, 'video')} in a post; this has ${videos}`,
      );
    }
    if (!rule.mixed && images > 0 && videos > 0 && rule.maxImages > 0 && rule.maxVideos > 0) {
      add({ code: 'mixed_media' }, `${name} takes images or a video in a post, not both`);
    }
  }
  if (STAGE_ORDER[stage] >= STAGE_ORDER.submit) {
    if (rule.required === 'media' && media.length === 0) {
      add({ code: 'media_required' }, `${name} posts need an image or a video: attach one from the library`);
    }
    if (rule.required === 'video' && videos === 0) {
      add({ code: 'video_required' }, `${name} posts need a video: attach one from the library`);
    }
  }
  if (stage === 'schedule' && rule.video) {
    const videoRule = rule.video;
    media.forEach((item, index) => {
      if (item.kind !== 'video') return;
      for (const problem of videoProblems(videoRule, item)) {
        add(
          { code: 'video_unsuitable', itemName: item.name, problem },
          `${name} cannot take “${item.name}”: ${videoProblemText(problem)}`,
          `body.media.${index}`,
        );
      }
    });
  }
  if (stage === 'schedule' && rule.altText) {
    media.forEach((item, index) => {
      if (item.kind === 'image' && item.alt_text.trim() === '') {
        add(
          { code: 'alt_text_required', itemName: item.name },
          `Describe “${item.name}” (alt text) before scheduling it to ${name}`,
          `body.media.${index}.alt_text`,
        );
      }
    });
  }
  return issues;
}

const MB = 1024 * 1024;

function sizeText(bytes: number): string {
  return bytes >= 1024 * MB
    ? `${bytes / (1024 * MB)} GB`
    : bytes >= MB
      ? `${Math.round(bytes / MB)} MB`
      : `${Math.round(bytes / 1024)} KB`;
}

function secondsText(seconds: number): string {
  return seconds >= 60 && seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}

/** A ratio as people write it: 1.91:1, 1:3. */
function ratioText(ratio: number): string {
  return ratio >= 1 ? `${Math.round(ratio * 100) / 100}:1` : `1:${Math.round((1 / ratio) * 100) / 100}`;
}

/** What breaks `rule` in a video; nothing for a fact not known (ffprobe missing, a codec unread). */
function videoProblems(rule: VideoRule, item: AttachedMediaFacts): VideoProblem[] {
  const problems: VideoProblem[] = [];
  const facts = item.video;
  if (item.mime_type && !rule.mimeTypes.includes(item.mime_type)) {
    problems.push({ kind: 'format', found: item.mime_type, accepted: rule.mimeTypes });
  }
  if (facts?.video_codec && rule.videoCodecs && !rule.videoCodecs.includes(facts.video_codec)) {
    problems.push({ kind: 'video_codec', found: facts.video_codec, accepted: rule.videoCodecs });
  }
  if (facts?.audio_codec && rule.audioCodecs && !rule.audioCodecs.includes(facts.audio_codec)) {
    problems.push({ kind: 'audio_codec', found: facts.audio_codec, accepted: rule.audioCodecs });
  }
  const seconds = facts?.duration_seconds;
  if (typeof seconds === 'number' && (seconds < rule.minSeconds || seconds > rule.maxSeconds)) {
    problems.push({ kind: 'duration', seconds, min: rule.minSeconds, max: rule.maxSeconds });
  }
  if (typeof item.size_bytes === 'number') {
    if (item.size_bytes > rule.maxBytes)
      problems.push({ kind: 'too_large', bytes: item.size_bytes, max: rule.maxBytes });
    if (rule.minBytes && item.size_bytes < rule.minBytes)
      problems.push({ kind: 'too_small', bytes: item.size_bytes, min: rule.minBytes });
  }
  const { width, height } = item;
  if (width && height) {
    const ratio = width / height;
    if (ratio < rule.aspect.min - 0.005 || ratio > rule.aspect.max + 0.005) {
      problems.push({ kind: 'shape', width, height, min: rule.aspect.min, max: rule.aspect.max });
    }
    const sides = rule.maxSides;
    if (sides && (Math.max(width, height) > sides.long || Math.min(width, height) > sides.short)) {
      problems.push({ kind: 'too_many_pixels', width, height, long: sides.long, short: sides.short });
    }
  }
  if (facts?.frame_rate && rule.maxFrameRate && facts.frame_rate > rule.maxFrameRate + 0.01) {
    problems.push({ kind: 'frame_rate', framesPerSecond: facts.frame_rate, max: rule.maxFrameRate });
  }
  return problems;
}

/** A video problem in English words, as the issue's `message` ends. */
function videoProblemText(problem: VideoProblem): string {
  switch (problem.kind) {
    case 'format':
      return `${problem.found} is not a format it takes (${problem.accepted.join(', ')})`;
    case 'video_codec':
      return `the video is ${problem.found}; it takes ${problem.accepted.join(' or ')}`;
    case 'audio_codec':
      return `the sound is ${problem.found}; it takes ${problem.accepted.join(' or ')}`;
    case 'duration':
      return `it lasts ${Math.round(problem.seconds * 10) / 10} s; it takes ${secondsText(problem.min)} to ${secondsText(problem.max)}`;
    case 'too_large':
      return `it is ${sizeText(problem.bytes)}; it takes at most ${sizeText(problem.max)}`;
    case 'too_small':
      return `it is ${sizeText(problem.bytes)}; it takes at least ${sizeText(problem.min)}`;
    case 'shape':
      return `its shape (${problem.width} × ${problem.height}) is outside ${ratioText(problem.max)} to ${ratioText(problem.min)}`;
    case 'too_many_pixels':
      return `${problem.width} × ${problem.height} is larger than ${problem.long} × ${problem.short}`;
    case 'frame_rate':
      return `it runs at ${Math.round(problem.framesPerSecond)} frames a second; it takes at most ${problem.max}`;
  }
}

/** How far a ratio may sit outside a network's range and still count as inside (1200 × 628 is "1.91:1"). */
const SHAPE_TOLERANCE = 0.005;

/**
 * The crop `channel` receives for an image of `width` × `height`: null when the network takes the image's
 * own shape, else the library's crop inside the network's range nearest the image's own ratio (a 9:16 phone
 * photo goes to Instagram as 4:5, a 3:1 panorama as 1.91:1). The server sends it and the editor shows it.
 * @example cropFor('instagram', { width: 1080, height: 1920 }) // 'portrait'
 */
export function cropFor(
  channel: ChannelId,
  size: { width: number | null; height: number | null },
): MediaCrop | null {
  const shape = CHANNEL_RULES[channel].media.imageShape;
  if (!shape || !size.width || !size.height) return null;
  const ratio = size.width / size.height;
  const fits = (value: number) =>
    value >= shape.min - SHAPE_TOLERANCE && value <= shape.max + SHAPE_TOLERANCE;
  if (fits(ratio)) return null;
  const distance = (crop: MediaCrop) =>
    Math.abs(Math.log(MEDIA_CROPS[crop].width / MEDIA_CROPS[crop].height / ratio));
  const candidates = (Object.keys(MEDIA_CROPS) as MediaCrop[]).filter((crop) =>
    fits(MEDIA_CROPS[crop].width / MEDIA_CROPS[crop].height),
  );
  return candidates.sort((a, b) => distance(a) - distance(b))[0] ?? null;
}
