export interface CappedBody {
  /** The body as UTF-8 text: all of it when `complete`, else the chunks read before the cap. */
  text: string;
  /** False when the declared or streamed size passed the cap: the rest was cancelled unread. */
  complete: boolean;
}

/**
 * Reads an answer's body with a byte cap, so a hostile or broken upstream cannot make a
 * worker buffer megabytes: a Content-Length over the cap is refused before reading, and a
 * streamed body is cancelled as soon as it passes the cap. The caller decides what an
 * incomplete body means (an error for a job board's page, a truncated error text for Discord).
 */
export async function readCappedBody(response: Response, limit: number): Promise<CappedBody> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > limit) {
    await response.body?.cancel().catch(() => undefined);
    return { text: '', complete: false };
  }
  if (!response.body) return { text: '', complete: true };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return { text: Buffer.concat(chunks).toString('utf8'), complete: false };
    }
    chunks.push(value);
  }
  return { text: Buffer.concat(chunks).toString('utf8'), complete: true };
}
