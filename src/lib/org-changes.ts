/**
 * Writes to an organization seen by this node (a settings page saved, a number connected, the plan
 * changed): what caches an organization's configuration listens to, to drop it at once. Other nodes
 * learn of the change only through their caches' short lifetimes.
 */
export function createOrgChanges() {
  const listeners = new Set<(organizationId: string) => void>();
  return {
    /** Tells every listener that `organizationId`'s configuration may have changed. */
    changed(organizationId: string): void {
      for (const fn of listeners) fn(organizationId);
    },
    /** Listens; answers the function that stops listening. */
    listen(fn: (organizationId: string) => void): () => void {
      listeners.add(fn);
      return () => {
        listeners.delete(fn);
      };
    },
  };
}
export type OrgChanges = ReturnType<typeof createOrgChanges>;
