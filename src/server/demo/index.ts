import type { AppContext } from '../context.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, loadIdentityDemo } from './identity-demo.ts';
import { loadBankDemo } from './bank-demo.ts';
import { loadArenaDemo } from './arena-demo.ts';
import { loadExamsDemo } from './exams-demo.ts';
import { loadContestsDemo } from './contests-demo.ts';
import { loadJudgingDemo } from './judging-demo.ts';

/** Loads every domain's demo data, in the order the domains build on each other. Idempotent. */
export async function loadDemo(ctx: AppContext): Promise<{ summary: Record<string, number> }> {
  const identity = await loadIdentityDemo(ctx);
  const bank = await loadBankDemo(ctx);
  const arena = await loadArenaDemo(ctx);
  const exams = await loadExamsDemo(ctx);
  const contests = await loadContestsDemo(ctx);
  const judging = await loadJudgingDemo(ctx);
  await ctx.identity.misc.putSetting('demo.loadedAt', new Date().toISOString());
  return { summary: { people: identity.people, questions: bank.questions, paperSets: bank.paperSets, examAttempts: exams.attempts, contestEntries: contests.entries, scoreSheets: judging.sheets, arenaRounds: arena.rounds } };
}

export function demoSignIns(): string {
  const lines = DEMO_ACCOUNTS.map((a) => `  ${a.employeeNo.padEnd(14)} ${a.label}`);
  return [`Demo sign-ins (password ${DEMO_PASSWORD} for each):`, ...lines].join('\n');
}
