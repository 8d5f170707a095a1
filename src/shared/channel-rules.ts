import type { ChannelId } from './channel-ids.js';

// The data behind channels.ts: one entry per network, each limit with its source. Posting times and
// cadences are starting points for the offline planner, not promises: every audience differs.

/**
 * Bumped whenever a text limit, count rule or recommendation below changes (the writer's prompts quote it).
 * The media rules are not part of any prompt, so they change without a bump.
 */
export const CHANNEL_RULES_VERSION = '2026-12-02.1';

/**
 * How a network measures text:
 * - `characters`: Unicode code points;
 * - `graphemes`: user-perceived characters (`Intl.Segmenter`), Bluesky;
 * - `emoji_bytes`: characters, but each emoji counts as its UTF-8 bytes, Threads;
 * - `weighted`: X's weighted count (URLs 23, emoji and CJK 2);
 * - `sms_units`: GSM-7 septets or UCS-2 code units, against one segment.
 */
export type CountUnit = 'characters' | 'graphemes' | 'emoji_bytes' | 'weighted' | 'sms_units';

/** Which title-like field a network has: an event's title, an email's subject, a Pin's title. */
export type TitleKind = 'event_title' | 'subject' | 'pin_title';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * What a post may carry from the media library. Images and videos are counted apart: most networks take
 * several images or one video, not both.
 */
export interface MediaRule {
  /** Most images one post carries (0: the network takes none). */
  maxImages: number;
  /** Most videos one post carries. */
  maxVideos: number;
  /** Whether images and videos may share one post (a carousel of both). */
  mixed: boolean;
  /** What a post must carry before it is submitted: nothing, an image or video, or a video. */
  required: 'none' | 'media' | 'video';
  /** Whether the network takes alt text for images; then every image needs it before scheduling. */
  altText: boolean;
  /**
   * The shapes (width / height) the network takes for an image, when it refuses others; an image outside
   * them is sent as the nearest crop of the library (cut around its focal point). Absent: any shape.
   */
  imageShape?: { min: number; max: number };
  /** What a video must be for the network's upload to take it; absent: no rule of ours. */
  video?: VideoRule;
}

/**
 * A network's video requirements, checked against what ffprobe read (media.schema.ts `video`) when a post
 * is scheduled, so a video the network would refuse after a long upload is refused before.
 */
export interface VideoRule {
  /** The containers taken, by the type read from the file's bytes. */
  mimeTypes: readonly string[];
  /** ffprobe's codec names (`h264`, `hevc`; `aac`); absent: any. A silent video has no audio codec. */
  videoCodecs?: readonly string[];
  audioCodecs?: readonly string[];
  minSeconds: number;
  maxSeconds: number;
  minBytes?: number;
  maxBytes: number;
  /** Width / height. */
  aspect: { min: number; max: number };
  maxFrameRate?: number;
  /** Largest picture in pixels, longer and shorter side; absent: any. */
  maxSides?: { long: number; short: number };
}

/** One network's rules. */
export interface ChannelRule {
  id: ChannelId;
  name: string;
  /** Maximum length of the body (for SMS: one segment; more segments are allowed but billed). */
  limit: number;
  unit: CountUnit;
  /** Hard cap on hashtags (0: hashtags do nothing there, so none are written). */
  maxHashtags: number;
  /** How many hashtags the writer adds by default. */
  suggestedHashtags: number;
  /** Hard cap on links in one post, when the network has one. */
  maxLinks: number | null;
  /** Whether a piece may be a thread of several posts, each within `limit`. */
  threads: boolean;
  /** Length shown before "more", when the network truncates the feed view. */
  previewLength: number | null;
  /**
   * Title-like field: email subject, event title. `label` is its English name (prompts and messages say it);
   * `kind` lets a translation say the whole sentence about it, article and gender included.
   */
  title: { kind: TitleKind; label: string; limit: number; warnOver: number | null } | null;
  preheaderLimit: number | null;
  commentLimit: number | null;
  /** Hard cap on SMS segments. */
  maxSegments: number | null;
  /** Recommended posts per week for a small team (the planner's default). */
  cadencePerWeek: number;
  /** Good days and local times (HH:MM) to publish. */
  postingDays: readonly Weekday[];
  postingTimes: readonly string[];
  /** What the post may carry from the media library. */
  media: MediaRule;
}

