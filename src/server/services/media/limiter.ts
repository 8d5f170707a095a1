/**
 * Run at most `slots` tasks at once; the rest wait in arrival order. Image processing goes through one, so
 * fifty uploads at once decode a few images at a time instead of fifty (memory stays bounded).
 */
export class Limiter {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly slots: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.slots) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next task, so `running` never drops below the slots in use.
      if (next) next();
      else this.running -= 1;
    }
  }
}
