import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainBlocksToLexical } from '../../src-core/index.js';
import { findBundledFonts } from '../../src-main/export/fonts/bundledFonts.js';
import { readFontFaces, readFontFacesInBackground, type FontFace } from '../../src-main/export/fonts/fontNames.js';
import { FontResolver } from '../../src-main/export/fonts/FontResolver.js';
import { installedFontFaces, installedFontFacesInBackground } from '../../src-main/export/fonts/systemFonts.js';
import { sample, template } from '../helpers.js';
import { Exporter } from '../../src-main/export/Exporter.js';
import { exportBoth, exporter } from './exportHelpers.js';
import { pdfFonts, pdfRawText } from './readers.js';

/** A machine with no fonts installed at all: every role falls back to the fonts shipped with the app. */
const bare = () => new FontResolver({ installedFaces: () => [] });

describe('font resolution', () => {
  it('falls back to the bundled open fonts and says so for every role', () => {
    const resolved = bare().resolve();
    for (const face of Object.values(resolved.faces)) expect(face.source).toBe('bundled');
    expect(resolved.faces.hei.family).toBe('Noto Sans SC');
    expect(resolved.faces.fangsong.family).toBe('Noto Serif SC');
    expect(resolved.substitutions.map((s) => s['zh-CN'])).toContain('正文未找到仿宋_GB2312，已使用 Noto Serif SC');
    expect(resolved.substitutions).toHaveLength(5);
  });

  it('uses the user’s choice first, and says when it cannot be found', () => {
    const resolver = bare();
    const resolved = resolver.resolve({ fangsong: resolver.bundled.sans, kai: '不存在的字体' });
    expect(resolved.faces.fangsong).toMatchObject({ source: 'user', file: resolver.bundled.sans });
    expect(resolved.substitutions.map((s) => s['zh-CN']).join('\n')).toContain('二级标题：未找到您选择的字体“不存在的字体”');
    expect(resolved.substitutions.some((s) => s['zh-CN'].startsWith('正文'))).toBe(false);
  });

  it('prefers an installed official-style font over the bundled ones, and the bundled cut over the same design installed as a CFF collection', () => {
    const song = exporter.fonts.resolve().faces.song;
    const official = exporter.fonts.installedFaces().some((f) => f.families.some((n) => /SimSun|宋体/.test(n)));
    const sameDesign = exporter.fonts.installedFaces().some((f) => f.families.includes('Noto Serif CJK SC'));
    expect(song.source).toBe(official ? 'system' : 'bundled');
    if (!official && sameDesign) expect(song.file).toBe(exporter.fonts.bundled.serif);
  });
});

describe('reading the fonts in the background', () => {
  const bundled = findBundledFonts(undefined);

  it('finds the same names as the blocking reader, and none in a file that is not a font or is missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drs-fonts-'));
    const notAFont = join(dir, 'notes.ttf');
    writeFileSync(notAFont, 'not a font at all');
    for (const file of [bundled.serif, bundled.sansBold]) {
      const faces = await readFontFacesInBackground(file);
      expect(faces).toEqual(readFontFaces(file));
      expect(faces[0]?.families.length).toBeGreaterThan(0);
    }
    expect(await readFontFacesInBackground(bundled.serifBold)).toEqual([expect.objectContaining({ bold: true })]);
    expect(await readFontFacesInBackground(notAFont)).toEqual([]);
    expect(await readFontFacesInBackground(join(dir, 'missing.ttf'))).toEqual([]);
  });

  it('lists the same installed faces, in the same order, as the blocking scan', async () => {
    expect(await installedFontFacesInBackground()).toEqual(installedFontFaces());
  });

  it('scans the installed fonts once, in the background, and resolves from that scan', async () => {
    let scans = 0;
    const official: FontFace = { file: bundled.sans, postscriptName: 'SimHei', families: ['SimHei', '黑体'], bold: false };
    const resolver = new FontResolver({ installedFaces: () => (scans++, [official]) });
    await resolver.scanInstalled();
    await resolver.scanInstalled();
    const resolved = resolver.resolve();
    expect(scans).toBe(1);
    expect(resolved.faces.hei).toMatchObject({ source: 'system', family: '黑体' });
    expect(resolved.substitutions.some((s) => s['zh-CN'].startsWith('一级标题'))).toBe(false);
  });

  it('starts reading the fonts a PDF needs before the export, and the export reads no file a second time', async () => {
    const resolver = bare();
    resolver.prepareForPdf();
    // The fallbacks are opened at once; the resolved faces as soon as the (here empty) installed list is in.
    expect(resolver.parsedCount).toBe(2);
    await resolver.scanInstalled();
    const used = new Set(Object.values(resolver.resolve().faces).map((f) => f.file)).add(resolver.bundled.serif).add(resolver.bundled.sans);
    expect(resolver.parsedCount).toBe(used.size);
    const result = await new Exporter(resolver).exportReport({ report: sample('gov-2021'), template: template('gov-2021'), pdfPath: join(mkdtempSync(join(tmpdir(), 'drs-export-')), 'r.pdf'), draft: false });
    expect(result.status).toBe('exported');
    expect(resolver.parsedCount).toBe(used.size);
  });
});

