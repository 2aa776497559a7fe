import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import type { AppContext } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import type { Actor } from '../identity/engine/authz.ts';
import { loadContest } from './access.ts';
import type { StoredAward } from './award-repo.ts';

/** CJK fonts tried in order: [file, name inside a .ttc collection]. */
export const CJK_FONTS: [string, string][] = [
  ['/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', 'WenQuanYiMicroHei'],
  ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular'],
];

export function findCjkFont(): [string, string] {
  const found = CJK_FONTS.find(([file]) => fs.existsSync(file));
  if (!found) throw new AppError('UNAVAILABLE', 'certificates need a CJK font and none is installed: run `apt-get install fonts-wqy-microhei` on the server');
  return found;
}

/** One A4 landscape page per awardee: 荣誉证书, the contest title, the awardee, its members, the prize. */
export function renderCertificates(title: string, awards: StoredAward[], issuedAt: Date): Promise<Buffer> {
  const [file, family] = findCjkFont();
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', autoFirstPage: false, info: { Title: `${title} 荣誉证书`, Creator: 'ServiceStar 服务之星' } });
  doc.registerFont('cjk', file, family);
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const date = `${issuedAt.getFullYear()} 年 ${issuedAt.getMonth() + 1} 月 ${issuedAt.getDate()} 日`;
  for (const a of awards) {
    doc.addPage({ margin: 60 });
    const w = doc.page.width - 120;
    doc.lineWidth(3).strokeColor('#b8860b').rect(30, 30, doc.page.width - 60, doc.page.height - 60).stroke();
    doc.font('cjk').fillColor('#8b0000').fontSize(40).text('荣誉证书', 60, 80, { width: w, align: 'center' });
    doc.fillColor('#000').fontSize(18).text(title, 60, 150, { width: w, align: 'center' });
    doc.fontSize(26).text(a.personName ?? a.entryName, 60, 210, { width: w, align: 'center' });
    if (a.personName) doc.fontSize(14).text(`所在团队：${a.entryName}`, 60, 255, { width: w, align: 'center' });
    else if (a.members.length > 0 && !(a.members.length === 1 && a.members[0] === a.entryName)) doc.fontSize(14).text(`成员：${a.members.join('、')}`, 60, 255, { width: w, align: 'center' });
    doc.fontSize(16).text(`${a.organisationName} · ${a.trackName}`, 60, 290, { width: w, align: 'center' });
    doc.fillColor('#8b0000').fontSize(30).text(`荣获 ${a.tierNameZh}${a.shared ? '（并列）' : ''}`, 60, 340, { width: w, align: 'center' });
    doc.fillColor('#000').fontSize(14).text(`${title} 组委会`, 60, doc.page.height - 150, { width: w, align: 'right' });
    doc.text(date, 60, doc.page.height - 125, { width: w, align: 'right' });
  }
  doc.end();
  return done;
}

/** Certificates of a published version (the current one by default), all in one file or for one entry. */
export async function certificates(ctx: AppContext, actor: Actor, contestId: number, q: { version?: number; entryId?: number }) {
  const c = await loadContest(ctx, actor, contestId, 'read');
  const set = await ctx.contests.awards.published(c.id, q.version);
  if (!set) throw notFound('published results');
  const awards = q.entryId ? set.awards.filter((a) => a.entryId === q.entryId) : set.awards;
  if (awards.length === 0) throw notFound('award for this entry');
  const body = await renderCertificates(c.title, awards, set.publishedAt ?? ctx.now());
  return { body, fileName: `certificates-${c.id}-v${set.version}${q.entryId ? `-${q.entryId}` : ''}.pdf`, pages: awards.length };
}
