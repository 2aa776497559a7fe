import { AppError } from '../errors.ts';
import { readSheet } from '../lib/spreadsheet.ts';
import type { ParseResult, Skipped } from './engine/model.ts';
import { mapHeaderRow } from './engine/sheet-columns.ts';
import { mapSheetRows } from './engine/sheet-rows.ts';

export const QUESTION_SHEET_NAMES = ['题目', '试题', '题库', 'questions', 'Questions'];

/**
 * An .xlsx/.csv of the template → parsed questions. The sheet read is the one named 题目 (or
 * 试题, 题库, questions), else the first. Merged cells above the header (a title) are fine;
 * a question row with merged cells is skipped with its row number, since a merge hides
 * which question a value belongs to.
 */
export async function readQuestionSheet(buffer: Buffer, fileName: string): Promise<ParseResult> {
  const sheet = await readSheet(buffer, fileName, { sheetNames: QUESTION_SHEET_NAMES });
  const last = sheet.rows.reduce((m, r) => Math.max(m, r.row), 0);
  const dense: string[][] = Array.from({ length: last }, () => []);
  for (const r of sheet.rows) dense[r.row - 1] = r.cells;
  const headerRow = dense.slice(0, 10).findIndex((cells) => {
    const h = mapHeaderRow(cells);
    return h.columns.type !== undefined && h.columns.stem !== undefined;
  }) + 1;
  const merged: Skipped[] = [];
  if (headerRow > 0) {
    for (const row of [...sheet.mergedRows].sort((a, b) => a - b)) {
      if (row <= headerRow || row > last || dense[row - 1].every((c) => c === '')) continue;
      merged.push({
        line: row,
        reason: `row ${row} has merged cells: unmerge them and fill every cell of the question`,
        reasonZh: `第 ${row} 行有合并单元格：请取消合并，并把这道题的每个单元格都填上`,
      });
      dense[row - 1] = [];
    }
  }
  try {
    const parsed = mapSheetRows(dense);
    return { questions: parsed.questions, skipped: [...parsed.skipped, ...merged].sort((a, b) => a.line - b.line) };
  } catch (e) {
    if (e instanceof AppError && sheet.format === 'xlsx') {
      const details = (e.details ?? {}) as { reasonZh?: string };
      const zh = details.reasonZh ?? e.message;
      throw new AppError(e.code, `${fileName}: the sheet read (named 题目, or else the first sheet): ${e.message}`, {
        field: 'file',
        details: { ...details, reasonZh: `${fileName}：所读的工作表（名为“题目”的工作表，没有则为第一个）：${zh}` },
      });
    }
    throw e;
  }
}
