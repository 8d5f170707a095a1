import { describe, expect, it } from 'vitest';
import {
  discordCredentialsSchema,
  PUBLISH_ONLY_NETWORKS,
  readsBack,
  slackCredentialsSchema,
  telegramCredentialsSchema,
} from './network.schema.js';

// The credentials forms of the bot and webhook networks: what they accept, how they normalise it, and
// the sentences people see for what they refuse.

const TOKEN = `123456789:${'A'.repeat(35)}`;
const messages = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) =>
  result.error?.issues.map((issue) => issue.message) ?? [];

describe('Telegram credentials', () => {
  it.each([
    ['@bakerynews', '@bakerynews'],
    ['bakerynews', '@bakerynews'],
    ['https://t.me/bakerynews', '@bakerynews'],
    [' t.me/bakerynews ', '@bakerynews'],
    ['-1001234567890', '-1001234567890'],
  ])('takes the channel %j as %j', (channel, expected) => {
    expect(telegramCredentialsSchema.parse({ bot_token: TOKEN, channel }).channel).toBe(expected);
  });

  it('refuses what is no bot token or channel, saying what each looks like', () => {
    const result = telegramCredentialsSchema.safeParse({ bot_token: 'my password', channel: 'a b' });
    expect(messages(result)).toEqual([
      expect.stringContaining('Paste the token @BotFather gave'),
      expect.stringContaining('Enter the channel’s @username'),
    ]);
  });
});

describe('Discord credentials', () => {
  const URL = 'https://discord.com/api/webhooks/123456789012345678/abcdefghijklmnopqrstuvwxyz-_0123';

  it('takes a webhook URL of Discord’s hosts, the thread optional', () => {
    expect(discordCredentialsSchema.parse({ webhook_url: URL })).toEqual({ webhook_url: URL, thread_id: '' });
    for (const url of [URL.replace('discord.com', 'discordapp.com'), URL.replace('/api/', '/api/v10/')]) {
      expect(discordCredentialsSchema.safeParse({ webhook_url: url }).success).toBe(true);
    }
  });

  it('refuses another host and a thread that is no id', () => {
    const result = discordCredentialsSchema.safeParse({
      webhook_url: URL.replace('discord.com', 'discord.com.evil.example'),
      thread_id: 'general',
    });
    expect(messages(result)).toEqual([
      expect.stringContaining('Paste the webhook URL Discord shows'),
      expect.stringContaining('A thread id is a long number'),
    ]);
  });
});

describe('Slack credentials', () => {
  it('takes an incoming webhook URL and refuses other Slack URLs', () => {
    const url = 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX';
    expect(slackCredentialsSchema.parse({ webhook_url: url })).toEqual({
      webhook_url: url,
      channel_name: '',
    });
    const workflow = slackCredentialsSchema.safeParse({
      webhook_url: 'https://hooks.slack.com/triggers/T00000000/123/abc',
    });
    expect(messages(workflow)).toEqual([
      expect.stringContaining('Paste the incoming webhook URL Slack shows'),
    ]);
  });
});

describe('publish-only networks', () => {
  it('are the ones whose APIs give nothing back', () => {
    expect([...PUBLISH_ONLY_NETWORKS].sort()).toEqual(['discord', 'slack', 'telegram']);
    expect(readsBack('mastodon')).toBe(true);
    expect(readsBack('slack')).toBe(false);
  });
});
