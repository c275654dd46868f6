import type { AnyNode, Element } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Localized } from '../../src-core/index.js';
import type { SourceBlock, SourceCell, SourceTable } from '../../src-core/import/sourceDocument.js';
import { decodeText } from './decodeText.js';
import { readerMessages } from './readerMessages.js';
import type { ReadResult } from './readResult.js';

/** Never report text: scripts, styles, embedded frames, form controls, navigation. */
const DROPPED_TAGS = ['head', 'script', 'style', 'noscript', 'iframe', 'frame', 'nav', 'button', 'select', 'input', 'textarea', 'svg', 'template', 'object', 'embed', 'canvas', 'audio', 'video', 'map'];
/** id/class words of page chrome on Chinese government sites (menus, breadcrumbs 当前位置, share and print bars, 无障碍 and read-aloud widgets…). */
const CHROME_NAME = /(?:^|[-_\s])(?:nav|navbar|menu|breadcrumbs?|crumbs?|share|bdshare|jiathis|fenxiang|bshare|sidebar|side|search|login|toolbar|tools|print|fontsize|font-size|zihao|wza|tts|speech|voice|aloud|listen|langdu|player|position|location|dqwz|weizhi|copyright|banner|related|relevant|xgxx|xgwz|comment|qrcode|ewm|gotop|backtop|skip)(?:[-_\s\d]|$)/i;
const PAGE_FRAME_NAME = /(?:^|[-_\s])(?:header|head|top|footer|foot|bottom)(?:[-_\s\d]|$)/i;
/** An element whose whole text is one of these is a widget, wherever it sits. */
const CHROME_TEXT =
  /^(?:[【[（(]?\s*(?:(?:字体|字号)\s*[:：]?\s*(?:[【[]?\s*[大中小]\s*[】\]]?\s*)+|打印(?:本页|此页)?|关闭(?:窗口|本页)?|返回顶部|收藏(?:本页)?|分享到?\s*[:：]?|视力保护色\s*[:：]?|扫一扫在手机(?:上)?打开当前页|(?:语音)?(?:播报|朗读)(?:本文)?|停止|暂停|继续|默认)\s*[】\]）)]?\s*[|｜]?\s*)+$/;
/** Labels of the 信息索引 table government sites put above every document; it describes the page, not the report. */
const METADATA_LABELS = ['索引号', '发布机构', '发文机关', '发布日期', '发文日期', '成文日期', '主题分类', '主题词', '文号', '有效性', '公开方式', '信息来源', '生成日期', '分类'];
const BLOCK_TAGS = new Set(['p', 'div', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'section', 'article', 'main', 'blockquote', 'pre', 'center', 'address', 'figure', 'figcaption', 'caption', 'form', 'hr', 'body', 'html', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'header', 'footer', 'aside', 'table']);
const HEADING = /^h([1-6])$/;
const CJK = '\\u2e80-\\u2fff\\u3000-\\u303f\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
const SPACE_BY_CJK = new RegExp(`(?<=[${CJK}]) | (?=[${CJK}])`, 'g');

/** Collapses HTML whitespace; Chinese has no spaces, so one next to a Chinese character is only source formatting. */
const normalize = (text: string) => text.replace(/[\s\u00a0\u3000]+/g, ' ').replace(SPACE_BY_CJK, '').trim();

const tags = (node: AnyNode | AnyNode[]) => DomUtils.findAll(() => true, Array.isArray(node) ? node : [node]);
const nameTokens = (el: Element) => `${el.attribs.id ?? ''} ${el.attribs.class ?? ''}`;
const isHidden = (el: Element) => 'hidden' in el.attribs || el.attribs['aria-hidden'] === 'true' || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.attribs.style ?? '');

/** Text of an element with block boundaries and <br> as newlines, each line normalized, empty lines dropped. */
function blockText(node: AnyNode): string {
  const parts: string[] = [];
  const walk = (n: AnyNode) => {
    if (n.type === 'text') parts.push(n.data);
    else if (n.type === 'tag') {
      const block = BLOCK_TAGS.has(n.name) || HEADING.test(n.name) || n.name === 'br';
      if (block) parts.push('\n');
      n.children.forEach(walk);
      if (block) parts.push('\n');
    }
  };
  walk(node);
  return parts.join('').split('\n').map(normalize).filter(Boolean).join('\n');
}

