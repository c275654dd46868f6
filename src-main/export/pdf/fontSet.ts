import type * as fontkit from 'fontkit';
import { FONT_ROLES, type FontRole } from '../../../src-core/index.js';
import type { FontResolver, ResolvedFonts } from '../fonts/FontResolver.js';

/** A font as registered in one PDF document. */
export interface PdfFont {
  key: string;
  font: fontkit.Font;
}

/**
 * The fonts of one export and the fallback order for characters a role's font lacks: every
 * character is drawn with a font that has its glyph, never as a missing-glyph box.
 */
export class FontSet {
  private readonly byRole = new Map<FontRole, PdfFont>();
  private readonly fallbacks: PdfFont[] = [];
  private readonly widths = new Map<string, number>();
  /** Characters no available font can draw; they are left out and reported. */
  readonly missing = new Set<string>();
  /** Characters drawn with a fallback font because the role's font lacks them. */
  readonly fellBack = new Set<string>();

  constructor(resolved: ResolvedFonts, resolver: FontResolver) {
    for (const role of FONT_ROLES) {
      const face = resolved.faces[role];
      this.byRole.set(role, { key: `role-${role}`, font: resolver.open(face.file, face.postscriptName) });
    }
    const { serif, sans } = resolver.bundled;
    this.fallbacks.push({ key: 'bundled-serif', font: resolver.open(serif) }, { key: 'bundled-sans', font: resolver.open(sans) });
  }

  all(): PdfFont[] {
    return [...this.byRole.values(), ...this.fallbacks];
  }

  role(role: FontRole): PdfFont {
    const font = this.byRole.get(role);
    if (!font) throw new Error(`no font for ${role}`);
    return font;
  }

  /** The font to draw `text` with in `role`: the role's own if it has every glyph, else the first fallback that does. */
  fontFor(role: FontRole, text: string): PdfFont | undefined {
    const own = this.role(role);
    const codePoints = [...text].map((ch) => ch.codePointAt(0) ?? 0);
    if (codePoints.every((cp) => own.font.hasGlyphForCodePoint(cp))) return own;
    const other = [...this.fallbacks, ...this.byRole.values()].find((f) => codePoints.every((cp) => f.font.hasGlyphForCodePoint(cp)));
    if (other) this.fellBack.add(text);
    else this.missing.add(text);
    return other;
  }

  /** Advance width of `text` in points. */
  width(font: PdfFont, text: string, size: number): number {
    const key = `${font.key}\u0000${text}`;
    let units = this.widths.get(key);
    if (units === undefined) {
      units = font.font.layout(text).advanceWidth / font.font.unitsPerEm;
      this.widths.set(key, units);
    }
    return units * size;
  }
}
