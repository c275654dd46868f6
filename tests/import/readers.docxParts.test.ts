import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../src-main/import/readDocx.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
const p = (inner: string, pPr = '') => `<w:p><w:pPr>${pPr}</w:pPr>${inner}</w:p>`;
const r = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;

/** A Word document as Word writes the parts a report uses: numbered headings from a style chain, notes, text boxes, revisions. */
function wordFile(body: string): Uint8Array {
  const styles = `<w:styles ${W}>
    <w:style w:styleId="1"><w:name w:val="heading 1"/></w:style>
    <w:style w:styleId="ReportLevel2"><w:name w:val="报告二级"/><w:basedOn w:val="Base2"/></w:style>
    <w:style w:styleId="Base2"><w:name w:val="Base2"/><w:pPr><w:outlineLvl w:val="1"/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="5"/></w:numPr></w:pPr></w:style>
  </w:styles>`;
  const numbering = `<w:numbering ${W}>
    <w:abstractNum w:abstractNumId="0">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
    </w:abstractNum>
    <w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>
  </w:numbering>`;
  const footnotes = `<w:footnotes ${W}><w:footnote w:type="separator" w:id="-1">${p(r('———'))}</w:footnote><w:footnote w:id="1">${p(r('数据来源：县政务服务中心。'))}</w:footnote></w:footnotes>`;
  return zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'word/document.xml': strToU8(`<w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`),
    'word/styles.xml': strToU8(styles),
    'word/numbering.xml': strToU8(numbering),
    'word/footnotes.xml': strToU8(footnotes),
  });
}

function read(body: string) {
  const result = readDocx(wordFile(body), 'report.docx');
  if (!result.ok) throw new Error(result.message.en);
  return result.source;
}

describe('DOCX paragraphs as Word writes them', () => {
  it('numbered headings: the number Word draws is part of the text, the level comes from the style chain', () => {
    const source = read(
      p(r('总体情况'), '<w:pStyle w:val="1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr>') +
        p(r('主动公开'), '<w:pStyle w:val="ReportLevel2"/>') +
        p(r('依申请公开'), '<w:pStyle w:val="ReportLevel2"/>') +
        p(r('主动公开政府信息情况'), '<w:pStyle w:val="1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr>') +
        p(r('规章'), '<w:pStyle w:val="ReportLevel2"/>') +
        p(r('正文'), '<w:outlineLvl w:val="9"/>'),
    );
    expect(source.blocks).toEqual([
      { kind: 'paragraph', text: '一、总体情况', level: 1 },
      { kind: 'paragraph', text: '（一）主动公开', level: 2 },
      { kind: 'paragraph', text: '（二）依申请公开', level: 2 },
      { kind: 'paragraph', text: '二、主动公开政府信息情况', level: 1 },
      { kind: 'paragraph', text: '（一）规章', level: 2 },
      { kind: 'paragraph', text: '正文' },
    ]);
  });

  it('tabs and breaks as spaces and newlines; deleted text and field codes left out; text boxes and footnotes kept', () => {
    const source = read(
      p(`${r('全年受理')}<w:r><w:tab/></w:r>${r('21件')}<w:r><w:br/></w:r>${r('均按期答复。')}<w:del><w:r><w:delText>已删除</w:delText></w:r></w:del>`) +
        p(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r('3')}<w:r><w:fldChar w:fldCharType="end"/></w:r>`) +
        p(`${r('见下表')}<w:r><w:footnoteReference w:id="1"/></w:r><w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent>${p(r('文本框里的说明'))}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>${p(r('文本框里的说明'))}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>`),
    );
    expect(source.blocks.map((b) => (b.kind === 'table' ? '' : b.text))).toEqual(['全年受理 21件\n均按期答复。', '3', '见下表', '文本框里的说明', '数据来源：县政务服务中心。']);
    expect(source.notes.map((n) => n.en).join(' ')).toContain('1 footnote(s)/endnote(s) are appended');
  });

  it('merged cells: gridSpan across, vMerge down, a continued cell not repeated, gridBefore skipped', () => {
    const tc = (text: string, tcPr = '') => `<w:tc><w:tcPr>${tcPr}</w:tcPr>${p(r(text))}</w:tc>`;
    const source = read(
      `<w:tbl>
        <w:tr>${tc('三、本年度办理结果', '<w:vMerge w:val="restart"/>')}${tc('（一）予以公开', '<w:gridSpan w:val="2"/>')}${tc('5')}</w:tr>
        <w:tr>${tc('', '<w:vMerge/>')}${tc('（三）不予公开', '<w:vMerge w:val="restart"/>')}${tc('1.属于国家秘密')}${tc('0')}</w:tr>
        <w:tr>${tc('', '<w:vMerge/>')}${tc('', '<w:vMerge w:val="continue"/>')}${tc('2.其他法律行政法规禁止公开')}${tc('1')}</w:tr>
        <w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc('（七）总计', '<w:gridSpan w:val="2"/>')}${tc('6')}</w:tr>
      </w:tbl>`,
    );
    const [table] = source.blocks;
    expect(table).toEqual({
      kind: 'table',
      rows: [
        [{ text: '三、本年度办理结果', rowSpan: 3, colSpan: 1 }, { text: '（一）予以公开', rowSpan: 1, colSpan: 2 }, { text: '5', rowSpan: 1, colSpan: 1 }],
        [{ text: '（三）不予公开', rowSpan: 2, colSpan: 1 }, { text: '1.属于国家秘密', rowSpan: 1, colSpan: 1 }, { text: '0', rowSpan: 1, colSpan: 1 }],
        [{ text: '2.其他法律行政法规禁止公开', rowSpan: 1, colSpan: 1 }, { text: '1', rowSpan: 1, colSpan: 1 }],
        [{ text: '（七）总计', rowSpan: 1, colSpan: 2 }, { text: '6', rowSpan: 1, colSpan: 1 }],
      ],
    });
  });
});
