import { describe, expect, it } from 'vitest';
import { directMessageId, parseDirectMessageId } from './direct-message-id.js';

describe('direct message ids', () => {
  it('carry the conversation with the message, and give both back', () => {
    const id = directMessageId('1800000000000000001-1800000000000000002', '1800000000000000042');
    expect(id).toBe('dm:1800000000000000001-1800000000000000002:1800000000000000042');
    expect(parseDirectMessageId(id)).toEqual({
      conversationId: '1800000000000000001-1800000000000000002',
      messageId: '1800000000000000042',
    });
  });

  it('are not mistaken for a post’s or a mention’s id', () => {
    for (const other of [
      '1800000000000000042',
      'at://did:plc:abc/app.bsky.feed.post/3lcv2ttzjxk2c',
      'dm:only-one',
    ]) {
      expect(parseDirectMessageId(other)).toBeNull();
    }
  });
});
