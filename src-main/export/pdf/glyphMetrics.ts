import type * as fontkit from 'fontkit';
import { isVariableInstance, tableBytes, viewOf } from './fontTables.js';

/** A glyph's horizontal metrics in font units, as in the hmtx table. */
export interface HorizontalMetrics {
  advance: number;
  bearing: number;
}

const cache = new WeakMap<fontkit.Font, GlyphMetrics>();

/**
 * The cmap and hmtx answers of one parsed font, remembered for the process. fontkit answers each
 * through its generic table decoder (an advance width also decodes the glyph's header and vmtx),
 * which is most of the time spent measuring text; here an advance is two bytes read from the
 * hmtx table, and each code point is looked up once.
 */
export class GlyphMetrics {
  private readonly hasGlyph = new Map<number, boolean>();
  private readonly cmapGlyph = new Map<number, number>();
  /** The hmtx table, or none when the font is variable or lacks it (fontkit then answers). */
  private readonly hmtx: DataView | undefined;
  private readonly longMetrics: number;

  private constructor(private readonly font: fontkit.Font) {
    this.longMetrics = font.hhea.numberOfMetrics;
    const table = tableBytes(font, 'hmtx');
    // A table shorter than its long metrics (a damaged font) is left to fontkit, which reads on past its end.
    if (table && table.length >= 4 * this.longMetrics && !isVariableInstance(font) && this.longMetrics > 0) this.hmtx = viewOf(table);
  }

  static of(font: fontkit.Font): GlyphMetrics {
    let metrics = cache.get(font);
    if (!metrics) cache.set(font, (metrics = new GlyphMetrics(font)));
    return metrics;
  }

  /** Whether the font's cmap maps `codePoint` to a glyph (fontkit's hasGlyphForCodePoint). */
  has(codePoint: number): boolean {
    let has = this.hasGlyph.get(codePoint);
    if (has === undefined) this.hasGlyph.set(codePoint, (has = this.font.hasGlyphForCodePoint(codePoint)));
    return has;
  }

  /** The cmap's glyph id for `codePoint` (fontkit's glyphForCodePoint, whose glyph it also creates as today). */
  glyphFor(codePoint: number): number {
    let id = this.cmapGlyph.get(codePoint);
    if (id === undefined) this.cmapGlyph.set(codePoint, (id = this.font.glyphForCodePoint(codePoint).id));
    return id;
  }

  /**
   * The glyph's advance and left side bearing as fontkit's glyph metrics give them: past the last
   * long metric the last advance repeats and the bearings follow in a plain array. Undefined when
   * the font is variable (its metrics are adjusted per instance).
   */
  horizontal(glyphId: number): HorizontalMetrics | undefined {
    const hmtx = this.hmtx;
    const advance = this.advance(glyphId);
    if (!hmtx || advance === undefined) return undefined;
    const long = this.longMetrics;
    if (glyphId < long) return { advance, bearing: hmtx.getInt16(4 * glyphId + 2) };
    const bearingAt = 4 * long + 2 * (glyphId - long);
    return { advance, bearing: bearingAt + 2 <= hmtx.byteLength ? hmtx.getInt16(bearingAt) : 0 };
  }

  /** The advance width in font units of the cmap glyph of `codePoint`. */
  advanceOf(codePoint: number): number {
    return this.advance(this.glyphFor(codePoint)) ?? this.font.glyphForCodePoint(codePoint).advanceWidth;
  }

  private advance(glyphId: number): number | undefined {
    return this.hmtx?.getUint16(4 * Math.min(glyphId, this.longMetrics - 1));
  }
}
