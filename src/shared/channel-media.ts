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

/** One broken rule, with the request path it points at (`body.media`, `body.media.2.alt_text`). */
export interface MediaIssue {
  path: string;
  code:
    | 'too_many_images'
    | 'too_many_videos'
    | 'mixed_media'
    | 'media_not_accepted'
    | 'media_required'
    | 'video_required'
    | 'video_unsuitable'
    | 'alt_text_required';
  message: string;
}

const STAGE_ORDER: Record<MediaCheckStage, number> = { save: 0, submit: 1, schedule: 2 };

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

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
  const add = (code: MediaIssue['code'], message: string, path = 'body.media') =>
    issues.push({ path, code, message });

  if (media.length > 0 && rule.maxImages === 0 && rule.maxVideos === 0) {
    add('media_not_accepted', `${name} posts carry no images or video; remove the attached media`);
  } else {
    if (images > 0 && rule.maxImages === 0) {
      add('media_not_accepted', `${name} takes no images in a post, only a video`);
    } else if (images > rule.maxImages) {
      add(
        'too_many_images',
        `${name} takes at most ${plural(rule.maxImages, 'image')} in a post; this has ${images}`,
      );
    }
    if (videos > 0 && rule.maxVideos === 0) {
      add('media_not_accepted', `${name} takes no video in a post`);
    } else if (videos > rule.maxVideos) {
      add(
        'too_many_videos',
        `${name} takes at most ${plural(rule.maxVideos, 'video')} in a post; this has ${videos}`,
      );
    }
    if (!rule.mixed && images > 0 && videos > 0 && rule.maxImages > 0 && rule.maxVideos > 0) {
      add('mixed_media', `${name} takes images or a video in a post, not both`);
    }
  }
  if (STAGE_ORDER[stage] >= STAGE_ORDER.submit) {
    if (rule.required === 'media' && media.length === 0) {
      add('media_required', `${name} posts need an image or a video: attach one from the library`);
    }
    if (rule.required === 'video' && videos === 0) {
      add('video_required', `${name} posts need a video: attach one from the library`);
    }
  }
  if (stage === 'schedule' && rule.video) {
    const videoRule = rule.video;
    media.forEach((item, index) => {
      if (item.kind !== 'video') return;
      for (const message of videoProblems(videoRule, item)) {
        add('video_unsuitable', `${name} cannot take “${item.name}”: ${message}`, `body.media.${index}`);
      }
    });
  }
  if (stage === 'schedule' && rule.altText) {
    media.forEach((item, index) => {
      if (item.kind === 'image' && item.alt_text.trim() === '') {
        add(
          'alt_text_required',
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

/** What breaks `rule` in a video, in words; nothing for a fact not known (ffprobe missing, a codec unread). */
function videoProblems(rule: VideoRule, item: AttachedMediaFacts): string[] {
  const problems: string[] = [];
  const facts = item.video;
  if (item.mime_type && !rule.mimeTypes.includes(item.mime_type)) {
    problems.push(`${item.mime_type} is not a format it takes (${rule.mimeTypes.join(', ')})`);
  }
  if (facts?.video_codec && rule.videoCodecs && !rule.videoCodecs.includes(facts.video_codec)) {
    problems.push(`the video is ${facts.video_codec}; it takes ${rule.videoCodecs.join(' or ')}`);
  }
  if (facts?.audio_codec && rule.audioCodecs && !rule.audioCodecs.includes(facts.audio_codec)) {
    problems.push(`the sound is ${facts.audio_codec}; it takes ${rule.audioCodecs.join(' or ')}`);
  }
  const seconds = facts?.duration_seconds;
  if (typeof seconds === 'number' && (seconds < rule.minSeconds || seconds > rule.maxSeconds)) {
    problems.push(
      `it lasts ${Math.round(seconds * 10) / 10} s; it takes ${secondsText(rule.minSeconds)} to ${secondsText(rule.maxSeconds)}`,
    );
  }
  if (typeof item.size_bytes === 'number') {
    if (item.size_bytes > rule.maxBytes)
      problems.push(`it is ${sizeText(item.size_bytes)}; it takes at most ${sizeText(rule.maxBytes)}`);
    if (rule.minBytes && item.size_bytes < rule.minBytes)
      problems.push(`it is ${sizeText(item.size_bytes)}; it takes at least ${sizeText(rule.minBytes)}`);
  }
  const { width, height } = item;
  if (width && height) {
    const ratio = width / height;
    if (ratio < rule.aspect.min - 0.005 || ratio > rule.aspect.max + 0.005) {
      problems.push(
        `its shape (${width} × ${height}) is outside ${ratioText(rule.aspect.max)} to ${ratioText(rule.aspect.min)}`,
      );
    }
    const sides = rule.maxSides;
    if (sides && (Math.max(width, height) > sides.long || Math.min(width, height) > sides.short)) {
      problems.push(`${width} × ${height} is larger than ${sides.long} × ${sides.short}`);
    }
  }
  if (facts?.frame_rate && rule.maxFrameRate && facts.frame_rate > rule.maxFrameRate + 0.01) {
    problems.push(
      `it runs at ${Math.round(facts.frame_rate)} frames a second; it takes at most ${rule.maxFrameRate}`,
    );
  }
  return problems;
}

/**
 * The channel's media limits as a person reads them, for the editor.
 * @example mediaLimitSummary('x') // 'Up to 4 images or 1 video'
 */
export function mediaLimitSummary(channel: ChannelId): string {
  const { media: rule } = CHANNEL_RULES[channel];
  if (rule.maxImages === 0 && rule.maxVideos === 0) return 'No media';
  const parts: string[] = [];
  if (rule.maxImages > 0) parts.push(plural(rule.maxImages, 'image'));
  if (rule.maxVideos > 0) parts.push(plural(rule.maxVideos, 'video'));
  const joined = rule.mixed ? `Up to ${rule.maxImages} images and videos` : `Up to ${parts.join(' or ')}`;
  const required =
    rule.required === 'media'
      ? '; at least one required'
      : rule.required === 'video'
        ? '; a video is required'
        : '';
  return `${rule.maxImages === 0 ? `${plural(rule.maxVideos, 'video')}` : joined}${required}`;
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