/** Rows and cells of this table only, not of tables nested in its cells. */
function ownRows(table: Element): Element[] {
  const rows: Element[] = [];
  const walk = (el: Element) => {
    for (const c of el.children) {
      if (c.type !== 'tag') continue;
      if (c.name === 'tr') rows.push(c);
      else if (['thead', 'tbody', 'tfoot'].includes(c.name)) walk(c);
    }
  };
  walk(table);
  return rows;
}
const ownCells = (row: Element) => row.children.filter((c): c is Element => c.type === 'tag' && (c.name === 'td' || c.name === 'th'));
const span = (value: string | undefined) => Math.min(1000, Math.max(1, Number.parseInt(value ?? '1', 10) || 1));

/** A table used for page layout (one column, one row, a nested table, or paragraphs in a cell) rather than for data. */
function isLayoutTable(table: Element): boolean {
  const rows = ownRows(table);
  if (rows.length < 2 || Math.max(0, ...rows.map((r) => ownCells(r).length)) < 2) return true;
  if (DomUtils.findOne((e) => e.name === 'table', table.children)) return true;
  return rows.some((r) => ownCells(r).some((c) => DomUtils.textContent(c).length > 300));
}

function sourceTable(table: Element): SourceTable {
  const rows = ownRows(table)
    .map((tr) => ownCells(tr).filter((td) => !isHidden(td)).map((td): SourceCell => ({ text: blockText(td), rowSpan: span(td.attribs.rowspan), colSpan: span(td.attribs.colspan) })))
    .filter((row) => row.length > 0);
  return { kind: 'table', rows };
}

/** Characters of readable text under a node, link text left out (menus and link lists are mostly links). */
function contentLength(node: AnyNode): number {
  if (node.type === 'text') return normalize(node.data).length;
  if (node.type !== 'tag' || node.name === 'a') return 0;
  return node.children.reduce((sum, c) => sum + contentLength(c), 0);
}

/** The report body: descend from <body> into the child holding most of the text while it holds most of the page's text. */
function mainContainer(body: Element): Element {
  const total = contentLength(body);
  let node = body;
  for (;;) {
    const children = node.children.filter((c): c is Element => c.type === 'tag');
    const best = children.map((c) => ({ c, n: contentLength(c) })).sort((p, q) => q.n - p.n)[0];
    if (!best || best.n < 0.7 * total) return node;
    const descendable = ['div', 'section', 'article', 'main', 'form', 'center', 'span', 'font'].includes(best.c.name) || (['table', 'tbody', 'tr', 'td', 'th'].includes(best.c.name) && !(best.c.name === 'table' && !isLayoutTable(best.c)));
    if (!descendable) return node;
    node = best.c;
  }
}

class HtmlBlocks {
  readonly blocks: SourceBlock[] = [];
  private buffer = '';
  private level: number | undefined;

  walk(node: AnyNode): void {
    if (node.type === 'text') {
      this.buffer += node.data;
      return;
    }
    if (node.type !== 'tag') return;
    const heading = HEADING.exec(node.name);
    if (node.name === 'br') this.flush();
    else if (node.name === 'table' && !isLayoutTable(node)) {
      this.flush();
      this.blocks.push(sourceTable(node));
    } else if (heading) {
      this.flush();
      this.level = Number(heading[1]);
      node.children.forEach((c) => this.walk(c));
      this.flush();
      this.level = undefined;
    } else if (BLOCK_TAGS.has(node.name)) {
      this.flush();
      node.children.forEach((c) => this.walk(c));
      this.flush();
    } else node.children.forEach((c) => this.walk(c));
  }

  flush(): void {
    const text = normalize(this.buffer);
    this.buffer = '';
    if (text) this.blocks.push(this.level === undefined ? { kind: 'paragraph', text } : { kind: 'paragraph', text, level: this.level });
  }
}

