/** Every channel the product writes for; `channels.ts` holds each one's rules. */
export const CHANNEL_IDS = [
  'x',
  'linkedin',
  'instagram',
  'facebook',
  'tiktok',
  'threads',
  'bluesky',
  'google_business',
  'email',
  'sms',
  'mastodon',
  'pinterest',
  'telegram',
  'discord',
  'slack',
] as const;

export type ChannelId = (typeof CHANNEL_IDS)[number];

/** The kinds of content an item can be. */
export const CONTENT_FORMATS = [
  'post',
  'thread',
  'story',
  'reel_script',
  'email',
  'ad',
  'blog_outline',
  'sms',
] as const;
export type ContentFormat = (typeof CONTENT_FORMATS)[number];
