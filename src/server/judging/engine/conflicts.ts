/**
 * Conflicts of interest (回避): a judge never scores a contestant from their own
 * organisation subtree. Organisations are compared by id path ('/1/4/17/'), truncated to
 * the declared depth: depth 0 is the group, 1 a province (省公司), 2 a city (地市分公司) …,
 * the same depths as identity/engine/org-tree.ts.
 *
 * Each person's unit is their ancestor at the declared depth. A judge who sits above that
 * depth (e.g. at group headquarters when the depth is 1) is by default not in conflict
 * with contestants below them: group experts judge group contests. Set
 * `judgesAboveDepth: 'whole-subtree'` to make such a judge conflict with everyone under
 * their own node instead. Guest judges (no organisation) conflict with nobody by
 * organisation, only through a shared affiliation tag or a declared pair.
 */
export type PersonRef = {
  id: string;
  /** id path of the organisation, '/1/4/17/'; null for a guest from outside the group */
  organisationPath: string | null;
  /** declared affiliations, e.g. 'bank:icbc', 'former-team:/1/4/17/' */
  affiliations?: string[];
};
export type JudgeRef = PersonRef;
export type ContestantRef = PersonRef;

export type DeclaredConflict = { judgeId: string; contestantId: string; reason: string; reasonZh: string };
export type ConflictPolicy = {
  depth: number;
  judgesAboveDepth?: 'exempt' | 'whole-subtree';
  declared?: DeclaredConflict[];
};

export type ConflictKind = 'organisation' | 'affiliation' | 'declared';
export type Conflict = { judgeId: string; contestantId: string; kind: ConflictKind; reason: string; reasonZh: string };

const segments = (path: string): string[] => path.split('/').filter(Boolean);

/** '/1/4/17/' at depth 1 → '/1/4/'; a path shallower than the depth is returned whole. */
export function truncatePath(path: string, depth: number): string {
  const s = segments(path).slice(0, depth + 1);
  return `/${s.join('/')}/`;
}

/** The conflict between a judge and a contestant, or null when the judge may score them. */
export function findConflict(judge: JudgeRef, contestant: ContestantRef, policy: ConflictPolicy): Conflict | null {
  const base = { judgeId: judge.id, contestantId: contestant.id };
  const declared = policy.declared?.find((d) => d.judgeId === judge.id && d.contestantId === contestant.id);
  if (declared) return { ...base, kind: 'declared', reason: declared.reason, reasonZh: declared.reasonZh };
  if (judge.organisationPath && contestant.organisationPath) {
    const jp = judge.organisationPath;
    const cp = contestant.organisationPath;
    const judgeIsAbove = segments(jp).length < policy.depth + 1;
    const unit = truncatePath(jp, policy.depth);
    const same =
      judgeIsAbove && (policy.judgesAboveDepth ?? 'exempt') === 'exempt'
        ? truncatePath(cp, policy.depth) === unit
        : cp.startsWith(unit);
    if (same) {
      return {
        ...base,
        kind: 'organisation',
        reason: `judge and contestant are both under organisation ${unit} (conflict depth ${policy.depth})`,
        reasonZh: `评委与选手同属组织 ${unit}（回避层级 ${policy.depth}）`,
      };
    }
  }
  const shared = (judge.affiliations ?? []).find((a) => (contestant.affiliations ?? []).includes(a));
  if (shared !== undefined) {
    return { ...base, kind: 'affiliation', reason: `judge and contestant share the affiliation ${shared}`, reasonZh: `评委与选手有共同关联：${shared}` };
  }
  return null;
}

export type Panel = { id: string; judgeIds: string[]; contestantIds: string[]; minSize: number };

export type PanelShortfall = {
  contestantId: string;
  eligible: number;
  minSize: number;
  excludedJudgeIds: string[];
  reason: string;
  reasonZh: string;
};

export type PanelAssignment = {
  panelId: string;
  /** contestant id → judge ids who may score them, in the panel's judge order */
  eligible: Record<string, string[]>;
  /** every excluded (judge, contestant) pair with why */
  conflicts: Conflict[];
  /** contestants whose eligible judges fall below the panel's minimum size */
  shortfalls: PanelShortfall[];
  /** ids on the panel not found among the judges or contestants given */
  unknownJudgeIds: string[];
  unknownContestantIds: string[];
};

/**
 * Assigns a panel: for each contestant, the panel's judges minus those in conflict, and a
 * shortfall wherever fewer than `minSize` remain, so the organiser can add a judge.
 */
export function assignPanel(input: { panel: Panel; judges: JudgeRef[]; contestants: ContestantRef[]; policy: ConflictPolicy }): PanelAssignment {
  const { panel, policy } = input;
  const judges = new Map(input.judges.map((j) => [j.id, j]));
  const contestants = new Map(input.contestants.map((c) => [c.id, c]));
  const eligible: Record<string, string[]> = {};
  const conflicts: Conflict[] = [];
  const shortfalls: PanelShortfall[] = [];
  const panelJudges = panel.judgeIds.filter((id) => judges.has(id)).map((id) => judges.get(id)!);
  for (const cid of panel.contestantIds) {
    const c = contestants.get(cid);
    if (!c) continue;
    const ok: string[] = [];
    const excluded: string[] = [];
    for (const j of panelJudges) {
      const conflict = findConflict(j, c, policy);
      if (conflict) {
        conflicts.push(conflict);
        excluded.push(j.id);
      } else ok.push(j.id);
    }
    eligible[cid] = ok;
    if (ok.length < panel.minSize) {
      shortfalls.push({
        contestantId: cid,
        eligible: ok.length,
        minSize: panel.minSize,
        excludedJudgeIds: excluded,
        reason: `contestant ${cid} has ${ok.length} eligible judge(s), the panel needs at least ${panel.minSize}`,
        reasonZh: `选手 ${cid} 仅有 ${ok.length} 名可评分评委，少于评委组最少 ${panel.minSize} 人`,
      });
    }
  }
  return {
    panelId: panel.id,
    eligible,
    conflicts,
    shortfalls,
    unknownJudgeIds: panel.judgeIds.filter((id) => !judges.has(id)),
    unknownContestantIds: panel.contestantIds.filter((id) => !contestants.has(id)),
  };
}