describe('the bundled fonts', () => {
  it('are found in the packaged app’s resources/fonts, with their licence texts', () => {
    const resources = mkdtempSync(join(tmpdir(), 'drs-resources-'));
    mkdirSync(join(resources, 'fonts'));
    const dev = findBundledFonts(undefined);
    for (const file of [dev.serif, dev.serifBold, dev.sans, dev.sansBold]) copyFileSync(file, join(resources, 'fonts', basename(file)));
    writeFileSync(join(resources, 'fonts', 'OFL-NotoSerifSC.txt'), 'SIL OPEN FONT LICENSE');
    const packaged = findBundledFonts(resources);
    expect(packaged.serif).toBe(join(resources, 'fonts', 'NotoSerifSC_400Regular.ttf'));
    expect(packaged.licenseFiles[0]).toBe(join(resources, 'fonts', 'OFL-NotoSerifSC.txt'));
    expect(dev.licenseFiles.length).toBeGreaterThanOrEqual(2);
  });
});

describe('fonts in the PDF', () => {
  it('embeds the font chosen for the body text', async () => {
    const { result, pdfPath } = await exportBoth(sample('gov-2021'));
    expect(result.status).toBe('exported');
    const chosen = exporter.fonts.bundled.sans;
    const withChoice = await exporter.exportReport({ report: sample('gov-2021'), template: template('gov-2021'), pdfPath: pdfPath.replace('.pdf', '-sans.pdf'), draft: false, fonts: { fangsong: chosen } });
    expect(withChoice.status).toBe('exported');
    expect(pdfFonts(pdfPath.replace('.pdf', '-sans.pdf')).map((f) => f.name).join(' ')).toContain('NotoSansSC');
  });

  it('draws characters a chosen font lacks with a font that has them, and never a missing-glyph box', async () => {
    const latinOnly = exporter.fonts.installedFaces().find((f) => f.families.includes('DejaVu Sans') && !f.bold);
    expect(latinOnly, 'fonts-dejavu-core provides a font without Chinese glyphs').toBeDefined();
    const report = sample('gov-2021');
    report.sections.problems = plainBlocksToLexical(['本年度存在的主要问题：公开内容不够全面。Latin text 2025.']);
    const dir = (await exportBoth(report)).dir;
    const result = await exporter.exportReport({ report, template: template('gov-2021'), pdfPath: `${dir}/dejavu.pdf`, draft: false, fonts: { fangsong: latinOnly!.file } });
    expect(result.status).toBe('exported');
    const text = pdfRawText(`${dir}/dejavu.pdf`).replace(/\s+/g, '');
    expect(text).toContain('本年度存在的主要问题：公开内容不够全面。Latintext2025.');
    const names = pdfFonts(`${dir}/dejavu.pdf`).map((f) => f.name).join(' ');
    expect(names).toContain('DejaVuSans');
    expect(names).toMatch(/NotoSerif/);
  });

  it('leaves out and reports a character no font has, instead of drawing a box', async () => {
    const report = sample('gov-2021');
    report.sections.other = plainBlocksToLexical(['本年度未收取信息处理费，未发出收费通知。\uE000']);
    const { result, pdfPath } = await exportBoth(report);
    if (result.status !== 'exported') throw new Error(result.status);
    expect(result.notes.map((n) => n['zh-CN']).join('\n')).toContain('以下字符在所有可用字体中都没有字形');
    expect(pdfRawText(pdfPath)).not.toContain('\uE000');
  });

  it('parses font files once per process: a second export parses nothing new', async () => {
    await exportBoth(sample('gov-2019'));
    const parsed = exporter.fonts.parsedCount;
    await exportBoth(sample('gov-2008'));
    expect(exporter.fonts.parsedCount).toBe(parsed);
  });
});
