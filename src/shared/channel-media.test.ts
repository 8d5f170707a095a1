import { describe, expect, it } from 'vitest';
import { type AttachedMediaFacts, cropFor, mediaIssues, mediaLimitSummary } from './channel-media.js';

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
    expect(mediaIssues('sms', [image('a.jpg')], 'save').map((i) => i.code)).toEqual(['media_not_accepted']);
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
      },
    ]);
    // Google Business Profile posts have no alt text field, so none is asked for.
    expect(mediaIssues('google_business', [image('a.jpg', '')], 'schedule')).toEqual([]);
  });
});

describe('mediaLimitSummary', () => {
  it('says each network’s limit in words', () => {
    expect(mediaLimitSummary('x')).toBe('Up to 4 images or 1 video');
    expect(mediaLimitSummary('instagram')).toBe('Up to 10 images and videos; at least one required');
    expect(mediaLimitSummary('tiktok')).toBe('1 video; a video is required');
    expect(mediaLimitSummary('sms')).toBe('No media');
    expect(mediaLimitSummary('email')).toBe('Up to 1 image');
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
