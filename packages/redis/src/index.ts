export { createRedis, reconnectBackoff, type CreateRedisOptions, type Redis, type RedisOptions } from './create-redis';
