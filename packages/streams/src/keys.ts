import { streams, type StreamName } from '@jobping/contracts';

/**
 * Redis keys of a stage stream and its dead letters. The prefix separates deployments or
 * tests sharing one Redis; it is applied here rather than through ioredis' keyPrefix, which
 * does not rewrite every stream command's keys (XINFO, for one).
 */
export interface StreamKeys {
  stream: string;
  deadLetter: string;
}

export function streamKeys(stream: StreamName, keyPrefix = ''): StreamKeys {
  return { stream: `${keyPrefix}${streams[stream].name}`, deadLetter: `${keyPrefix}${streams[stream].deadLetter}` };
}
