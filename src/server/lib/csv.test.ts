import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsv, toCsv } from './csv.ts';
import { decodeText } from './text-decode.ts';

describe('csv', () => {
  it('numbers rows by the line they start on, through quoted line breaks', () => {
    const rows = parseCsv('a,b\r\n"x\ny",2\n\n3,"q""uote"\n');
    expect(rows).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['x\ny', '2'] },
      { row: 4, cells: [''] },
      { row: 5, cells: ['3', 'q"uote'] },
    ]);
  });
  it('round-trips any table (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ minLength: 1 }).filter((s) => !/[\r]/.test(s)), { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (table) => {
        const width = table[0].length;
        const t = table.map((r) => [...r, ...Array(width).fill('x')].slice(0, width));
        expect(parseCsv(toCsv(t), ',').map((r) => r.cells)).toEqual(t);
      }),
    );
  });
  it('reads UTF-8 with and without BOM, GB18030 and UTF-16 as Excel saves them', () => {
    const text = '工号,姓名\nE1,张晓晓\n';
    expect(decodeText(Buffer.from(text)).text).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])).text).toBe(text);
    const gb = decodeText(iconv.encode(text, 'gb18030'));
    expect(gb).toEqual({ text, encoding: 'gb18030' });
    const u16 = decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(u16).toEqual({ text, encoding: 'utf-16le' });
  });
});
