import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BANK_FIXTURES } from '../../../../test/fixtures/bank/paths.ts';
import { parseGift } from './gift.ts';
import { asExisting, planImport } from './import-plan.ts';
import { parseMoodleXml } from './moodle-xml.ts';

const gift = fs.readFileSync(path.join(BANK_FIXTURES, 'telecom.gift.txt'));

describe('planImport', () => {
  it('imports a file once; the same file again changes nothing', () => {
    const first = planImport([], parseGift(gift));
    expect(first.summary).toMatchObject({ imported: 9, updated: 0, unchanged: 0 });
    expect(first.summary.byType).toEqual({ single: 2, multiple: 1, truefalse: 2, fill: 3, short: 1, case: 0, scenario: 0 });
    expect(first.summary.skipped.map((s) => s.line)).toEqual([52, 57]);
    const bank = first.plan.map((p, i) => asExisting(p, `id${i}`));
    const second = planImport(bank, parseGift(gift));
    expect(second.summary).toMatchObject({ imported: 0, updated: 0, unchanged: 9 });
  });

  it('updates a question whose answer changed, keyed by its text', () => {
    const bank = planImport([], parseGift(gift)).plan.map((p, i) => asExisting(p, `id${i}`));
    const edited = gift.toString('utf8').replace('{#10:0}', '{#15:0}');
    const r = planImport(bank, parseGift(edited));
    expect(r.summary).toMatchObject({ imported: 0, updated: 1, unchanged: 8 });
    expect(r.plan.find((p) => p.action === 'update')).toMatchObject({ line: 32, existingId: 'id5' });
  });

  it('flags near-duplicates and skips exact repeats within a file', () => {
    const text = '光猫 LOS 灯红闪表示？{=断纤 ~升级}\n\n光猫LOS灯红闪，表示?{=断纤。 ~升级}\n\n光猫 LOS 灯红闪表示？{=断纤 ~升级}';
    const r = planImport([], parseGift(text));
    expect(r.plan.map((p) => [p.line, p.action, p.nearDuplicates.lines])).toEqual([[1, 'create', []], [3, 'create', [1]]]);
    expect(r.summary.skipped).toEqual([{ line: 5, reason: 'the same question as line 1', reasonZh: '与第 1 行的题目相同' }]);
  });

  it('matches Moodle questions by idnumber', () => {
    const xml = fs.readFileSync(path.join(BANK_FIXTURES, 'telecom.moodle.xml'));
    const r = planImport([], parseMoodleXml(xml));
    expect(r.plan[0].identityKey).toBe('ext:TC-001');
  });
});
