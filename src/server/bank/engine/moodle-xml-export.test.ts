import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { question } from '../../../../test/fixtures/bank/arbitraries.ts';
import { newQuestion, withoutLine } from './model.ts';
import { exportMoodleXml } from './moodle-xml-export.ts';
import { parseMoodleXml } from './moodle-xml.ts';

describe('exportMoodleXml', () => {
  it('round-trips: parseMoodleXml(exportMoodleXml(qs)) gives back the same questions', () => {
    fc.assert(
      fc.property(fc.array(question, { minLength: 1, maxLength: 8 }), (qs) => {
        const back = parseMoodleXml(exportMoodleXml(qs));
        expect(back.skipped).toEqual([]);
        expect(back.questions.map(withoutLine)).toEqual(qs);
      }),
      { numRuns: 300 },
    );
  });

  it('writes what Moodle reads: multichoice with fractions, cloze for several blanks, escaped text', () => {
    const xml = exportMoodleXml([
      newQuestion('multiple', '5G & <千兆> "宽带"', { options: [{ key: 'A', text: 'x' }, { key: 'B', text: 'y' }, { key: 'C', text: 'z' }], answer: { kind: 'choice', keys: ['A', 'C'] } }),
      newQuestion('fill', '地址 _____ 密码 _____', { answer: { kind: 'fill', blanks: [['192.168.1.1'], ['a}b', 'c~d']] } }),
    ]);
    expect(xml).toContain('<text>5G &amp; &lt;千兆&gt; &quot;宽带&quot;</text>');
    expect(xml).toContain('<single>false</single>');
    expect(xml.match(/fraction="50"/g)).toHaveLength(2);
    expect(xml).toContain('<question type="cloze">');
    expect(xml).toContain('地址 {1:SHORTANSWER:=192.168.1.1} 密码 {1:SHORTANSWER:=a\\}b~=c\\~d}');
  });
});
