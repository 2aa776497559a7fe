import type { Actor } from './engine/authz.ts';

/**
 * Who a session token belongs to, remembered for a few seconds so a burst of requests (an
 * exam storm: thousands of answers a second) does not cost two queries each. Signing out,
 * changing a password, deactivating a person and changing role grants clear it in this
 * process at once; another server process sees such a change within `ttlMs` at the latest.
 */
export type SessionCache = ReturnType<typeof createSessionCache>;

export function createSessionCache(opts: { ttlMs?: number; maxEntries?: number; now?: () => number } = {}) {
  const ttlMs = opts.ttlMs ?? 10_000;
  const maxEntries = opts.maxEntries ?? 50_000;
  const now = opts.now ?? Date.now;
  const entries = new Map<string, { actor: Actor; until: number }>();
  return {
    get(tokenId: string): Actor | undefined {
      const e = entries.get(tokenId);
      if (!e) return undefined;
      if (e.until <= now()) {
        entries.delete(tokenId);
        return undefined;
      }
      return e.actor;
    },
    set(tokenId: string, actor: Actor) {
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(tokenId, { actor, until: now() + ttlMs });
    },
    delete(tokenId: string) {
      entries.delete(tokenId);
    },
    clear() {
      entries.clear();
    },
  };
}
