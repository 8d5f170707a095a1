import { describe, expect, it } from 'vitest';
import { AgentPool } from './bluesky-agents.js';

const PDS = 'https://pds.example';
const session = {
  did: 'did:plc:bakery',
  handle: 'bakery.example',
  accessJwt: 'a',
  refreshJwt: 'r',
  active: true,
};

describe('AgentPool', () => {
  it('hands an account’s idle agent to its next call, holding no tokens in between', () => {
    const pool = new AgentPool(fetch);
    const first = pool.take(PDS, 'did:plc:bakery');
    first.agent.sessionManager.session = session;
    // A second call while the first holds its agent gets one of its own.
    const concurrent = pool.take(PDS, 'did:plc:bakery');
    expect(concurrent.agent).not.toBe(first.agent);
    pool.give(PDS, 'did:plc:bakery', first);
    expect(first.agent.sessionManager.session).toBeUndefined();

    expect(pool.take(PDS, 'did:plc:bakery').agent).toBe(first.agent);
    expect(pool.take(PDS, 'did:plc:other').agent).not.toBe(first.agent);
    expect(pool.take('https://elsewhere.example', 'did:plc:bakery').agent).not.toBe(first.agent);
  });

  it('tells only the call holding the agent about renewals', () => {
    const pool = new AgentPool(fetch);
    const held = pool.take(PDS, 'did:plc:bakery');
    const heard: string[] = [];
    held.listen((event) => heard.push(event));
    const persist = (held.agent.sessionManager as unknown as { persistSession: (e: string) => void })
      .persistSession;
    persist('update');
    pool.give(PDS, 'did:plc:bakery', held);
    persist('update');
    expect(heard).toEqual(['update']);
  });

  it('keeps at most `size` idle agents, dropping the least recently used', () => {
    const pool = new AgentPool(fetch, 2);
    const a = pool.take(PDS, 'did:plc:a');
    const b = pool.take(PDS, 'did:plc:b');
    const c = pool.take(PDS, 'did:plc:c');
    pool.give(PDS, 'did:plc:a', a);
    pool.give(PDS, 'did:plc:b', b);
    pool.give(PDS, 'did:plc:c', c);
    expect(pool.idleCount).toBe(2);
    expect(pool.take(PDS, 'did:plc:a').agent).not.toBe(a.agent);
    expect(pool.take(PDS, 'did:plc:c').agent).toBe(c.agent);
  });
});
