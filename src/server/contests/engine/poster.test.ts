import { describe, expect, it } from 'vitest';
import { escapeXml, renderPoster, wrapText } from './poster.ts';

describe('poster', () => {
  it('escapes every text it draws', () => {
    const svg = renderPoster({ contestTitle: 'A & B <赛>', headline: '荣获 一等奖', name: '"</text><script>x</script>', organisationName: "O'Brien", trackName: '语音客服', footer: 'f' });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('A &amp; B &lt;赛&gt;');
    expect(svg).toContain('&quot;&lt;/text&gt;&lt;script&gt;');
    expect(svg).toContain('O&apos;Brien');
    expect(escapeXml('a\u0001b')).toBe('ab');
  });

  it('wraps CJK by width and cuts with an ellipsis', () => {
    expect(wrapText('一二三四五六', 4, 3)).toEqual(['一二三四', '五六']);
    expect(wrapText('abcdefgh', 2.3, 5)).toEqual(['abcd', 'efgh']);
    expect(wrapText('一二三四五六七八九十', 3, 2)).toEqual(['一二三', '四五…']);
  });

  it('draws the contest title, headline, name, detail, organisation and track', () => {
    const svg = renderPoster({ contestTitle: '2026 服务之星技能竞赛', headline: '荣获 冠军', name: '浙江语音客服一队', detail: '成员：张三、李四、王五', organisationName: '浙江', trackName: '语音客服', footer: '公示于 2026 年 12 月 1 日' });
    for (const s of ['2026 服务之星技能竞赛', '荣获 冠军', '浙江语音客服一队', '成员：张三、李四、王五', '>浙江<', '语音客服', 'width="1080"']) expect(svg).toContain(s);
  });
});
