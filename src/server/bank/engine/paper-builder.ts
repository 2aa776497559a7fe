import { coversRule, type Blueprint } from './blueprint.ts';
import type { BankIndex } from './feasibility.ts';
import type { QuestionType } from './model.ts';
import { shuffleInPlace } from './prng.ts';

/** Why one attempt at a paper failed: a coverage rule or a type × difficulty cell ran dry. */
export type BuildFailure =
  | { kind: 'coverage'; rule: number; missing: number }
  | { kind: 'cell'; type: QuestionType; level: number; missing: number };

/**
 * The state of a multi-paper assembly: how often each question has been used and by which
 * papers, and the scratch state of the paper being built. Items are indices into idx.items.
 */
export class PaperBuilder {
  private readonly n: number;
  private readonly cellOf: Int32Array;
  private readonly cells: Int32Array[];
  private readonly ruleItems: Int32Array[];
  private readonly itemRules: number[][];
  private readonly ruleOrder: number[];
  private readonly ruleMin: number[];
  private readonly quota: Int32Array;
  private readonly usage: Int32Array;
  private readonly usedBy: number[][];
  private readonly key: Float64Array;
  private readonly shared: Int32Array;
  private readonly inPaper: Uint8Array;
  private readonly types: QuestionType[];

  constructor(private readonly o: { idx: BankIndex; blueprint: Blueprint; papers: number; exposure: number; overlap: number; quota: number[][] }) {
    const { idx, blueprint } = o;
    this.types = idx.types;
    this.n = idx.items.length;
    this.cellOf = new Int32Array(this.n);
    const cellLists: number[][] = Array.from({ length: idx.types.length * 5 }, () => []);
    idx.items.forEach((q, i) => {
      const c = idx.types.indexOf(q.type) * 5 + (q.difficulty - 1);
      this.cellOf[i] = c;
      cellLists[c].push(i);
    });
    this.cells = cellLists.map((l) => Int32Array.from(l));
    const rules = blueprint.coverage ?? [];
    this.ruleMin = rules.map((r) => r.min);
    this.itemRules = idx.items.map(() => []);
    this.ruleItems = rules.map((r, ri) => {
      const list: number[] = [];
      idx.items.forEach((q, i) => {
        if (coversRule(q, r)) {
          list.push(i);
          this.itemRules[i].push(ri);
        }
      });
      return Int32Array.from(list);
    });
    // Scarcest first: fewest candidates per question needed; deeper paths before their parents.
    this.ruleOrder = rules
      .map((r, i) => ({ i, ratio: this.ruleItems[i].length / Math.max(1, r.min), depth: r.path.split('/').length }))
      .sort((a, b) => a.ratio - b.ratio || b.depth - a.depth || a.i - b.i)
      .map((r) => r.i);
    this.quota = Int32Array.from(o.quota.flat());
    this.usage = new Int32Array(this.n);
    this.usedBy = idx.items.map(() => []);
    this.key = new Float64Array(this.n);
    this.shared = new Int32Array(o.papers);
    this.inPaper = new Uint8Array(this.n);
  }

  maxUsage(): number {
    return this.usage.reduce((a, u) => Math.max(a, u), 0);
  }

  /** Record a finished paper. */
  commit(chosen: number[], paper: number): void {
    for (const i of chosen) {
      this.usage[i]++;
      this.usedBy[i].push(paper);
    }
  }

