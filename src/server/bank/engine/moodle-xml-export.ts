import type { Question } from './model.ts';
import { formatCloze } from './moodle-cloze.ts';
import { escapeXml } from './xml.ts';

/**
 * Questions → Moodle XML that Moodle imports and that `parseMoodleXml` reads back to the
 * same questions. Text is written as `plain_text`, so `<`, `&` and line breaks survive.
 * - single/multiple → multichoice (`<single>`), correct options at 100 % (single) or
 *   100/n % (multiple), the others at 0 %;
 * - truefalse → truefalse; short/case/scenario → essay with the reference answer as
 *   grader information;
 * - fill with one blank → shortanswer; with several blanks → cloze (`{1:SHORTANSWER:=a~=b}`
 *   at each `_____` of the stem);
 * - a `<category>` precedes each run of questions with the same first knowledge point;
 * - `<servicestar>` keeps what Moodle has no field for (Moodle ignores it).
 */
export function exportMoodleXml(questions: Question[]): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', '<quiz>'];
  let category: string | null = null;
  questions.forEach((q, i) => {
    const cat = q.knowledgePoints[0] ?? 'ServiceStar';
    if (cat !== category) {
      category = cat;
      out.push('  <question type="category">', `    <category><text>${escapeXml('$course$/top/' + cat)}</text></category>`, '  </question>');
    }
    out.push(...exportQuestion(q, i + 1));
  });
  out.push('</quiz>', '');
  return out.join('\n');
}

const text = (s: string): string => `<text>${escapeXml(s)}</text>`;
const field = (name: string, s: string): string => `    <${name} format="plain_text">${text(s)}</${name}>`;

function moodleType(q: Question): string {
  if (q.type === 'single' || q.type === 'multiple') return 'multichoice';
  if (q.type === 'truefalse') return 'truefalse';
  if (q.type === 'fill') return q.answer.kind === 'fill' && q.answer.blanks.length > 1 ? 'cloze' : 'shortanswer';
  return 'essay';
}

function exportQuestion(q: Question, n: number): string[] {
  const type = moodleType(q);
  const name = q.externalKey ?? `${String(n).padStart(4, '0')} ${q.stem.replace(/\s+/g, ' ').slice(0, 40)}`;
  const stem = type === 'cloze' && q.answer.kind === 'fill' ? formatCloze(q.stem, q.answer.blanks) : q.stem;
  const lines = [
    `  <question type="${type}">`,
    `    <name>${text(name)}</name>`,
    field('questiontext', stem),
    field('generalfeedback', q.explanation),
    `    <defaultgrade>${q.score}</defaultgrade>`,
    `    <hidden>${q.status === 'active' ? 0 : 1}</hidden>`,
    `    <idnumber>${escapeXml(q.externalKey ?? '')}</idnumber>`,
  ];
  lines.push(...answerLines(q, type));
  lines.push(...extensionLines(q), '  </question>');
  return lines;
}

function answerLines(q: Question, type: string): string[] {
  const a = q.answer;
  const answer = (fraction: number, s: string): string => `    <answer fraction="${fraction}" format="plain_text">${text(s)}</answer>`;
  if (type === 'multichoice' && a.kind === 'choice') {
    const share = q.type === 'single' ? 100 : Math.round((100 / Math.max(1, a.keys.length)) * 1e5) / 1e5;
    return [
      `    <single>${q.type === 'single' ? 'true' : 'false'}</single>`,
      '    <shuffleanswers>true</shuffleanswers>',
      '    <answernumbering>ABCD</answernumbering>',
      ...q.options.map((o) => answer(a.keys.includes(o.key) ? share : 0, o.text)),
    ];
  }
  if (type === 'truefalse' && a.kind === 'truefalse') {
    return [answer(a.value ? 100 : 0, 'true'), answer(a.value ? 0 : 100, 'false')];
  }
  if (type === 'shortanswer' && a.kind === 'fill') {
    return ['    <usecase>0</usecase>', ...(a.blanks[0] ?? []).map((alt) => answer(100, alt))];
  }
  if (type === 'essay' && a.kind === 'text') {
    return [
      '    <responseformat>editor</responseformat>',
      '    <responserequired>1</responserequired>',
      '    <responsefieldlines>15</responsefieldlines>',
      `    <attachments>${q.type === 'scenario' ? 1 : 0}</attachments>`,
      field('graderinfo', a.reference),
      field('responsetemplate', ''),
    ];
  }
  return [];
}

function extensionLines(q: Question): string[] {
  const lines = ['    <servicestar>', `      <type>${q.type}</type>`];
  if (q.track !== null) lines.push(`      <track>${escapeXml(q.track)}</track>`);
  q.knowledgePoints.forEach((kp) => lines.push(`      <knowledgepoint>${escapeXml(kp)}</knowledgepoint>`));
  lines.push(`      <difficulty>${q.difficulty}</difficulty>`, `      <status>${q.status}</status>`);
  if (q.source !== '') lines.push(`      <source>${escapeXml(q.source)}</source>`);
  q.attachments.forEach((a) => {
    const url = a.url !== undefined ? ` url="${escapeXml(a.url)}"` : '';
    lines.push(`      <attachment kind="${a.kind}" name="${escapeXml(a.name)}"${url}/>`);
  });
  lines.push('    </servicestar>');
  return lines;
}
