import { fields } from '@jobping/config';
import { DEFAULT_STREAM_MAX_LEN } from './trim';

/** A group with entries waiting and no consumer reading for this long is stale (15 minutes). */
export const DEFAULT_STALE_GROUP_SECONDS = 900;

/**
 * Environment fields about the streams that every process writing to or watching them reads
 * the same way (the stage workers, the scraper, jobs-api, the streams CLI): spread them into
 * the app's env schema.
 */
export const streamEnvFields = {
  STREAM_MAXLEN: fields.positiveInt(
    DEFAULT_STREAM_MAX_LEN,
    'safety cap of every stream: each XADD trims it to about this many entries (MAXLEN ~); keep it well above the normal backlog',
  ),
  STREAM_STALE_GROUP_SECONDS: fields.positiveInt(
    DEFAULT_STALE_GROUP_SECONDS,
    'a consumer group with entries waiting whose consumers have not read for this many seconds is reported stale (streams status, /metrics, admin pipeline)',
  ),
};