  /** One attempt at the next paper: the chosen items, or why it failed. Leaves no scratch state. */
  build(random: () => number): number[] | BuildFailure {
    this.orderCandidates(random);
    const chosen: number[] = [];
    const cellLeft = Int32Array.from(this.quota);
    const need = Int32Array.from(this.ruleMin);
    const done = new Uint8Array(this.ruleMin.length);
    const add = (i: number): void => {
      this.inPaper[i] = 1;
      chosen.push(i);
      cellLeft[this.cellOf[i]]--;
      for (const r of this.itemRules[i]) need[r]--;
      for (const p of this.usedBy[i]) this.shared[p]++;
    };
    const remove = (i: number): void => {
      this.inPaper[i] = 0;
      chosen.splice(chosen.indexOf(i), 1);
      cellLeft[this.cellOf[i]]++;
      for (const r of this.itemRules[i]) need[r]++;
      for (const p of this.usedBy[i]) this.shared[p]--;
    };
    const fail = (f: BuildFailure): BuildFailure => {
      for (const i of [...chosen]) remove(i);
      return f;
    };

    for (const r of this.ruleOrder) {
      while (need[r] > 0) {
        const best = this.bestCandidate(this.ruleItems[r], cellLeft);
        if (best >= 0) {
          add(best);
          continue;
        }
        if (!this.swapIn(r, chosen, cellLeft, need, done, add, remove)) return fail({ kind: 'coverage', rule: r, missing: need[r] });
      }
      done[r] = 1;
    }
    for (let c = 0; c < this.cells.length; c++) {
      const list = this.cells[c];
      for (let k = 0; k < list.length && cellLeft[c] > 0; k++) if (this.isAddable(list[k])) add(list[k]);
      if (cellLeft[c] > 0) return fail({ kind: 'cell', type: this.types[Math.floor(c / 5)], level: (c % 5) + 1, missing: cellLeft[c] });
    }
    const result = [...chosen];
    for (const i of result) remove(i);
    return result;
  }

  /** Shuffle each cell, then order it least-used first; key = usage, then position. */
  private orderCandidates(random: () => number): void {
    for (const list of this.cells) {
      shuffleInPlace(list, random);
      let lo = Infinity;
      let hi = -Infinity;
      for (const i of list) {
        lo = Math.min(lo, this.usage[i]);
        hi = Math.max(hi, this.usage[i]);
      }
      if (hi > lo) {
        const counts = new Int32Array(hi - lo + 2);
        for (const i of list) counts[this.usage[i] - lo + 1]++;
        for (let u = 1; u < counts.length; u++) counts[u] += counts[u - 1];
        const sorted = new Int32Array(list.length);
        for (const i of list) sorted[counts[this.usage[i] - lo]++] = i;
        list.set(sorted);
      }
      list.forEach((i, pos) => (this.key[i] = this.usage[i] * 1e7 + pos * 10 + random()));
    }
  }

  private isAddable(i: number): boolean {
    if (this.inPaper[i] || this.usage[i] >= this.o.exposure) return false;
    const S = this.o.overlap;
    for (const p of this.usedBy[i]) if (this.shared[p] >= S) return false;
    return true;
  }

  private bestCandidate(list: Int32Array, cellLeft: Int32Array): number {
    let best = -1;
    let bestKey = Infinity;
    for (let k = 0; k < list.length; k++) {
      const i = list[k];
      if (this.key[i] < bestKey && cellLeft[this.cellOf[i]] > 0 && this.isAddable(i)) {
        best = i;
        bestKey = this.key[i];
      }
    }
    return best;
  }

  /**
   * Repair: rule r needs a question but its candidates sit in cells already full. Swap out a
   * chosen question of such a cell that no finished rule depends on.
   */
  private swapIn(r: number, chosen: number[], cellLeft: Int32Array, need: Int32Array, done: Uint8Array, add: (i: number) => void, remove: (i: number) => void): boolean {
    for (const i of this.ruleItems[r]) {
      if (cellLeft[this.cellOf[i]] > 0 || !this.isAddable(i)) continue;
      const out = chosen.find((j) => this.cellOf[j] === this.cellOf[i] && !this.itemRules[j].includes(r) && this.itemRules[j].every((rr) => !done[rr] || need[rr] < 0));
      if (out === undefined) continue;
      remove(out);
      add(i);
      return true;
    }
    return false;
  }
}
