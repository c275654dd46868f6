import type * as fontkit from 'fontkit';
import { FONT_ROLES, type FontRole } from '../../../src-core/index.js';
import type { FontResolver, ResolvedFonts } from '../fonts/FontResolver.js';
import { installFastTtfSubset } from './fastTtfSubset.js';
import { primeLocaTable } from './locaTable.js';
import { GlyphMetrics } from './glyphMetrics.js';

/** A font as registered in one PDF document. */
export interface PdfFont {
  key: string;
  font: fontkit.Font;
}

/** One CJK ideograph or full-width sign: drawn with its cmap glyph, no OpenType shaping needed. */
export function isPlainCjk(text: string): boolean {
  return /^[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff5e]$/u.test(text);
}

/** Advance widths (in em) per parsed font, shared by every export in the process. */
const widthCache = new WeakMap<fontkit.Font, Map<string, number>>();

function advanceInEm(font: fontkit.Font, text: string): number {
  let widths = widthCache.get(font);
  if (!widths) widthCache.set(font, (widths = new Map()));
  let units = widths.get(text);
  if (units === undefined) {
    const advance = isPlainCjk(text) ? GlyphMetrics.of(font).advanceOf(text.codePointAt(0)!) : font.layout(text).advanceWidth;
    units = advance / font.unitsPerEm;
    widths.set(text, units);
  }
  return units;
}

/**
 * The fonts of one export and the fallback order for characters a role's font lacks: every
 * character is drawn with a font that has its glyph, never as a missing-glyph box. A font that
 * serves several roles (or is also a fallback) is registered, and embedded, once.
 */
export class FontSet {
  private readonly byRole = new Map<FontRole, PdfFont>();
  private readonly fallbacks: PdfFont[] = [];
  private readonly byFile = new Map<string, PdfFont>();
  /** Characters no available font can draw; they are left out and reported. */
  readonly missing = new Set<string>();
  /** Characters drawn with a fallback font because the role's font lacks them. */
  readonly fellBack = new Set<string>();
  /** The font chosen for each text in each role in this export: a text recurs on every page. */
  private readonly chosen = new Map<FontRole, Map<string, PdfFont | undefined>>();

  private constructor() {}

  /** The fonts of the resolved faces and the bundled fallbacks, each file parsed (once per process) by the resolver. */
  static async load(resolved: ResolvedFonts, resolver: FontResolver): Promise<FontSet> {
    const set = new FontSet();
    const font = async (file: string, postscriptName?: string): Promise<PdfFont> => {
      const key = `${file}#${postscriptName ?? ''}`;
      let pdfFont = set.byFile.get(key);
      if (!pdfFont) set.byFile.set(key, (pdfFont = { key, font: await resolver.open(file, postscriptName) }));
      return pdfFont;
    };
    for (const role of FONT_ROLES) {
      const face = resolved.faces[role];
      set.byRole.set(role, await font(face.file, face.postscriptName));
    }
    const { serif, sans } = resolver.bundled;
    set.fallbacks.push(await font(serif), await font(sans));
    for (const { font: parsed } of set.all()) {
      primeLocaTable(parsed);
      installFastTtfSubset(parsed);
    }
    return set;
  }

  /** Each distinct font once. */
  all(): PdfFont[] {
    return [...this.byFile.values()];
  }

  role(role: FontRole): PdfFont {
    const font = this.byRole.get(role);
    if (!font) throw new Error(`no font for ${role}`);
    return font;
  }

  /** The font to draw `text` with in `role`: the role's own if it has every glyph, else the first fallback that does. */
  fontFor(role: FontRole, text: string): PdfFont | undefined {
    let chosen = this.chosen.get(role);
    if (!chosen) this.chosen.set(role, (chosen = new Map()));
    if (chosen.has(text)) return chosen.get(text);
    const font = this.choose(role, text);
    chosen.set(text, font);
    return font;
  }

  private choose(role: FontRole, text: string): PdfFont | undefined {
    const own = this.role(role);
    const codePoints = [...text].map((ch) => ch.codePointAt(0) ?? 0);
    const hasAll = (f: PdfFont) => {
      const metrics = GlyphMetrics.of(f.font);
      return codePoints.every((cp) => metrics.has(cp));
    };
    if (hasAll(own)) return own;
    const other = [...this.fallbacks, ...this.byRole.values()].find(hasAll);
    if (other) this.fellBack.add(text);
    else this.missing.add(text);
    return other;
  }

  /** Advance width of `text` in points. */
  width(font: PdfFont, text: string, size: number): number {
    return advanceInEm(font.font, text) * size;
  }
}
