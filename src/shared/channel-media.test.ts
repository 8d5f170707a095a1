import { describe, expect, it } from 'vitest';
import { type AttachedMediaFacts, cropFor, mediaIssues } from './channel-media.js';
import type { VideoFacts } from './media.schema.js';

const image = (name: string, alt = 'A described picture'): AttachedMediaFacts => ({
  id: name,
  kind: 'image',
  name,
  alt_text: alt,
});
const video = (name: string): AttachedMediaFacts => ({ id: name, kind: 'video', name, alt_text: '' });
const images = (count: number) => Array.from({ length: count }, (_, index) => image(`p${index}.jpg`));

describe('mediaIssues', () => {
  it('counts images and videos against the network’s maximum on every save', () => {
    expect(mediaIssues('x', images(4), 'save')).toEqual([]);
    expect(mediaIssues('x', images(5), 'save')).toEqual([
      {
        path: 'body.media',
        code: 'too_many_images',
        message: 'X takes at most 4 images in a post; this has 5',
        channel: 'x',
        count: 5,
        limit: 4,
      },
    ]);
    expect(mediaIssues('bluesky', [video('a.mp4'), video('b.mp4')], 'save')[0]?.code).toBe('too_many_videos');
    expect(mediaIssues('instagram', images(10), 'save')).toEqual([]);
    expect(mediaIssues('instagram', images(11), 'save')[0]?.message).toBe(
      'Instagram takes at most 10 images in a post; this has 11',
    );
  });

  it('refuses images beside a video where a network takes one or the other, and media where none is taken', () => {
    expect(mediaIssues('linkedin', [image('a.jpg'), video('b.mp4')], 'save').map((i) => i.code)).toEqual([
      'mixed_media',
    ]);
    expect(mediaIssues('instagram', [image('a.jpg'), video('b.mp4')], 'save')).toEqual([]);
    expect(mediaIssues('sms', [image('a.jpg')], 'save')).toMatchObject([
      { code: 'media_not_accepted', refused: 'media' },
    ]);
    expect(mediaIssues('tiktok', [image('a.jpg')], 'save')).toMatchObject([
      { code: 'media_not_accepted', refused: 'images' },
    ]);
    expect(mediaIssues('tiktok', [image('a.jpg')], 'save')[0]?.message).toBe(
      'TikTok takes no images in a post, only a video',
    );
  });

  it('requires media only from submission on', () => {
    expect(mediaIssues('instagram', [], 'save')).toEqual([]);
    expect(mediaIssues('instagram', [], 'submit').map((i) => i.code)).toEqual(['media_required']);
    expect(mediaIssues('tiktok', [], 'submit').map((i) => i.code)).toEqual(['video_required']);
    expect(mediaIssues('tiktok', [video('a.mp4')], 'schedule')).toEqual([]);
    expect(mediaIssues('x', [], 'schedule')).toEqual([]);
  });

  it('asks for alt text when scheduling to a network that takes it, naming the image', () => {
    const media = [image('ok.jpg'), image('beach.jpg', '  '), video('clip.mp4')];
    expect(mediaIssues('bluesky', media, 'submit').map((i) => i.code)).toEqual(['mixed_media']);
    expect(mediaIssues('bluesky', media.slice(0, 2), 'submit')).toEqual([]);
    expect(mediaIssues('bluesky', media.slice(0, 2), 'schedule')).toEqual([
      {
        path: 'body.media.1.alt_text',
        code: 'alt_text_required',
        message: 'Describe “beach.jpg” (alt text) before scheduling it to Bluesky',
        channel: 'bluesky',
        itemName: 'beach.jpg',
      },
    ]);
    // Google Business Profile posts have no alt text field, so none is asked for.
    expect(mediaIssues('google_business', [image('a.jpg', '')], 'schedule')).toEqual([]);
  });
});

describe('cropFor', () => {
  it('sends an image inside the network’s shapes as it is, and one outside as the nearest crop inside them', () => {
    expect(cropFor('instagram', { width: 1080, height: 1350 })).toBeNull();
    expect(cropFor('instagram', { width: 4000, height: 3000 })).toBeNull();
    expect(cropFor('instagram', { width: 1200, height: 628 })).toBeNull();
    // A phone's 9:16 portrait is taller than 4:5; a 3:1 panorama wider than 1.91:1.
    expect(cropFor('instagram', { width: 1080, height: 1920 })).toBe('portrait');
    expect(cropFor('instagram', { width: 3000, height: 1000 })).toBe('landscape');
    expect(cropFor('instagram', { width: 1000, height: 2000 })).toBe('portrait');
  });

  it('leaves every shape alone where the network takes any, and images of unknown size', () => {
    expect(cropFor('x', { width: 1080, height: 1920 })).toBeNull();
    expect(cropFor('bluesky', { width: 3000, height: 1000 })).toBeNull();
    expect(cropFor('instagram', { width: null, height: null })).toBeNull();
  });
});

