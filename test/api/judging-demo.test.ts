import { describe, expect, it } from 'vitest';
import { loadContestsDemo } from '../../src/server/demo/contests-demo.ts';
import { loadIdentityDemo } from '../../src/server/demo/identity-demo.ts';
import { DEMO_GUEST_CODE, DEMO_JUDGED_ROUND, DEMO_LIBRARY_RUBRIC, loadJudgingDemo } from '../../src/server/demo/judging-demo.ts';
import { useDemoApp } from '../support/demo.ts';

// only the demos judging builds on (identity → contests → judging), so another domain's demo cannot break this test
const d = useDemoApp([loadIdentityDemo, loadContestsDemo, loadJudgingDemo]);

describe('judging demo', () => {
  it('gives the demo judge a panel with a team on stage they have not scored yet, and a rubric to score', async () => {
    const judge = d.as('judge');
    const panels = (await judge.get('/api/judging/me/panels')).json().items;
    expect(panels).toHaveLength(1);
    expect(panels[0]).toMatchObject({ roundKey: DEMO_JUDGED_ROUND, onStage: expect.any(String) });
    const phone = (await judge.get(`/api/judging/me/panels/${panels[0].id}`)).json();
    expect(phone.rubric.nameZh).toBe('投诉处理');
    const onStage = phone.entries.find((e: { entryId: number }) => e.entryId === phone.onStageEntryId);
    expect(onStage).toMatchObject({ sheet: null, locked: false, conflict: null });
    expect(phone.entries).toHaveLength(6);
  });

  it('has one team locked with its reveal on the big screen, others in progress, and the score in the contest round', async () => {
    const panel = (await d.ctx.judging.panels.listByContest((await d.ctx.db.selectFrom('panel').select('contest_id').executeTakeFirstOrThrow()).contest_id))[0];
    const board = (await d.as('organiser').get(`/api/judging/panels/${panel.id}/board`)).json();
    expect(board.judges).toHaveLength(5);
    expect(board.judges.filter((j: { guest: boolean }) => j.guest)).toHaveLength(1);
    expect(board.entries[0]).toMatchObject({ locked: true, missing: [] });
    expect(board.summary.scored).toBeGreaterThan(board.entries[0].scoredBy.length);
    expect(board.summary.missing).toBeGreaterThan(0);
    const screen = (await d.anonymous.get(`/api/judging/screen/${panel.screenToken}`)).json();
    expect(screen.reveal.screen.done).toBe(true);
    const row = await d.ctx.db.selectFrom('contest_round_score').selectAll().where('round_key', '=', DEMO_JUDGED_ROUND).where('entry_id', '=', board.entries[0].entryId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ source: 'judging', score: screen.reveal.screen.final });
    const guest = await d.anonymous.post('/api/judging/invitations/redeem', { code: DEMO_GUEST_CODE });
    expect(guest.json().name).toContain('特邀评委');
  });

  it('keeps a weighted rubric in 浙江’s library, seen by the group organiser and 浙江’s, with the built-in templates', async () => {
    for (const who of ['organiser', 'organiser-zj']) {
      const lib = (await d.as(who).get('/api/judging/rubric-library')).json();
      const mine = lib.items.find((r: { nameZh: string }) => r.nameZh === DEMO_LIBRARY_RUBRIC);
      expect(mine, who).toMatchObject({ organisationName: '浙江', archived: false, maxTotal: 100 });
      expect(mine.criteria.map((c: { nameZh: string }) => c.nameZh)).toEqual(['业务知识准确性', '投诉处理技巧', '情绪安抚', '语言表达']);
      expect(lib.templates.length).toBeGreaterThan(0);
    }
  });

  it('loading it again changes nothing', async () => {
    expect(await loadJudgingDemo(d.ctx)).toEqual({ sheets: 0 });
    expect(await d.ctx.db.selectFrom('rubric_library').select('id').where('name_zh', '=', DEMO_LIBRARY_RUBRIC).execute()).toHaveLength(1);
  });
});
