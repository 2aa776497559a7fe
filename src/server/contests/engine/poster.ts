/**
 * A shareable poster (SVG, 1080 × 1440) for an awardee or a finalist: the contest title, the
 * headline (荣获 一等奖 / 入围决赛), the name, members or team, organisation and track. Pure:
 * the text is escaped and wrapped here; CJK is drawn by the viewer's fonts (the family list
 * names the usual ones on Linux, macOS and Windows).
 */
export type PosterInput = {
  contestTitle: string;
  headline: string;
  name: string;
  /** 成员：… or 所在团队：… */
  detail?: string;
  organisationName: string;
  trackName: string;
  footer: string;
};

export const POSTER_SIZE = { width: 1080, height: 1440 } as const;
const FONT = "'WenQuanYi Micro Hei','Noto Sans CJK SC','Noto Sans SC','PingFang SC','Microsoft YaHei',sans-serif";

export const escapeXml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/** Width in ems: CJK and other wide characters 1, the rest about 0.56. */
const widthOf = (ch: string): number => (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) || ch.codePointAt(0)! > 0xffff ? 1 : 0.56);

/** Greedy wrap to `maxEms` per line, at most `maxLines` (the last one ends with … when cut). */
export function wrapText(text: string, maxEms: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  let w = 0;
  for (const ch of [...text]) {
    const cw = widthOf(ch);
    if (w + cw > maxEms && line) {
      lines.push(line);
      line = '';
      w = 0;
    }
    line += ch;
    w += cw;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${[...kept[maxLines - 1]].slice(0, -1).join('')}…`;
  return kept;
}

export function renderPoster(p: PosterInput): string {
  const { width: W, height: H } = POSTER_SIZE;
  const cx = W / 2;
  const text = (y: number, size: number, fill: string, s: string, weight = 400, extra = '') =>
    `<text x="${cx}" y="${y}" font-size="${size}" font-weight="${weight}" fill="${fill}" text-anchor="middle" font-family="${FONT}"${extra}>${escapeXml(s)}</text>`;
  const titleLines = wrapText(p.contestTitle, 16, 2);
  const nameSize = p.name.length > 10 ? 72 : 96;
  const nameLines = wrapText(p.name, Math.floor((W - 160) / nameSize), 2);
  const detailLines = p.detail ? wrapText(p.detail, 26, 2) : [];
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeXml(`${p.contestTitle} ${p.headline} ${p.name}`)}">`);
  parts.push('<defs><linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#9e1b1b"/><stop offset="0.62" stop-color="#c62828"/><stop offset="1" stop-color="#7f1010"/></linearGradient>');
  parts.push('<linearGradient id="gold" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#fff3c4"/><stop offset="0.5" stop-color="#f2c14e"/><stop offset="1" stop-color="#c8931c"/></linearGradient></defs>');
  parts.push(`<rect width="${W}" height="${H}" fill="url(#bg)"/>`);
  parts.push(`<rect x="36" y="36" width="${W - 72}" height="${H - 72}" fill="none" stroke="url(#gold)" stroke-width="6" rx="18"/>`);
  parts.push(`<rect x="56" y="56" width="${W - 112}" height="${H - 112}" fill="none" stroke="#f2c14e" stroke-opacity="0.45" stroke-width="2" rx="12"/>`);
  // a star, the product's mark
  const star = Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 === 0 ? 70 : 28;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    return `${(cx + r * Math.cos(a)).toFixed(1)},${(210 + r * Math.sin(a)).toFixed(1)}`;
  }).join(' ');
  parts.push(`<polygon points="${star}" fill="url(#gold)"/>`);
  let y = 360;
  for (const l of titleLines) {
    parts.push(text(y, 54, '#fff8e1', l, 700));
    y += 70;
  }
  y += 70;
  // the gold pill fits the headline: its font shrinks for a long one
  const ems = [...p.headline].reduce((n, ch) => n + widthOf(ch), 0);
  const headSize = Math.min(76, Math.floor((W - 280) / Math.max(ems, 1)));
  const pill = Math.max(480, Math.ceil(ems * headSize) + 120);
  parts.push(`<rect x="${cx - pill / 2}" y="${y - 88}" width="${pill}" height="128" rx="64" fill="url(#gold)"/>`);
  parts.push(text(y - (76 - headSize) / 2, headSize, '#7f1010', p.headline, 800));
  y += 190;
  for (const l of nameLines) {
    parts.push(text(y, nameSize, '#ffffff', l, 800));
    y += nameSize + 24;
  }
  y += 10;
  for (const l of detailLines) {
    parts.push(text(y, 38, '#ffe9b0', l));
    y += 54;
  }
  y += 30;
  parts.push(text(y, 42, '#fff8e1', p.organisationName, 600));
  parts.push(text(y + 64, 38, '#ffe9b0', p.trackName));
  parts.push(`<line x1="${cx - 240}" y1="${H - 190}" x2="${cx + 240}" y2="${H - 190}" stroke="#f2c14e" stroke-opacity="0.6" stroke-width="2"/>`);
  parts.push(text(H - 130, 34, '#fff8e1', p.footer));
  parts.push(text(H - 80, 28, '#f2c14e', 'ServiceStar 服务之星', 600, ' letter-spacing="4"'));
  parts.push('</svg>');
  return parts.join('\n');
}
