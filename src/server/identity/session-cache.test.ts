import { describe, expect, it } from 'vitest';
import { createSessionCache } from './session-cache.ts';
import type { Actor } from './engine/authz.ts';

const actor = (personId: number): Actor => ({ personId, employeeNo: `E${personId}`, name: 'x', organisationId: 1, organisationPath: '/1/', mustChangePassword: false, grants: [] });

describe('session cache', () => {
  it('forgets an entry after its time, on delete, on clear, and the oldest when full', () => {
    let now = 0;
    const c = createSessionCache({ ttlMs: 100, maxEntries: 2, now: () => now });
    c.set('a', actor(1));
    expect(c.get('a')?.personId).toBe(1);
    now = 100;
    expect(c.get('a')).toBeUndefined();
    c.set('a', actor(1));
    c.set('b', actor(2));
    c.set('c', actor(3));
    expect(c.get('a')).toBeUndefined();
    expect(c.get('c')?.personId).toBe(3);
    c.delete('c');
    expect(c.get('c')).toBeUndefined();
    c.clear();
    expect(c.get('b')).toBeUndefined();
  });
});
