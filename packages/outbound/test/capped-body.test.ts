import { describe, expect, it } from '@jest/globals';
import { readCappedBody } from '../src';

/** A streamed body of `chunks` pieces of `size` bytes each, with no Content-Length. */
function streamed(chunks: number, size: number): { response: Response; pulled: () => number } {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close();
      pulled += 1;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
  });
  return { response: new Response(body), pulled: () => pulled };
}

describe('readCappedBody', () => {
  it('reads a body within the cap whole, as UTF-8', async () => {
    const body = await readCappedBody(new Response('Zürich – 12 €'), 100);
    expect(body).toEqual({ text: 'Zürich – 12 €', complete: true });
  });

  it('refuses a declared Content-Length over the cap without reading it', async () => {
    const response = new Response('x'.repeat(50), { headers: { 'content-length': '50' } });
    expect(await readCappedBody(response, 10)).toEqual({ text: '', complete: false });
  });

  it('stops a streamed body as soon as it passes the cap and keeps what came before', async () => {
    const { response, pulled } = streamed(1_000, 1_024);
    const body = await readCappedBody(response, 4_096);
    expect(body.complete).toBe(false);
    expect(body.text).toBe('a'.repeat(4_096));
    // The stream was cancelled: far fewer than the 1,000 chunks were produced.
    expect(pulled()).toBeLessThan(10);
  });

  it('treats an answer without a body as empty and complete', async () => {
    expect(await readCappedBody(new Response(null, { status: 204 }), 10)).toEqual({ text: '', complete: true });
  });
});