describe('video rules', () => {
  const facts: VideoFacts = {
    duration_seconds: 30,
    video_codec: 'h264',
    audio_codec: 'aac',
    frame_rate: 30,
    bit_rate: 5_000_000,
  };
  const clip = (overrides: Partial<AttachedMediaFacts> = {}): AttachedMediaFacts => ({
    ...video('clip.mp4'),
    mime_type: 'video/mp4',
    size_bytes: 20 * 1024 * 1024,
    width: 1280,
    height: 720,
    video: facts,
    ...overrides,
  });

  it('takes a video within the network’s rules, and checks only when the post is scheduled', () => {
    expect(mediaIssues('x', [clip()], 'schedule')).toEqual([]);
    expect(mediaIssues('linkedin', [clip()], 'schedule')).toEqual([]);
    expect(mediaIssues('pinterest', [clip({ width: 1080, height: 1920 })], 'schedule')).toEqual([]);
    const long = clip({ video: { ...facts, duration_seconds: 200 } });
    expect(mediaIssues('x', [long], 'submit')).toEqual([]);
    expect(mediaIssues('x', [long], 'schedule')).toEqual([
      {
        path: 'body.media.0',
        code: 'video_unsuitable',
        message: 'X cannot take “clip.mp4”: it lasts 200 s; it takes 0.5 s to 140 s',
        channel: 'x',
        itemName: 'clip.mp4',
        problem: { kind: 'duration', seconds: 200, min: 0.5, max: 140 },
      },
    ]);
  });

  it('names each broken rule: format, codecs, length, size, shape, picture size and frame rate', () => {
    const odd = clip({
      mime_type: 'video/webm',
      size_bytes: 600 * 1024 * 1024,
      width: 3840,
      height: 1000,
      video: {
        duration_seconds: 0.2,
        video_codec: 'vp9',
        audio_codec: 'opus',
        frame_rate: 120,
        bit_rate: null,
      },
    });
    expect(mediaIssues('x', [odd], 'schedule').map((issue) => issue.message)).toEqual([
      'X cannot take “clip.mp4”: video/webm is not a format it takes (video/mp4, video/quicktime)',
      'X cannot take “clip.mp4”: the video is vp9; it takes h264',
      'X cannot take “clip.mp4”: the sound is opus; it takes aac',
      'X cannot take “clip.mp4”: it lasts 0.2 s; it takes 0.5 s to 140 s',
      'X cannot take “clip.mp4”: it is 600 MB; it takes at most 512 MB',
      'X cannot take “clip.mp4”: its shape (3840 × 1000) is outside 3:1 to 1:3',
      'X cannot take “clip.mp4”: 3840 × 1000 is larger than 1920 × 1200',
      'X cannot take “clip.mp4”: it runs at 120 frames a second; it takes at most 60',
    ]);
    expect(
      mediaIssues('x', [odd], 'schedule').map((issue) => issue.code === 'video_unsuitable' && issue.problem),
    ).toEqual([
      { kind: 'format', found: 'video/webm', accepted: ['video/mp4', 'video/quicktime'] },
      { kind: 'video_codec', found: 'vp9', accepted: ['h264'] },
      { kind: 'audio_codec', found: 'opus', accepted: ['aac'] },
      { kind: 'duration', seconds: 0.2, min: 0.5, max: 140 },
      { kind: 'too_large', bytes: 600 * 1024 * 1024, max: 512 * 1024 * 1024 },
      { kind: 'shape', width: 3840, height: 1000, min: 1 / 3, max: 3 },
      { kind: 'too_many_pixels', width: 3840, height: 1000, long: 1920, short: 1200 },
      { kind: 'frame_rate', framesPerSecond: 120, max: 60 },
    ]);
    expect(mediaIssues('linkedin', [clip({ size_bytes: 10_000 })], 'schedule')[0]?.message).toBe(
      'LinkedIn cannot take “clip.mp4”: it is 10 KB; it takes at least 75 KB',
    );
    expect(mediaIssues('pinterest', [clip({ width: 2000, height: 1000 })], 'schedule')[0]?.message).toBe(
      'Pinterest cannot take “clip.mp4”: its shape (2000 × 1000) is outside 1.91:1 to 1:2',
    );
  });

  it('checks only what is known (no ffprobe facts), and networks without a video rule take any', () => {
    expect(mediaIssues('x', [clip({ video: null })], 'schedule')).toEqual([]);
    expect(mediaIssues('x', [video('bare.mp4')], 'schedule')).toEqual([]);
    expect(
      mediaIssues('bluesky', [clip({ video: { ...facts, duration_seconds: 5000 } })], 'schedule'),
    ).toEqual([]);
  });
});
