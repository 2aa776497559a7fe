import ExcelJS from 'exceljs';
import { AppError } from '../errors.ts';
import { parseCsv, type CsvRow } from './csv.ts';
import { decodeText } from './text-decode.ts';

export type SheetRow = CsvRow;
export type SheetFormat = 'xlsx' | 'csv';

export type ReadSheetOptions = {
  /** preferred sheet names, tried in order; otherwise the first sheet */
  sheetNames?: string[];
};

export type ReadSheet = { rows: SheetRow[]; format: SheetFormat; encoding?: string; mergedRows: Set<number> };

const isZip = (buf: Buffer) => buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;

export function detectSheetFormat(buf: Buffer, fileName: string): SheetFormat {
  if (isZip(buf)) return 'xlsx';
  if (/\.xlsx$/i.test(fileName)) throw new AppError('UNSUPPORTED_FILE', `${fileName} is named .xlsx but is not an Excel workbook`, { field: 'file' });
  if (/\.xls$/i.test(fileName)) throw new AppError('UNSUPPORTED_FILE', `${fileName} is an old .xls workbook: save it as .xlsx or .csv`, { field: 'file' });
  return 'csv';
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value);
}

/** Reads the rows of a CSV (any encoding Excel saves) or an .xlsx workbook. */
export async function readSheet(buf: Buffer, fileName: string, opts: ReadSheetOptions = {}): Promise<ReadSheet> {
  if (buf.length === 0) throw new AppError('UNSUPPORTED_FILE', `${fileName} is empty (0 bytes)`, { field: 'file' });
  const format = detectSheetFormat(buf, fileName);
  if (format === 'csv') {
    const { text, encoding } = decodeText(buf);
    if (text.includes('\u0000')) throw new AppError('UNSUPPORTED_FILE', `${fileName} is not a text or Excel file`, { field: 'file' });
    return { rows: parseCsv(text, encoding === 'utf-16le' ? '\t' : undefined), format, encoding, mergedRows: new Set() };
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw new AppError('UNSUPPORTED_FILE', `${fileName} could not be read as an .xlsx workbook: ${(e as Error).message}`, { field: 'file' });
  }
  const ws = opts.sheetNames?.map((n) => wb.getWorksheet(n)).find(Boolean) ?? wb.worksheets[0];
  if (!ws) throw new AppError('UNSUPPORTED_FILE', `${fileName} has no worksheet`, { field: 'file' });
  const rows: SheetRow[] = [];
  const mergedRows = new Set<number>();
  const merges: string[] = ((ws as unknown as { model: { merges?: string[] } }).model.merges) ?? [];
  for (const m of merges) {
    const [a, b] = m.split(':');
    const r1 = Number(a.replace(/^[A-Z]+/, ''));
    const r2 = Number((b ?? a).replace(/^[A-Z]+/, ''));
    for (let r = r1; r <= r2; r++) mergedRows.add(r);
  }
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    const values = row.values as ExcelJS.CellValue[];
    for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]).trim());
    rows.push({ row: rowNumber, cells });
  });
  return { rows, format, mergedRows };
}

export async function writeXlsx(sheets: { name: string; rows: (string | number | null)[][]; widths?: number[] }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const r of s.rows) ws.addRow(r);
    ws.getRow(1).font = { bold: true };
    s.widths?.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
