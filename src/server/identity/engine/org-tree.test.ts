import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkMove, childIdPath, depthOf, namePaths, rebasePath, splitOrgPath } from './org-tree.ts';
import { hasRoleAt, scopeRoots, type Actor } from './authz.ts';
import { afterFailure, afterSuccess, checkPasswordStrength, isLocked } from './lockout.ts';

describe('organisation tree rules', () => {
  it('never allows a move that makes a cycle (property)', () => {
    // random id paths; a move under oneself or a descendant is always refused, any other allowed
    const seg = fc.integer({ min: 1, max: 9 });
    fc.assert(
      fc.property(fc.array(seg, { minLength: 2, maxLength: 5 }), fc.array(seg, { minLength: 1, maxLength: 6 }), (a, b) => {
        const node = `/${a.join('/')}/`;
        const parent = `/${b.join('/')}/`;
        const r = checkMove(node, parent, false);
        const underSelf = parent.startsWith(node);
        expect(r.ok).toBe(!underSelf);
      }),
    );
  });
  it('rebases descendant paths after a move', () => {
    expect(rebasePath('/1/2/3/4/', '/1/2/3/', '/1/5/3/')).toBe('/1/5/3/4/');
    expect(() => rebasePath('/1/9/', '/1/2/', '/1/5/')).toThrow();
    expect(childIdPath('/1/2/', 7)).toBe('/1/2/7/');
    expect(depthOf('/1/2/7/')).toBe(2);
  });
  it('splits organisation paths written by hand', () => {
    expect(splitOrgPath(' 集团 / 浙江／杭州 > 客服一班 ')).toEqual(['集团', '浙江', '杭州', '客服一班']);
  });
  it('names every node by its path from the root', () => {
    const m = namePaths([{ id: 1, parentId: null, name: '集团' }, { id: 3, parentId: 2, name: '杭州' }, { id: 2, parentId: 1, name: '浙江' }]);
    expect(m.get(3)).toBe('集团/浙江/杭州');
  });
});

describe('authorisation by subtree', () => {
  const actor = (grants: Actor['grants']): Actor => ({ personId: 1, employeeNo: 'x', name: 'x', organisationId: 1, organisationPath: '/1/', mustChangePassword: false, grants });
  it('grants a role over the subtree only', () => {
    const a = actor([{ role: 'organiser', organisationId: 2, idPath: '/1/2/' }]);
    expect(hasRoleAt(a, ['organiser'], '/1/2/3/')).toBe(true);
    expect(hasRoleAt(a, ['organiser'], '/1/')).toBe(false);
    expect(hasRoleAt(a, ['organiser'], '/1/22/')).toBe(false);
    expect(hasRoleAt(a, ['judge'], '/1/2/')).toBe(false);
  });
  it('a platform admin holds every role everywhere', () => {
    expect(hasRoleAt(actor([{ role: 'platform_admin', organisationId: 1, idPath: '/1/' }]), ['judge'], '/1/9/')).toBe(true);
  });
  it('collapses nested scope roots', () => {
    const a = actor([
      { role: 'organiser', organisationId: 3, idPath: '/1/2/3/' },
      { role: 'organiser', organisationId: 2, idPath: '/1/2/' },
      { role: 'organiser', organisationId: 5, idPath: '/1/5/' },
      { role: 'judge', organisationId: 1, idPath: '/1/' },
    ]);
    expect(scopeRoots(a, ['organiser'])).toEqual(['/1/2/', '/1/5/']);
  });
});

describe('lockout', () => {
  const now = new Date('2026-11-22T10:00:00Z');
  it('locks on the fifth failure for fifteen minutes, and a lapsed lock starts again', () => {
    let s = afterSuccess();
    for (let i = 0; i < 4; i++) s = afterFailure(s, now);
    expect(isLocked(s, now)).toBe(false);
    s = afterFailure(s, now);
    expect(isLocked(s, now)).toBe(true);
    expect(isLocked(s, new Date(now.getTime() + 14 * 60_000))).toBe(true);
    const later = new Date(now.getTime() + 15 * 60_000 + 1);
    expect(isLocked(s, later)).toBe(false);
    expect(afterFailure(s, later)).toEqual({ failedAttempts: 1, lockedUntil: null });
  });
  it('asks for 8+ characters of two kinds', () => {
    expect(checkPasswordStrength('abcdefgh').ok).toBe(false);
    expect(checkPasswordStrength('abc12').ok).toBe(false);
    expect(checkPasswordStrength('abcd1234').ok).toBe(true);
  });
});
