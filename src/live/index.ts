export type { LiveStore, LiveEvent } from './live-store.js';
export { createMemoryLiveStore } from './memory.js';
export { createRedisLiveStore } from './redis.js';
