import type { Redis } from '@jobping/redis';

/**
 * Collects acknowledgements issued in the same tick into one XACK (up to `maxBatch` ids),
 * so a fast consumer pays one round trip per batch instead of one per message.
 */
export class AckBatcher {
  private queue: { id: string; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private scheduled = false;

  constructor(
    private readonly redis: Redis,
    private readonly streamKey: string,
    private readonly group: string,
    private readonly maxBatch = 500,
  ) {}

  ack(id: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id, resolve, reject });
      if (this.queue.length >= this.maxBatch) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.queue.splice(0, this.maxBatch);
    if (batch.length === 0) return;
    this.redis.call('XACK', this.streamKey, this.group, ...batch.map((item) => item.id)).then(
      () => batch.forEach((item) => item.resolve()),
      (error: unknown) => batch.forEach((item) => item.reject(error)),
    );
    if (this.queue.length > 0 && !this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }
}
