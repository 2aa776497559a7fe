import { decodeEntities, fileError } from './text.ts';

/**
 * A small, tolerant XML reader for question files: elements, attributes, text, CDATA,
 * comments, processing instructions and a DOCTYPE. It keeps the line of every element so
 * importers can name the place. Malformed input (a tag that never closes, a closing tag
 * that does not match) throws an error naming the line.
 */
export type XmlElement = {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  line: number;
};
export type XmlNode = XmlElement | string;

export function parseXml(text: string): XmlElement {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineAt = (pos: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const fail = (message: string, messageZh: string, pos: number): never => {
    const line = lineAt(pos);
    throw fileError(`malformed XML at line ${line}: ${message}`, line, `XML 格式错误（第 ${line} 行）：${messageZh}`);
  };

  const root: XmlElement = { name: '#document', attrs: {}, children: [], line: 1 };
  const stack: XmlElement[] = [root];
  let pos = 0;
  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    const top = stack[stack.length - 1];
    if (lt < 0) {
      addText(top, decodeEntities(text.slice(pos)), stack.length === 1, pos);
      break;
    }
    if (lt > pos) addText(top, decodeEntities(text.slice(pos, lt)), stack.length === 1, pos);
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      if (end < 0) fail('a comment <!-- is never closed', '注释 <!-- 没有结束', lt);
      pos = end + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      if (end < 0) fail('a <![CDATA[ section is never closed', '<![CDATA[ 段没有结束', lt);
      top.children.push(text.slice(lt + 9, end));
      pos = end + 3;
    } else if (text.startsWith('<?', lt)) {
      const end = text.indexOf('?>', lt + 2);
      if (end < 0) fail('a <? processing instruction is never closed', '处理指令 <? 没有结束', lt);
      pos = end + 2;
    } else if (text.startsWith('<!', lt)) {
      const end = text.indexOf('>', lt + 2);
      if (end < 0) fail('a <! declaration is never closed', '声明 <! 没有结束', lt);
      pos = end + 1;
    } else if (text.startsWith('</', lt)) {
      const end = text.indexOf('>', lt + 2);
      if (end < 0) fail('a closing tag is never finished with >', '结束标签缺少 >', lt);
      const name = text.slice(lt + 2, end).trim();
      if (stack.length === 1) fail(`</${name}> closes nothing`, `</${name}> 没有对应的开始标签`, lt);
      if (top.name !== name) fail(`</${name}> found where </${top.name}> (opened at line ${top.line}) was expected`, `此处应为 </${top.name}>（第 ${top.line} 行打开），却是 </${name}>`, lt);
      stack.pop();
      pos = end + 1;
    } else {
      pos = readStartTag(text, lt, stack, lineAt, fail);
    }
  }
  if (stack.length > 1) {
    const open = stack[stack.length - 1];
    throw fileError(`malformed XML at line ${open.line}: <${open.name}> is never closed`, open.line, `XML 格式错误（第 ${open.line} 行）：<${open.name}> 没有结束标签`);
  }
  const elements = root.children.filter((c): c is XmlElement => typeof c !== 'string');
  if (elements.length === 0) throw fileError('malformed XML at line 1: no root element', 1, 'XML 格式错误（第 1 行）：没有根元素');
  if (elements.length > 1) {
    const { line, name } = elements[1];
    throw fileError(`malformed XML at line ${line}: a second root element <${name}>`, line, `XML 格式错误（第 ${line} 行）：出现第二个根元素 <${name}>`);
  }
  return elements[0];

  function addText(el: XmlElement, t: string, atTopLevel: boolean, at: number): void {
    if (atTopLevel) {
      if (t.trim() !== '') fail(`text outside the root element: "${t.trim().slice(0, 30)}"`, `根元素之外有文字：“${t.trim().slice(0, 30)}”`, at);
      return;
    }
    el.children.push(t);
  }
}

const NAME = /[A-Za-z_:][\w.:-]*/y;
const ATTR = /\s*([A-Za-z_:][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/y;

function readStartTag(
  text: string,
  lt: number,
  stack: XmlElement[],
  lineAt: (pos: number) => number,
  fail: (message: string, messageZh: string, pos: number) => never,
): number {
  NAME.lastIndex = lt + 1;
  const m = NAME.exec(text);
  if (!m) fail(`"<" is not followed by a tag name (write &lt; for a literal <)`, '“<”后面没有标签名（文字中的 < 请写作 &lt;）', lt);
  const el: XmlElement = { name: m![0], attrs: {}, children: [], line: lineAt(lt) };
  let pos = NAME.lastIndex;
  for (;;) {
    ATTR.lastIndex = pos;
    const a = ATTR.exec(text);
    if (!a) break;
    el.attrs[a[1]] = decodeEntities(a[3] ?? a[4] ?? '');
    pos = ATTR.lastIndex;
  }
  while (pos < text.length && /\s/.test(text[pos])) pos++;
  stack[stack.length - 1].children.push(el);
  if (text.startsWith('/>', pos)) return pos + 2;
  if (text[pos] !== '>') fail(`the tag <${el.name}> is malformed near "${text.slice(pos, pos + 20)}"`, `标签 <${el.name}> 在“${text.slice(pos, pos + 20)}”附近格式错误`, pos);
  stack.push(el);
  return pos + 1;
}

/** Child elements named `name`. */
export const childrenNamed = (el: XmlElement, name: string): XmlElement[] =>
  el.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === name);

export const firstChild = (el: XmlElement | undefined, name: string): XmlElement | undefined =>
  el ? childrenNamed(el, name)[0] : undefined;

/** All text inside an element (CDATA included), concatenated. */
export function innerText(el: XmlElement | undefined): string {
  if (!el) return '';
  return el.children.map((c) => (typeof c === 'string' ? c : innerText(c))).join('');
}

/** The text of `<name><text>…</text></name>` (Moodle's usual wrapping), or of `<name>…</name>`. */
export function textOf(el: XmlElement, name: string): string | undefined {
  const child = firstChild(el, name);
  if (!child) return undefined;
  const t = firstChild(child, 'text');
  return t ? innerText(t) : innerText(child);
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
