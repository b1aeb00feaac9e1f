export { createRedis, type CreateRedisOptions, type Redis, type RedisOptions } from './create-redis';
