import { strToU8, zipSync } from 'fflate';
import type { FontRole } from '../../../src-core/index.js';

/**
 * The parts of the Word file the docx library cannot write: the font table with the hints Word,
 * WPS and LibreOffice use to substitute a missing font, the compatibility settings of Chinese
 * documents, the table style and the draft watermark.
 */

/** How a role's font is described to a reader that lacks it: serif body, sans 黑体, serif-like 楷体. */
const FONT_HINTS: Record<FontRole, { altName: string; panose: string; family: 'roman' | 'swiss' | 'modern' }> = {
  fangsong: { altName: '仿宋', panose: '02010609030101010101', family: 'roman' },
  song: { altName: 'SimSun', panose: '02010600030101010101', family: 'roman' },
  xiaobiaosong: { altName: '宋体', panose: '02000000000000000000', family: 'roman' },
  kai: { altName: '楷体', panose: '02010609060101010101', family: 'roman' },
  hei: { altName: 'SimHei', panose: '02010609060101010101', family: 'swiss' },
};

/** GB2312 character set, and the code-page bits of simplified Chinese in the font signature. */
const GB2312_CHARSET = '86';
const CHINESE_SIG = '<w:sig w:usb0="00000001" w:usb1="080E0000" w:usb2="00000010" w:usb3="00000000" w:csb0="00040000" w:csb1="00000000"/>';

export const WATERMARK_MARKER = '\u2063DRS-WATERMARK\u2063';

function fontTable(fonts: Record<FontRole, string>, latin: string): string {
  const entries = (Object.keys(FONT_HINTS) as FontRole[]).map((role) => {
    const hint = FONT_HINTS[role];
    const alt = hint.altName === fonts[role] ? '' : `<w:altName w:val="${hint.altName}"/>`;
    return `<w:font w:name="${escapeXml(fonts[role])}">${alt}<w:panose1 w:val="${hint.panose}"/><w:charset w:val="${GB2312_CHARSET}"/><w:family w:val="${hint.family}"/><w:pitch w:val="variable"/>${CHINESE_SIG}</w:font>`;
  });
  const latinEntry = `<w:font w:name="${latin}"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${entries.join('')}${latinEntry}</w:fonts>`;
}

/** 网格型: the table style the tables use (single 0.5 pt borders), so Word lists it and keeps it on edits. */
const TABLE_STYLE =
  '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/><w:pPr><w:snapToGrid w:val="0"/></w:pPr>' +
  '<w:tblPr><w:tblBorders>' +
  ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`).join('') +
  '</w:tblBorders><w:tblCellMar><w:left w:w="60" w:type="dxa"/><w:right w:w="60" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>';

/** A grey diagonal 草稿 behind the text, drawn as Word draws its own watermarks (VML text path). */
function watermarkRun(text: string, font: string): string {
  return (
    '<w:r><w:pict>' +
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e">' +
    '<v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/><v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/><v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/></v:formulas>' +
    '<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/><v:textpath on="t" fitshape="t"/><o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>' +
    `<v:shape id="PowerPlusWaterMarkObject" o:spid="_x0000_s2049" type="#_x0000_t136" style="position:absolute;margin-left:0;margin-top:0;width:340pt;height:170pt;rotation:315;z-index:-251657216;mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin" o:allowincell="f" fillcolor="#808080" stroked="f">` +
    `<v:fill opacity=".3"/><v:textpath style="font-family:&quot;${escapeXml(font)}&quot;;font-size:1pt" string="${escapeXml(text)}"/><w10:wrap anchorx="margin" anchory="margin"/></v:shape>` +
    '</w:pict></w:r>'
  );
}

/** pPr children in schema order, from widowControl on (Word rejects a file whose elements are out of order). */
const PPR_ORDER = ['widowControl', 'numPr', 'suppressLineNumbers', 'pBdr', 'shd', 'tabs', 'suppressAutoHyphens', 'kinsoku', 'wordWrap', 'overflowPunct', 'topLinePunct', 'autoSpaceDE', 'autoSpaceDN', 'bidi', 'adjustRightInd', 'snapToGrid', 'spacing', 'ind', 'contextualSpacing', 'mirrorIndents', 'suppressOverlap', 'jc', 'textDirection', 'textAlignment', 'textboxTightWrap', 'outlineLvl'];

/** Adds a paragraph property the docx library cannot write to a style, in its schema place. */
function addToStylePPr(xml: string, styleId: string, element: string): string {
  const style = new RegExp(`(<w:style [^>]*w:styleId="${styleId}"[^>]*>(?:(?!</w:style>)[\\s\\S])*?<w:pPr>)([\\s\\S]*?)(</w:pPr>)`).exec(xml);
  if (!style) return xml;
  const name = /^<w:(\w+)/.exec(element)?.[1] ?? '';
  const later = PPR_ORDER.slice(PPR_ORDER.indexOf(name) + 1);
  const body = style[2]!;
  const at = Math.min(...later.map((tag) => body.search(new RegExp(`<w:${tag}[ />]`))).filter((i) => i >= 0), body.length);
  return xml.replace(style[0], `${style[1]}${body.slice(0, at)}${element}${body.slice(at)}${style[3]}`);
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The files of a Word package by path, XML as text, in the order they are zipped. */
export type PackageParts = Map<string, string | Uint8Array>;

/**
 * Finishes the package and zips it: font table, settings (no punctuation compression, Chinese theme language), the table style, and the watermark in place of its marker run in the headers.
 */
export function finishPackage(
  parts: PackageParts,
  options: { fonts: Record<FontRole, string>; latin: string; watermark: string | null; paragraphFlags: Record<string, string[]> },
): Buffer {
  const edit = (name: string, change: (xml: string) => string) => {
    const part = parts.get(name);
    if (typeof part === 'string') parts.set(name, change(part));
  };
  parts.set('word/fontTable.xml', fontTable(options.fonts, options.latin));
  edit('word/settings.xml', (xml) =>
    xml.replace('<w:compat>', '<w:characterSpacingControl w:val="doNotCompress"/><w:compat>').replace('</w:settings>', '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/></w:settings>'),
  );
  edit('word/styles.xml', (xml) => {
    let styles = xml.replace('</w:styles>', `${TABLE_STYLE}</w:styles>`);
    for (const [styleId, flags] of Object.entries(options.paragraphFlags)) for (const flag of flags) styles = addToStylePPr(styles, styleId, flag);
    return styles;
  });
  for (const name of [...parts.keys()].filter((n) => /^word\/header\d+\.xml$/.test(n))) {
    edit(name, (xml) => xml.replace(new RegExp(`<w:r>(?:(?!<w:r>)[\\s\\S])*?${WATERMARK_MARKER}[\\s\\S]*?</w:r>`), options.watermark ? watermarkRun(options.watermark, options.fonts.hei) : ''));
  }
  return Buffer.from(zipSync(Object.fromEntries([...parts].map(([name, data]) => [name, typeof data === 'string' ? strToU8(data) : data]))));
}
