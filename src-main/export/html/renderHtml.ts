import { DRAFT_MARK, PAGE, type DocBlock, type DocCell, type DocTable, type DocumentModel, type TextRun } from '../../../src-core/index.js';

/** The web page for publication: a self-contained page, and the same body for pasting into a CMS editor. */
export interface HtmlExport {
  page: string;
  fragment: string;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const runsHtml = (runs: readonly TextRun[]) => runs.map((r) => (r.bold ? `<strong>${escapeHtml(r.text)}</strong>` : escapeHtml(r.text))).join('').replace(/\n/g, '<br>');

/**
 * A heading spanning several columns heads a column group; a row label spanning several rows heads
 * a row group. Values, units and blank cells are `td`.
 */
function cellHtml(cell: DocCell): string {
  const spans = `${cell.colspan > 1 ? ` colspan="${cell.colspan}"` : ''}${cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : ''}`;
  const text = escapeHtml(cell.text);
  if (cell.text === '' || cell.heading === null) return `<td${spans}${cell.shaded ? ' class="blank"' : ''}>${text}</td>`;
  const scope = cell.heading === 'col' ? (cell.colspan > 1 ? 'colgroup' : 'col') : cell.rowspan > 1 ? 'rowgroup' : 'row';
  return `<th scope="${scope}"${spans}${cell.align === 'left' ? ' class="left"' : ''}>${text}</th>`;
}

/** A statistical table as printed: the same merges, a caption, `th` with scope for every heading cell. */
function tableHtml(table: DocTable): string {
  const head = table.rows.slice(0, table.repeatHeaderRows);
  const body = table.rows.slice(table.repeatHeaderRows);
  const rowHtml = (row: DocTable['rows'][number]) => `<tr>${row.cells.map(cellHtml).join('')}</tr>`;
  const cols = table.columnWidths.map((w) => `<col style="width:${((w / PAGE.typeWidthMm) * 100).toFixed(2)}%">`).join('');
  const notes = table.notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('');
  return (
    `<table class="stats" id="${escapeHtml(table.id)}"><caption>${escapeHtml(table.title)}</caption><colgroup>${cols}</colgroup>` +
    (head.length > 0 ? `<thead>${head.map(rowHtml).join('')}</thead>` : '') +
    `<tbody>${body.map(rowHtml).join('')}</tbody></table>${notes}`
  );
}

function blockHtml(block: DocBlock): string {
  switch (block.kind) {
    case 'title':
      return `<h1>${block.lines.map(escapeHtml).join('<br>')}</h1>`;
    case 'heading1':
      return `<h2 id="${escapeHtml(block.sectionId)}">${escapeHtml(block.text)}</h2>`;
    case 'heading2':
      return `<h3>${runsHtml(block.runs)}</h3>`;
    case 'heading3':
      return `<h4>${runsHtml(block.runs)}</h4>`;
    case 'paragraph':
      return `<p>${runsHtml(block.runs)}</p>`;
    case 'listItem':
      return `<p>${escapeHtml(block.marker)}${runsHtml(block.runs)}</p>`;
    case 'table':
      return tableHtml(block.table);
    case 'signature':
      return `<p class="signature">${escapeHtml(block.org)}${block.date ? `<br>${escapeHtml(block.date)}` : ''}</p>`;
  }
}

/** The body styles, also usable on a website; print gives A4 pages with the GB/T 9704 margins. */
const STYLE = `
body { margin: 0; background: #fff; color: #000; }
article.report { max-width: ${PAGE.typeWidthMm}mm; margin: 2em auto; padding: 0 1em; font: 16pt/1.8 "仿宋_GB2312", "仿宋", FangSong, STFangsong, "Noto Serif CJK SC", "Source Han Serif SC", serif; }
article.report h1 { font: 22pt/1.5 "方正小标宋简体", "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC", "Source Han Serif SC", serif; font-weight: bold; text-align: center; margin: 0 0 1em; }
article.report h2 { font: 16pt/1.8 "黑体", SimHei, "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; margin: 0; text-indent: 2em; }
article.report h3 { font: 16pt/1.8 "楷体_GB2312", "楷体", KaiTi, STKaiti, "AR PL UKai CN", serif; margin: 0; text-indent: 2em; }
article.report h4 { font-size: 16pt; margin: 0; text-indent: 2em; }
article.report p { margin: 0; text-indent: 2em; text-align: justify; }
article.report p.signature { text-align: right; text-indent: 0; margin: 1.8em 4em 0 0; }
article.report p.note { font-size: 10.5pt; text-indent: 0; }
table.stats { width: 100%; border-collapse: collapse; margin: 0.5em 0; font: 10.5pt/1.3 "宋体", SimSun, "Noto Serif CJK SC", serif; table-layout: fixed; }
table.stats caption { font-weight: bold; padding: 0.3em; }
table.stats th, table.stats td { border: 0.5pt solid #000; padding: 3pt; text-align: center; vertical-align: middle; }
table.stats th.left { text-align: left; font-weight: normal; }
table.stats td.blank { background: #d9d9d9; }
@page { size: A4; margin: ${PAGE.marginTopMm}mm ${PAGE.marginRightMm}mm ${PAGE.marginBottomMm}mm ${PAGE.marginLeftMm}mm; }
@media print {
  article.report { max-width: none; margin: 0; padding: 0; }
  table.stats { break-inside: auto; }
  table.stats thead { display: table-header-group; }
  table.stats tr { break-inside: avoid; }
  h2, h3, h4, table.stats caption { break-after: avoid; }
  p { orphans: 2; widows: 2; }
}`;

/**
 * Writes the document model as HTML: one UTF-8 page with its styles inline (no scripts, no external
 * requests), and the `<article>` alone for a website's editor. A draft says so at the top.
 */
export function renderHtml(model: DocumentModel): HtmlExport {
  const draft = model.draft ? `<p class="draft" role="note"><strong>${DRAFT_MARK.notice}</strong></p>` : '';
  const fragment = `<article class="report" lang="zh-CN">${draft}${model.blocks.map(blockHtml).join('\n')}</article>`;
  const meta = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="author" content="${escapeHtml(model.meta.author)}">`,
    `<meta name="description" content="${escapeHtml(model.meta.subject)}">`,
    `<meta name="keywords" content="${escapeHtml(model.meta.keywords.join(','))}">`,
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">',
  ].join('\n');
  const page = `<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n${meta}\n<title>${escapeHtml(model.meta.title)}</title>\n<style>${STYLE}\n</style>\n</head>\n<body>\n${fragment}\n</body>\n</html>\n`;
  return { page, fragment: `${fragment}\n` };
}