/** The page's title element before the body container (often a sibling of it), when the body itself has none. */
function titleBefore(main: Element, root: AnyNode[]): Element | undefined {
  if (DomUtils.findOne((e) => /^h[12]$/.test(e.name), main.children)) return undefined;
  const candidates = DomUtils.findAll((e) => /^h[1-3]$/.test(e.name) || /(?:^|[-_\s])(?:title|bt|biaoti)(?:[-_\s\d]|$)/i.test(nameTokens(e)), root);
  // Before the container in reading order (domutils: 2 = the candidate precedes main) and neither holds the other (8, 16).
  const before = candidates.filter((e) => (DomUtils.compareDocumentPosition(e, main) & (2 | 8 | 16)) === 2);
  return before.reverse().find((e) => {
    const length = normalize(DomUtils.textContent(e)).length;
    return length >= 6 && length <= 80;
  });
}

/**
 * Reads a report page saved from a government website: decodes its charset, strips the page chrome
 * (menus, breadcrumbs, share/print/font-size/read-aloud widgets, the 信息索引 table), finds the body by
 * where the text is, and returns its paragraphs (headings with their level) and data tables with spans.
 */
export function readHtml(bytes: Uint8Array, fileName: string): ReadResult {
  const decoded = decodeText(bytes);
  const dom = parseDocument(decoded.text);
  const notes: Localized[] = [];
  const how = { bom: ['字节序标记', 'byte-order mark'], declared: ['网页声明', 'declared by the page'], detected: ['按内容判断', 'detected from the bytes'] }[decoded.source];
  notes.push({ 'zh-CN': `网页编码：${decoded.charset}（${how[0]}）。`, en: `Page charset: ${decoded.charset} (${how[1]}).` });

  const remove = (el: Element) => DomUtils.removeElement(el);
  for (const el of tags(dom.children)) {
    if (!el.parent) continue;
    if (DROPPED_TAGS.includes(el.name) || isHidden(el) || CHROME_NAME.test(nameTokens(el))) remove(el);
  }
  for (const el of tags(dom.children)) {
    // <header>/<footer> and head/foot boxes are page frame, unless the report's own title sits in them.
    const frame = ['header', 'footer', 'aside'].includes(el.name) || PAGE_FRAME_NAME.test(nameTokens(el));
    if (frame && !DomUtils.findOne((e) => /^h[1-3]$/.test(e.name), el.children)) remove(el);
  }
  for (const el of tags(dom.children)) {
    const text = normalize(DomUtils.textContent(el));
    if (text.length <= 80 && CHROME_TEXT.test(text)) remove(el);
  }
  for (const table of tags(dom.children).filter((e) => e.name === 'table')) {
    const text = normalize(DomUtils.textContent(table));
    if (text.length < 800 && !DomUtils.findOne((e) => e.name === 'table', table.children) && METADATA_LABELS.filter((l) => text.includes(l)).length >= 2) {
      const summary = ownRows(table).map((tr) => ownCells(tr).map(blockText).join(' ')).join('；');
      notes.push({ 'zh-CN': `网页的信息索引表不是报告的表格，未作为表格导入：${summary}`, en: `The page's index table is not a report table and was not imported as one: ${summary}` });
      remove(table);
    }
  }

  const body = DomUtils.findOne((e) => e.name === 'body', dom.children) ?? DomUtils.findOne(() => true, dom.children);
  if (!body) return { ok: false, message: readerMessages.htmlWithoutText(fileName) };
  const main = mainContainer(body);
  const reader = new HtmlBlocks();
  const title = titleBefore(main, dom.children);
  if (title) {
    reader.walk(title);
    reader.flush();
  }
  reader.walk(main);
  reader.flush();
  if (!reader.blocks.some((b) => b.kind === 'table' || b.text.length > 0)) return { ok: false, message: readerMessages.htmlWithoutText(fileName) };
  notes.push({ 'zh-CN': '正文取自网页中文字最集中的区域，导航、分享、打印等页面元素已略去。', en: 'The text is taken from the part of the page holding most of it; navigation, share and print elements were left out.' });
  return { ok: true, source: { kind: 'html', fileName, blocks: reader.blocks, notes } };
}
