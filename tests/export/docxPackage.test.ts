import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildDocumentModel } from '../../src-core/index.js';
import { renderDocx } from '../../src-main/export/docx/renderDocx.js';
import { WATERMARK_MARKER } from '../../src-main/export/docx/ooxmlParts.js';
import { sample, template } from '../helpers.js';

/** The parts of the sample's Word file, as text. */
async function partsOf(draft: boolean): Promise<Record<string, string>> {
  const model = buildDocumentModel(template('gov-2021'), sample('gov-2021'), { draft, now: new Date('2026-01-10T00:00:00Z') });
  return Object.fromEntries(Object.entries(unzipSync(await renderDocx(model))).map(([name, data]) => [name, strFromU8(data)]));
}

describe('the Word package, zipped once after the parts docx cannot write are patched in', () => {
  it('has the font hints, the Chinese settings, the table style and the paragraph flags', async () => {
    const parts = await partsOf(false);
    expect(parts['[Content_Types].xml']).toContain('word/document.xml');
    expect(parts['word/fontTable.xml']).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(parts['word/settings.xml']).toContain('<w:characterSpacingControl w:val="doNotCompress"/><w:compat>');
    expect(parts['word/settings.xml']).toMatch(/<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"\/><\/w:settings>$/);
    const styles = parts['word/styles.xml']!;
    expect(styles).toContain('<w:style w:type="table" w:styleId="TableGrid">');
    expect(styles).toMatch(/w:styleId="Normal"[^>]*>(?:(?!<\/w:style>).)*?<w:pPr><w:widowControl\/><w:spacing /);
    expect(styles).toMatch(/w:styleId="TableText"[^>]*>(?:(?!<\/w:style>).)*?<w:pPr><w:widowControl w:val="0"\/><w:snapToGrid w:val="0"\/><w:spacing /);
  });

  it('draws the 草稿 watermark in place of its marker in a draft, and leaves no marker in either', async () => {
    const headers = (parts: Record<string, string>) => Object.entries(parts).filter(([name]) => /^word\/header\d+\.xml$/.test(name)).map(([, xml]) => xml);
    const draft = headers(await partsOf(true));
    expect(draft.length).toBeGreaterThan(0);
    for (const xml of draft) {
      expect(xml).toContain('string="草稿"');
      expect(xml).not.toContain(WATERMARK_MARKER);
    }
    for (const xml of Object.values(await partsOf(false))) expect(xml).not.toContain(WATERMARK_MARKER);
  });
});