const noExtras = {
  previewLength: null,
  title: null,
  preheaderLimit: null,
  commentLimit: null,
  maxSegments: null,
} as const;

// Cadence sources: Hootsuite, "How often to post on social media" (2023): Instagram 3–7 a week, Facebook
// 1–2 a day, X 1–5 a day, LinkedIn 1–5 a day; HubSpot's Facebook study found pages under 10k followers did
// better with fewer posts. We default to the low end of those ranges, sized for a small team.
// Time sources: Sprout Social, "Best times to post on social media" (2023, as reported by Social Media
// Today, 2023-05-10, and O'Dwyer's, 2023-06-07), local time: Facebook Mon–Thu 8–13h, Instagram Mon–Wed and
// Fri 9–13h, X Tue–Fri 9–12h, LinkedIn Tue–Wed 10–12h, TikTok midweek afternoons. Where no study exists
// (Threads, Bluesky, Google Business Profile, email, SMS) the entry says which assumption it makes.

/** Every channel's rules. */
export const CHANNEL_RULES: Readonly<Record<ChannelId, ChannelRule>> = {
  x: {
    id: 'x',
    name: 'X',
    // X Help "Counting characters": 280 weighted characters (25,000 for Premium accounts, a per-account
    // setting the caller passes as a limit override).
    limit: 280,
    unit: 'weighted',
    maxHashtags: 10, // no hard cap; X's own best practice is one or two, so ten is already generous
    suggestedHashtags: 2,
    maxLinks: null,
    threads: true,
    ...noExtras,
    cadencePerWeek: 5,
    postingDays: [2, 3, 4, 5],
    postingTimes: ['09:00', '10:00', '11:00'],
    // X API v2 POST /2/tweets: `media.media_ids` holds 1 to 4 ids, and a video or GIF goes alone; alt text
    // through POST /2/media/metadata (1,000 characters).
    media: {
      maxImages: 4,
      maxVideos: 1,
      mixed: false,
      required: 'none',
      altText: true,
      // docs.x.com, "Media best practices" (tweet_video): MP4 or MOV, H.264 with AAC-LC sound, 0.5 to 140
      // seconds, at most 512 MB, 1:3 to 3:1, at most 60 frames a second, up to 1920 × 1200 (1200 × 1900).
      video: {
        mimeTypes: ['video/mp4', 'video/quicktime'],
        videoCodecs: ['h264'],
        audioCodecs: ['aac'],
        minSeconds: 0.5,
        maxSeconds: 140,
        maxBytes: 512 * 1024 * 1024,
        aspect: { min: 1 / 3, max: 3 },
        maxFrameRate: 60,
        maxSides: { long: 1920, short: 1200 },
      },
    },
  },
  linkedin: {
    id: 'linkedin',
    name: 'LinkedIn',
    limit: 3000, // LinkedIn Help, "Share posts": 3,000 characters; comments 1,250
    unit: 'characters',
    maxHashtags: 10, // no hard cap; LinkedIn suggests a few relevant ones
    suggestedHashtags: 3,
    maxLinks: null,
    threads: false,
    ...noExtras,
    commentLimit: 1250,
    cadencePerWeek: 3,
    postingDays: [2, 3, 4],
    postingTimes: ['10:00', '11:00'],
    // LinkedIn Marketing API, "MultiImage API": 2 to 20 images per post, each with `altText`; a video post
    // ("Videos API") carries one video.
    media: {
      maxImages: 20,
      maxVideos: 1,
      mixed: false,
      required: 'none',
      altText: true,
      // LinkedIn Marketing API, "Videos API", video specifications: MP4, 3 seconds to 30 minutes, 75 KB to
      // 500 MB, aspect ratio 1:2.4 to 2.4:1, 10 to 60 frames a second.
      video: {
        mimeTypes: ['video/mp4'],
        minSeconds: 3,
        maxSeconds: 30 * 60,
        minBytes: 75 * 1024,
        maxBytes: 500 * 1024 * 1024,
        aspect: { min: 1 / 2.4, max: 2.4 },
        maxFrameRate: 60,
      },
    },
  },
  instagram: {
    id: 'instagram',
    name: 'Instagram',
    limit: 2200, // Instagram Help: captions up to 2,200 characters and 30 hashtags
    unit: 'characters',
    maxHashtags: 30,
    suggestedHashtags: 8,
    maxLinks: null,
    threads: false,
    ...noExtras,
    previewLength: 125, // the feed shows about 125 characters before "more"
    cadencePerWeek: 3,
    postingDays: [1, 2, 3, 5],
    postingTimes: ['10:00', '11:00', '12:00'],
    // Instagram Platform, "Content Publishing": every post is an image, a video (reel) or a carousel of up
    // to 10 images and videos; `alt_text` for image posts since 2025-03-24 (not reels or stories).
    // Feed images must be between 4:5 and 1.91:1 (the same page, "Limitations"), or the container is refused.
    media: {
      maxImages: 10,
      maxVideos: 10,
      mixed: true,
      required: 'media',
      altText: true,
      imageShape: { min: 4 / 5, max: 1.91 },
    },
  },
  facebook: {
    id: 'facebook',
    name: 'Facebook',
    limit: 63206, // the Page post limit Facebook has enforced since 2011
    unit: 'characters',
    maxHashtags: 10,
    suggestedHashtags: 2,
    maxLinks: null,
    threads: false,
    ...noExtras,
    cadencePerWeek: 4,
    postingDays: [1, 2, 3, 4],
    postingTimes: ['09:00', '11:00', '12:00'],
    // Graph API Page posts: photos go up unpublished and are attached through `attached_media` (we keep to
    // the 10 the composer shows as one album); a video is its own post. Photos take `alt_text_custom`.
    media: { maxImages: 10, maxVideos: 1, mixed: false, required: 'none', altText: true },
  },
  tiktok: {
    id: 'tiktok',
    name: 'TikTok',
    limit: 2200, // TikTok Content Posting API: video captions up to 2,200 characters
    unit: 'characters',
    maxHashtags: 10,
    suggestedHashtags: 4,
    maxLinks: 0, // links in captions are not clickable; we keep them out
    threads: false,
    ...noExtras,
    cadencePerWeek: 3,
    postingDays: [2, 3, 4],
    postingTimes: ['14:00', '15:00', '16:00'],
    // TikTok Content Posting API, "Direct Post": one video per post (photo posts are a separate flow we do
    // not use); no alt text field.
    media: { maxImages: 0, maxVideos: 1, mixed: false, required: 'video', altText: false },
  },
  threads: {
    id: 'threads',
    name: 'Threads',
    // Meta Threads API "Posts": 500 characters, emoji counted as UTF-8 bytes; "Text attachments": at most
    // 5 links (enforced from 2025-12-22); one topic tag per post.
    limit: 500,
    unit: 'emoji_bytes',
    maxHashtags: 1,
    suggestedHashtags: 1,
    maxLinks: 5,
    threads: true,
    ...noExtras,
    // No public timing study yet: we assume Instagram's Meta audience and its mid-morning weekdays.
    cadencePerWeek: 5,
    postingDays: [1, 2, 3, 5],
    postingTimes: ['10:00', '11:00', '12:00'],
    // Meta Threads API "Posts": an image, a video or a carousel (`children`); we keep to the 10 items
    // carousels launched with. Image and video containers take `alt_text`.
    media: { maxImages: 10, maxVideos: 10, mixed: true, required: 'none', altText: true },
  },
  bluesky: {
    id: 'bluesky',
    name: 'Bluesky',
    // app.bsky.feed.post lexicon: text maxGraphemes 300; the record's `tags` holds at most 8.
    limit: 300,
    unit: 'graphemes',
    maxHashtags: 8,
    suggestedHashtags: 2,
    maxLinks: null,
    threads: true,
    ...noExtras,
    // No public timing study yet: we assume X's conversational, news-hour audience.
    cadencePerWeek: 5,
    postingDays: [2, 3, 4, 5],
    postingTimes: ['09:00', '10:00', '11:00'],
    // app.bsky.embed.images: at most 4 images, each with `alt`; app.bsky.embed.video: one video.
    media: { maxImages: 4, maxVideos: 1, mixed: false, required: 'none', altText: true },
  },
  google_business: {
    id: 'google_business',
    name: 'Google Business Profile',
    // Google Business Profile Help, "Post updates": 1,500 characters; event titles 58 characters.
    limit: 1500,
    unit: 'characters',
    maxHashtags: 0, // hashtags do nothing on Business Profile posts
    suggestedHashtags: 0,
    maxLinks: null,
    threads: false,
    ...noExtras,
    title: { kind: 'event_title', label: 'event title', limit: 58, warnOver: null },
    // Assumption: a weekly update keeps the profile fresh; mid-week mornings when local searches peak.
    cadencePerWeek: 1,
    postingDays: [2, 3, 4],
    postingTimes: ['09:00'],
    // Business Profile API `localPosts`: one photo or video in `media`; no alt text field.
    media: { maxImages: 1, maxVideos: 1, mixed: false, required: 'none', altText: false },
  },
  email: {
    id: 'email',
    name: 'Email',
    limit: 70000, // our own cap on a body (the content schema's), not a mail limit
    unit: 'characters',
    maxHashtags: 0,
    suggestedHashtags: 0,
    maxLinks: null,
    threads: false,
    ...noExtras,
    // RFC 5322 §2.1.1 recommends lines of at most 78 characters, so longer subjects get folded; inboxes
    // show roughly 60 characters on desktop, hence the warning. Preheaders past ~140 characters are cut.
    title: { kind: 'subject', label: 'subject', limit: 78, warnOver: 60 },
    preheaderLimit: 140,
    // Assumption (common email-service guidance): weekly, mid-week mid-morning.
    cadencePerWeek: 1,
    postingDays: [2, 3, 4],
    postingTimes: ['10:00'],
    // Our own rule: one header image, sent as an <img> that needs its alt attribute; no video in mail.
    media: { maxImages: 1, maxVideos: 0, mixed: false, required: 'none', altText: true },
  },
  sms: {
    id: 'sms',
    name: 'SMS',
    // 3GPP TS 23.038/23.040: 160 GSM-7 septets or 70 UCS-2 units, 153/67 per part when concatenated.
    limit: 160,
    unit: 'sms_units',
    maxHashtags: 0,
    suggestedHashtags: 0,
    maxLinks: null,
    threads: false,
    ...noExtras,
    maxSegments: 10, // Twilio rejects bodies over 1,600 characters (error 21617), about ten segments
    // Assumption: at most weekly (opt-in lists tire fast), lunchtime or early evening.
    cadencePerWeek: 1,
    postingDays: [4, 6],
    postingTimes: ['12:00', '17:30'],
    // SMS carries text only (pictures would need MMS, which we do not send).
    media: { maxImages: 0, maxVideos: 0, mixed: false, required: 'none', altText: false },
  },
  mastodon: {
    id: 'mastodon',
    name: 'Mastodon',
    // Mastodon's default `max_characters` is 500 (instances may raise it: GET /api/v2/instance,
    // configuration.statuses.max_characters, a per-account limit override); every URL counts as 23.
    limit: 500,
    unit: 'characters',
    maxHashtags: 10, // no hard cap; hashtags are how posts are found there, a few are the norm
    suggestedHashtags: 3,
    maxLinks: null,
    threads: true, // replies to one's own post (in_reply_to_id)
    ...noExtras,
    // No public timing study yet: we assume Bluesky's and X's conversational weekday mornings.
    cadencePerWeek: 5,
    postingDays: [2, 3, 4, 5],
    postingTimes: ['09:00', '10:00', '11:00'],
    // configuration.statuses.max_media_attachments is 4 by default; each attachment takes `description`
    // (alt text, 1,500 characters); Mastodon's composer refuses images and a video together.
    media: { maxImages: 4, maxVideos: 1, mixed: false, required: 'none', altText: true },
  },
  pinterest: {
    id: 'pinterest',
    name: 'Pinterest',
    // Pinterest API v5 POST /v5/pins: `description` up to 500 characters, `title` up to 100, `alt_text`
    // up to 500; every Pin carries one image or video (or a carousel of 2 to 5 images).
    limit: 500,
    unit: 'characters',
    maxHashtags: 5, // Pinterest no longer promotes hashtags; a few descriptive ones still help search
    suggestedHashtags: 2,
    maxLinks: null, // the destination is the Pin's own `link` field, not the description
    threads: false,
    ...noExtras,
    title: { kind: 'pin_title', label: 'Pin title', limit: 100, warnOver: null },
    // Pinterest Business, "Best practices": pin consistently through the week; evenings and weekends do
    // best for most retail audiences. We default to a few a week.
    cadencePerWeek: 3,
    postingDays: [5, 6, 7],
    postingTimes: ['20:00', '21:00'],
    media: {
      maxImages: 5,
      maxVideos: 1,
      mixed: false,
      required: 'media',
      altText: true,
      // Pinterest Business, "Video Pin specifications": MP4, MOV or M4V in H.264 or H.265, 4 seconds to 15
      // minutes, at most 2 GB, between 1.91:1 and 1:2.
      video: {
        mimeTypes: ['video/mp4', 'video/quicktime', 'video/x-m4v'],
        videoCodecs: ['h264', 'hevc'],
        minSeconds: 4,
        maxSeconds: 15 * 60,
        maxBytes: 2 * 1024 * 1024 * 1024,
        aspect: { min: 1 / 2, max: 1.91 },
      },
    },
  },
  telegram: {
    id: 'telegram',
    name: 'Telegram',
    // Telegram Bot API sendMessage: 1–4,096 characters after entities parsing; sendPhoto/sendMediaGroup
    // captions 0–1,024 (the body then has to fit the caption). No hashtag cap.
    limit: 4096,
    unit: 'characters',
    maxHashtags: 5,
    suggestedHashtags: 0,
    maxLinks: null,
    threads: false,
    ...noExtras,
    // Assumption: a channel is read like a newsletter: a few posts a week, late morning.
    cadencePerWeek: 3,
    postingDays: [1, 2, 3, 4, 5],
    postingTimes: ['11:00'],
    // sendMediaGroup: 2 to 10 photos and videos in one album; no alt text field in the Bot API.
    media: { maxImages: 10, maxVideos: 10, mixed: true, required: 'none', altText: false },
  },
  discord: {
    id: 'discord',
    name: 'Discord',
    // Discord "Execute Webhook": `content` up to 2,000 characters; up to 10 embeds and 10 files.
    limit: 2000,
    unit: 'characters',
    maxHashtags: 0, // hashtags do nothing on Discord
    suggestedHashtags: 0,
    maxLinks: null,
    threads: false,
    ...noExtras,
    // Assumption: community announcements, a couple a week, early evening when members are around.
    cadencePerWeek: 2,
    postingDays: [2, 4],
    postingTimes: ['18:00'],
    // Attachments take a `description` (alt text) of up to 1,024 characters.
    media: { maxImages: 10, maxVideos: 1, mixed: true, required: 'none', altText: true },
  },
  slack: {
    id: 'slack',
    name: 'Slack',
    // Slack incoming webhooks: `text` is truncated past 40,000 characters; Slack recommends at most 4,000
    // for readability, which we take as the limit. Images go in an `image` block with `alt_text` (2,000).
    limit: 4000,
    unit: 'characters',
    maxHashtags: 0, // hashtags do nothing in Slack
    suggestedHashtags: 0,
    maxLinks: null,
    threads: false,
    ...noExtras,
    // Assumption: an internal or partner channel, weekly, Monday morning.
    cadencePerWeek: 1,
    postingDays: [1],
    postingTimes: ['09:30'],
    // Block Kit: an `image` block per picture (a message holds up to 50 blocks; we keep to 10), by URL.
    media: { maxImages: 10, maxVideos: 0, mixed: false, required: 'none', altText: true },
  },
};
