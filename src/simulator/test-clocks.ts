/**
 * The simulator's per-organization test clocks: a test organization's "now" runs from its scenario's
 * `now`. Kept in the live store (shared by every node) under the simulator's own keys, so the
 * product's schema knows nothing of them; the composition root hands `clockOf` to the conversations
 * only when the simulator is mounted.
 */
import type { TestClock } from '../business/index.js';
import type { LiveStore } from '../live/index.js';

/** How long a test organization keeps its clock after it was set (a scenario run is minutes). */
const TEST_CLOCK_TTL_SEC = 30 * 24 * 3600;
const key = (organizationId: string) => `simulator:test-clock:${organizationId}`;

/** Reads and sets test organizations' clocks. */
export interface TestClocks {
  set(organizationId: string, clock: TestClock): Promise<void>;
  /** The organization's simulated clock; null for an organization the simulator did not build. */
  clockOf(organizationId: string): Promise<TestClock | null>;
}

/** Test clocks over the live store. */
export function createTestClocks(live: LiveStore): TestClocks {
  return {
    set: (organizationId, clock) => live.setValue(key(organizationId), JSON.stringify(clock), TEST_CLOCK_TTL_SEC),
    async clockOf(organizationId) {
      const raw = await live.getValue(key(organizationId));
      return raw ? (JSON.parse(raw) as TestClock) : null;
    },
  };
}
