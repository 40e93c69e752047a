import type { PublishedLiveEvent } from './events.js';

/** A message published to an organization's live channel (dashboard updates): one of the union in events.ts. */
export type LiveEvent = PublishedLiveEvent;

/**
 * Live state shared by every node: counters for rate limits, active calls, and pub/sub of dashboard
 * events. In-memory on one node by default; Redis when REDIS_URL is set.
 */
export interface LiveStore {
  readonly kind: 'memory' | 'redis';
  /** Counts one hit in a fixed window; answers the count so far and the seconds left in the window. */
  hit(key: string, windowSec: number): Promise<{ count: number; resetSec: number }>;
  /** Reads a counter without counting. */
  peek(key: string): Promise<number>;
  /** Forgets a counter (after a successful login, say). */
  reset(key: string): Promise<void>;
  publish(event: LiveEvent): Promise<void>;
  /** Subscribes to one organization's events; answers an unsubscribe function. */
  subscribe(organizationId: string, fn: (e: LiveEvent) => void): () => void;
  setActiveCall(organizationId: string, callId: string, data: Record<string, unknown>): Promise<void>;
  removeActiveCall(organizationId: string, callId: string): Promise<void>;
  activeCalls(organizationId: string): Promise<Record<string, unknown>[]>;
  /** Stores a small value for `ttlSec` (verification codes, chat sessions); shared by every node. */
  setValue(key: string, value: string, ttlSec: number): Promise<void>;
  /** Reads a value stored with setValue; null when absent or expired. */
  getValue(key: string): Promise<string | null>;
  /** Forgets a value stored with setValue. */
  deleteValue(key: string): Promise<void>;
  /**
   * Rosters: named sets of members, each with a score (live chat sessions by last activity). Adding
   * a member again moves its score; the roster expires `ttlSec` after its last change.
   */
  rosterSet(roster: string, member: string, score: number, ttlSec: number): Promise<void>;
  rosterRemove(roster: string, member: string): Promise<void>;
  /** Every member of a roster, lowest score first. */
  roster(roster: string): Promise<Array<{ member: string; score: number }>>;
  /** One-time use of a key (per-call stream tokens): true the first time only. */
  claimOnce(key: string, ttlSec: number): Promise<boolean>;
  ping(): Promise<'ok' | 'absent' | 'down'>;
  close(): Promise<void>;
}
