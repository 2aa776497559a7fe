/**
 * An append-only, keyed list shared between successive states. A state sees the first
 * `count` items; appending from the newest state reuses the arrays (O(1)), appending from
 * an older state (a fork) copies first. This keeps `evolve` pure without copying 10,000
 * answers per answer.
 */
export type KeyedLog<T> = { readonly items: T[]; readonly index: Map<string, number>; readonly count: number };

export const emptyLog = <T>(): KeyedLog<T> => ({ items: [], index: new Map(), count: 0 });

export function logGet<T>(log: KeyedLog<T>, key: string): T | undefined {
  const i = log.index.get(key);
  return i !== undefined && i < log.count ? log.items[i] : undefined;
}

export const logHas = <T>(log: KeyedLog<T>, key: string) => logGet(log, key) !== undefined;

export function logAppend<T>(log: KeyedLog<T>, key: string, item: T): KeyedLog<T> {
  if (logHas(log, key)) throw new Error(`keyed log: ${key} already present`);
  let { items, index } = log;
  if (items.length !== log.count) {
    items = items.slice(0, log.count);
    index = new Map();
    for (const [k, i] of log.index) if (i < log.count) index.set(k, i);
  }
  items.push(item);
  index.set(key, log.count);
  return { items, index, count: log.count + 1 };
}

export const logValues = <T>(log: KeyedLog<T>): readonly T[] => (log.items.length === log.count ? log.items : log.items.slice(0, log.count));
