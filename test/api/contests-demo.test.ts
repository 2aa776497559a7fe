import { describe, expect, it } from 'vitest';
import { DEMO_CONTEST_TITLE, loadContestsDemo } from '../../src/server/demo/contests-demo.ts';
import { loadIdentityDemo } from '../../src/server/demo/identity-demo.ts';
import { useDemoApp } from '../support/demo.ts';

const d = useDemoApp([loadIdentityDemo, loadContestsDemo]);

describe('contests demo', () => {
  it('publishes the preliminary’s prizes and a best individual: the public page and the honour roll are not empty', async () => {
    const c = (await d.ctx.contests.contests.findByTitle(DEMO_CONTEST_TITLE))!;
    const res = await d.anonymous.get(`/api/public/contests/${c.id}/results`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ title: DEMO_CONTEST_TITLE, version: 1, current: true });
    const tiers = new Set(body.awards.map((a: { tierNameZh: string }) => a.tierNameZh));
    expect([...tiers]).toEqual(expect.arrayContaining(['初赛一等奖', '初赛二等奖', '初赛三等奖', '最佳个人']));
    const best = body.awards.find((a: { tierId: string }) => a.tierId === 'best-individual');
    expect(best.personName).toEqual(expect.any(String));
    const roll = (await d.anonymous.get('/api/public/honour-roll')).json();
    expect(roll.items.map((i: { title: string }) => i.title)).toContain(DEMO_CONTEST_TITLE);
    const poster = await d.anonymous.get(`/api/public/contests/${c.id}/posters/${best.entryId}?personId=${best.personId}`);
    expect(poster.body).toContain(best.personName);
  });
});
