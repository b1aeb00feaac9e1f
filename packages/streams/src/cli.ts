#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { isStreamName, streamNames, type StreamName } from '@jobping/contracts';
import { UsageError, fields, loadConfigOrExit, redisEnvSchema, runCommandLine } from '@jobping/config';
import { createRedis } from '@jobping/redis';
import { deadLetters } from './dead-letter';
import { streamEnvFields } from './settings';
import { streamsStatus } from './status';

const USAGE = `Usage: jobping streams <command>

  status                          length, groups, consumers, pending, lag, stale groups and dead letters per stream
  dlq list <stream> [--limit N]   newest dead letters of a stream
  dlq show <stream> <id>          one dead letter with its error and original message
  dlq replay <stream> <id|--all>  publish dead letters to their stream again
  dlq purge <stream>              delete a stream's dead letters

Streams: ${streamNames.join(', ')}. Reads REDIS_URL, STREAM_KEY_PREFIX, STREAM_MAXLEN (the cap
replays write with) and STREAM_STALE_GROUP_SECONDS (when a group that does not read is stale).`;


const envSchema = redisEnvSchema.extend({
  STREAM_KEY_PREFIX: fields.streamKeyPrefix(),
  ...streamEnvFields,
});

function streamArg(value: string | undefined): StreamName {
  if (!value || !isStreamName(value)) throw new UsageError(`name a stream: ${streamNames.join(', ')}`);
  return value;
}

function print(line = ''): void {
  process.stdout.write(`${line}\n`);
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { all: { type: 'boolean' }, limit: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  const [command, sub, streamName, id] = positionals;
  if (values.help || !command) {
    print(USAGE);
    return command ? 0 : 2;
  }
  const config = loadConfigOrExit(envSchema);
  const redis = createRedis(config.REDIS_URL, { connectionName: 'jobping-streams-cli' });
  try {
    if (command === 'status') {
      const status = await streamsStatus(redis, config.STREAM_KEY_PREFIX, { staleAfterMs: config.STREAM_STALE_GROUP_SECONDS * 1000 });
      if (values.json) {
        print(JSON.stringify(status, null, 2));
        return 0;
      }
      const stale: string[] = [];
      for (const s of status) {
        print(`${s.stream}: length ${s.length}, dead letters ${s.deadLetters}`);
        if (s.groups.length === 0) print('  (no consumer group yet)');
        for (const g of s.groups) {
          const lastRead = g.idleMs === null ? 'no consumers' : `last read ${Math.round(g.idleMs / 1000)} s ago`;
          print(
            `  group ${g.name}: pending ${g.pending}, lag ${g.lag ?? 'unknown'}, last delivered ${g.lastDeliveredId}, consumers ${g.consumers}, ${lastRead}${g.stale ? '  STALE' : ''}`,
          );
          for (const c of g.consumerList) print(`    ${c.name}: pending ${c.pending}, idle ${Math.round(c.idleMs / 1000)} s`);
          if (g.stale) stale.push(`${s.stream} / ${g.name}`);
        }
      }
      if (stale.length > 0) {
        print();
        print(`STALE consumer groups (entries wait, no read for ${config.STREAM_STALE_GROUP_SECONDS} s): ${stale.join(', ')}`);
        print('  Its stage is not running: start or scale up its worker. If the stage was removed, delete the group:');
        print('  redis-cli XGROUP DESTROY <stream key> <group>   (until then its stream grows to STREAM_MAXLEN)');
      }
      return 0;
    }
    if (command === 'dlq') {
      const dlq = deadLetters(redis, streamArg(streamName), config.STREAM_KEY_PREFIX, { maxLen: config.STREAM_MAXLEN });
      switch (sub) {
        case 'list': {
          const limit = Number(values.limit ?? 20);
          if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit takes a positive whole number');
          const records = await dlq.list(limit);
          if (values.json) print(JSON.stringify(records, null, 2));
          else if (records.length === 0) print('no dead letters');
          else for (const r of records) print(`${r.id}  ${r.reason}  attempts ${r.attempts}  ${r.failedAt}  ${r.error.slice(0, 120)}`);
          return 0;
        }
        case 'show': {
          if (!id) throw new UsageError('dlq show needs an id');
          const record = await dlq.show(id);
          if (!record) {
            print(`no dead letter ${id}`);
            return 1;
          }
          print(JSON.stringify(record, null, 2));
          return 0;
        }
        case 'replay': {
          if (values.all) {
            print(`replayed ${await dlq.replayAll()} dead letter(s)`);
            return 0;
          }
          if (!id) throw new UsageError('dlq replay needs an id or --all');
          const newId = await dlq.replay(id);
          if (!newId) {
            print(`no dead letter ${id}`);
            return 1;
          }
          print(`replayed ${id} as ${newId}`);
          return 0;
        }
        case 'purge':
          print(`deleted ${await dlq.purge()} dead letter(s)`);
          return 0;
        default:
          throw new UsageError(`unknown dlq command "${sub ?? ''}"`);
      }
    }
    throw new UsageError(`unknown command "${command}"`);
  } finally {
    redis.disconnect();
  }
}

runCommandLine({ name: 'jobping streams', usage: USAGE, main });
