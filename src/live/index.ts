export type { LiveStore, LiveEvent } from './live-store.js';
export type { LeadData, LiveEventData, LiveEventType, PublishLive, PublishedLiveEvent } from './events.js';
export { createMemoryLiveStore } from './memory.js';
export { createRedisLiveStore } from './redis.js';
