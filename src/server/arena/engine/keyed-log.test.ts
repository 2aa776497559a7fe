import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyLog, logAppend, logGet, logValues, type KeyedLog } from './keyed-log.ts';

describe('keyed append-only log', () => {
  it('older versions stay unchanged when a newer one appends, and a fork from an older one copies', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(20), fc.string({ maxLength: 2 })), { maxLength: 40 }), (ops) => {
        const versions: KeyedLog<string>[] = [emptyLog()];
        const expected: Map<string, string>[] = [new Map()];
        for (const [from, key] of ops) {
          const i = from % versions.length;
          if (expected[i].has(key)) continue;
          versions.push(logAppend(versions[i], key, `v${key}`));
          expected.push(new Map(expected[i]).set(key, `v${key}`));
        }
        versions.forEach((v, i) => {
          expect(logValues(v)).toEqual([...expected[i].values()]);
          for (const k of ['', 'a', 'b']) expect(logGet(v, k)).toBe(expected[i].get(k));
        });
      }),
    );
    expect(() => logAppend(logAppend(emptyLog(), 'k', 1), 'k', 2)).toThrow();
  });
});
