// Typed readers for the RESP2 replies of the stream commands (sent with redis.call, which
// returns unknown). Each throws on a shape it does not know rather than guessing.

export interface StreamEntry {
  id: string;
  fields: string[];
}

function fail(command: string, reply: unknown): never {
  throw new Error(`Unexpected ${command} reply: ${JSON.stringify(reply)?.slice(0, 200)}`);
}

/** A list of [id, [field, value, …]] as XRANGE, XCLAIM and friends answer. */
export function streamEntries(command: string, raw: unknown): StreamEntry[] {
  if (!Array.isArray(raw)) fail(command, raw);
  const entries: StreamEntry[] = [];
  for (const item of raw) {
    // Redis 6.2 reported entries deleted from the stream as [id, null]; skip them here.
    if (!Array.isArray(item) || typeof item[0] !== 'string') fail(command, raw);
    if (Array.isArray(item[1])) entries.push({ id: item[0], fields: item[1] as string[] });
  }
  return entries;
}

/** XREADGROUP … STREAMS key > → entries of that one key (null when BLOCK timed out). */
export function readGroupEntries(reply: unknown): StreamEntry[] {
  if (reply === null) return [];
  if (!Array.isArray(reply) || !Array.isArray(reply[0])) fail('XREADGROUP', reply);
  return streamEntries('XREADGROUP', (reply[0] as unknown[])[1]);
}

export interface AutoClaimResult {
  cursor: string;
  entries: StreamEntry[];
  /** Pending ids whose entries were deleted from the stream (Redis 7: third element). */
  deletedIds: string[];
}

export function autoClaimResult(reply: unknown): AutoClaimResult {
  if (!Array.isArray(reply) || typeof reply[0] !== 'string') fail('XAUTOCLAIM', reply);
  const deleted = Array.isArray(reply[2]) ? (reply[2] as string[]) : [];
  return { cursor: reply[0], entries: streamEntries('XAUTOCLAIM', reply[1]), deletedIds: deleted };
}

export interface PendingEntry {
  id: string;
  consumer: string;
  idleMs: number;
  deliveries: number;
}

/** Extended XPENDING key group start end count [consumer]. */
export function pendingEntries(reply: unknown): PendingEntry[] {
  if (!Array.isArray(reply)) fail('XPENDING', reply);
  return reply.map((row) => {
    if (!Array.isArray(row) || row.length < 4) fail('XPENDING', reply);
    return { id: String(row[0]), consumer: String(row[1]), idleMs: Number(row[2]), deliveries: Number(row[3]) };
  });
}

/** XINFO GROUPS / CONSUMERS answer a list of flat [name, value, name, value, …] arrays. */
export function infoRecords(command: string, reply: unknown): Record<string, unknown>[] {
  if (!Array.isArray(reply)) fail(command, reply);
  return reply.map((row) => {
    if (!Array.isArray(row)) fail(command, reply);
    const record: Record<string, unknown> = {};
    for (let i = 0; i + 1 < row.length; i += 2) record[String(row[i])] = row[i + 1];
    return record;
  });
}

export interface GroupInfo {
  name: string;
  consumers: number;
  pending: number;
  lastDeliveredId: string;
  /** Entries not yet delivered to the group; null when Redis cannot tell (after trims). */
  lag: number | null;
}

export function groupInfos(reply: unknown): GroupInfo[] {
  return infoRecords('XINFO GROUPS', reply).map((r) => ({
    name: String(r.name),
    consumers: Number(r.consumers),
    pending: Number(r.pending),
    lastDeliveredId: String(r['last-delivered-id']),
    lag: r.lag === null || r.lag === undefined ? null : Number(r.lag),
  }));
}

export interface ConsumerInfo {
  name: string;
  pending: number;
  idleMs: number;
}

export function consumerInfos(reply: unknown): ConsumerInfo[] {
  return infoRecords('XINFO CONSUMERS', reply).map((r) => ({
    name: String(r.name),
    pending: Number(r.pending),
    // Redis 7.2+ adds `inactive` (since the last successful read; -1 before the first one);
    // older versions only `idle` (since the last attempt).
    idleMs: r.inactive !== undefined && r.inactive !== null && Number(r.inactive) >= 0 ? Number(r.inactive) : Number(r.idle),
  }));
}

/** XINFO STREAM (not FULL) answers one flat [name, value, …] array; we read the last id ever generated. */
export function lastGeneratedId(reply: unknown): string {
  if (!Array.isArray(reply)) fail('XINFO STREAM', reply);
  for (let i = 0; i + 1 < reply.length; i += 2) if (reply[i] === 'last-generated-id') return String(reply[i + 1]);
  return fail('XINFO STREAM', reply);
}

/** Orders stream ids (`<ms>-<seq>`): negative when `a` comes first. */
export function compareStreamIds(a: string, b: string): number {
  const [am, as] = a.split('-').map(BigInt) as [bigint, bigint | undefined];
  const [bm, bs] = b.split('-').map(BigInt) as [bigint, bigint | undefined];
  if (am !== bm) return am < bm ? -1 : 1;
  const [x, y] = [as ?? 0n, bs ?? 0n];
  return x === y ? 0 : x < y ? -1 : 1;
}

export function isRedisError(error: unknown, code: string): boolean {
  return error instanceof Error && error.message.startsWith(code);
}
