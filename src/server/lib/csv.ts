/**
 * RFC 4180 CSV (quotes, doubled quotes, CR/LF inside quotes) into rows of cells, each
 * row numbered by the line it starts on (line 1 = header), which is how a spreadsheet
 * numbers it. Tab-separated text is recognised by its header.
 */
export type CsvRow = { row: number; cells: string[] };

export function detectDelimiter(firstLine: string): string {
  const counts = [',', '\t', ';'].map((d) => [d, firstLine.split(d).length] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0][1] > 1 ? counts[0][0] : ',';
}

export function parseCsv(text: string, delimiter?: string): CsvRow[] {
  const firstBreak = text.search(/\r?\n/);
  const delim = delimiter ?? detectDelimiter(firstBreak < 0 ? text : text.slice(0, firstBreak));
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let inQuotes = false;
  let line = 1;
  let rowStart = 1;
  let i = 0;
  const n = text.length;
  const endRow = () => {
    cells.push(cell);
    rows.push({ row: rowStart, cells });
    cells = [];
    cell = '';
  };
  while (i < n) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      if (ch === '\n') line++;
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === '') {
      inQuotes = true;
      i++;
    } else if (ch === delim) {
      cells.push(cell);
      cell = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRow();
      if (ch === '\r' && text[i + 1] === '\n') i++;
      i++;
      line++;
      rowStart = line;
    } else {
      cell += ch;
      i++;
    }
  }
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}

export function toCsv(rows: (string | number | null | undefined)[][]): string {
  const esc = (v: string | number | null | undefined) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(esc).join(',')).join('\r\n') + '\r\n';
}
