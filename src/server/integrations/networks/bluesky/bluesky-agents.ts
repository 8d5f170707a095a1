import { AtpAgent, type AtpSessionData, type AtpSessionEvent } from '@atproto/api';

// Building an agent costs about 20 ms of CPU (the client compiles its lexicons for each one), which every
// post of an hourly reading would pay. Agents are kept between calls instead: one idle agent per account at
// most, handed to one call at a time. An idle agent holds no tokens (its session is cleared when it comes
// back) and tells nobody about renewals until the next call listens.

type SessionListener = (event: AtpSessionEvent, data: AtpSessionData | undefined) => void;

/** An agent, and who hears about its session's changes while a call holds it. */
export interface HeldAgent {
  agent: AtpAgent;
  listen: (listener: SessionListener | undefined) => void;
}

/** Idle agents kept, least recently used dropped first. */
const DEFAULT_SIZE = 100;

export class AgentPool {
  private readonly idle = new Map<string, HeldAgent>();

  constructor(
    private readonly fetch: typeof globalThis.fetch,
    private readonly size = DEFAULT_SIZE,
  ) {}

  /** An agent for the account on `service`: a kept one if it is idle, else a new one. */
  take(service: string, did: string): HeldAgent {
    const key = keyOf(service, did);
    const kept = this.idle.get(key);
    if (kept) {
      this.idle.delete(key);
      return kept;
    }
    let listener: SessionListener | undefined;
    const agent = new AtpAgent({
      service,
      fetch: this.fetch,
      persistSession: (event, data) => listener?.(event, data),
    });
    return {
      agent,
      listen: (next) => {
        listener = next;
      },
    };
  }

  /** Back from a call: forgotten tokens and listener, kept for the account's next call. */
  give(service: string, did: string, held: HeldAgent): void {
    held.listen(undefined);
    held.agent.sessionManager.session = undefined;
    const key = keyOf(service, did);
    this.idle.delete(key);
    this.idle.set(key, held);
    for (const oldest of this.idle.keys()) {
      if (this.idle.size <= this.size) break;
      this.idle.delete(oldest);
    }
  }

  /** Idle agents kept now. */
  get idleCount(): number {
    return this.idle.size;
  }
}

function keyOf(service: string, did: string): string {
  return `${service} ${did}`;
}
