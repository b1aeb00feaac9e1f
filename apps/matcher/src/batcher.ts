/**
 * Coalesces the calls made in the same tick into one batch call: the handlers of a stream
 * worker run concurrently (STREAM_CONCURRENCY), and one SQL statement for 50 pairs costs
 * about as much as one for a single pair. Every caller gets its own result or the batch's error.
 */
export class Batcher<K, V> {
  private queue: { key: K; resolve: (value: V) => void; reject: (error: unknown) => void }[] = [];
  private scheduled = false;

  constructor(
    private readonly run: (keys: K[]) => Promise<V[]>,
    private readonly maxBatch = 100,
  ) {}

  load(key: K): Promise<V> {
    return new Promise<V>((resolve, reject) => {
      this.queue.push({ key, resolve, reject });
      if (this.queue.length >= this.maxBatch) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    if (batch.length === 0) return;
    this.queue = [];
    this.run(batch.map((item) => item.key)).then(
      (values) => batch.forEach((item, i) => item.resolve(values[i] as V)),
      (error: unknown) => batch.forEach((item) => item.reject(error)),
    );
  }
}
