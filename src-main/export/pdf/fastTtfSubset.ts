import type * as fontkit from 'fontkit';
import { tableBytes } from './fontTables.js';
import { GlyphMetrics } from './glyphMetrics.js';

/**
 * The parts of fontkit 2.0.4's TrueType subset (pinned in package.json) that `_addGlyph` works on:
 * `encode()` calls it for each glyph in turn and writes the glyf, loca and hmtx it fills.
 */
interface TtfSubset {
  font: fontkit.Font;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  _addGlyph(gid: number): number;
}

/** What fontkit 2.0.4's `_addGlyph` does, recognised by its text: anything else is left alone. */
const PINNED_ADD_GLYPH = ['glyph._decode()', 'glyf.numberOfContours < 0', 'this.hmtx.metrics.push'];

let installed = false;

/**
 * fontkit's TrueType subsetting decodes every glyph's whole outline (points, flags, coordinates)
 * only to learn whether it is a composite, whose components must be renumbered; for the hundreds
 * of CJK glyphs of a report that is most of the PDF's font embedding time. A glyph's header says
 * it: a number of contours >= 0 is a simple glyph, whose bytes are copied as they are. So simple
 * and empty glyphs of a non-variable font are taken straight from glyf, with their hmtx metrics;
 * composites and variable fonts go through fontkit's own code. The bytes written are the same.
 *
 * Applied once per process, to the class of the subset `font` creates, and only when that class's
 * `_addGlyph` is the one of the pinned fontkit.
 */
export function installFastTtfSubset(font: fontkit.Font): boolean {
  if (installed) return true;
  const proto = Object.getPrototypeOf(font.createSubset()) as TtfSubset;
  const own = Object.getOwnPropertyDescriptor(proto, '_addGlyph')?.value as TtfSubset['_addGlyph'] | undefined;
  if (typeof own !== 'function') return false;
  const source = own.toString();
  if (!PINNED_ADD_GLYPH.every((part) => source.includes(part))) return false;
  const decodingAddGlyph = own;
  proto._addGlyph = function addGlyph(this: TtfSubset, gid: number): number {
    const glyf = tableBytes(this.font, 'glyf');
    const metrics = GlyphMetrics.of(this.font).horizontal(gid);
    const { offsets } = (this.font as unknown as { loca: { offsets: number[] } }).loca;
    const start = offsets[gid];
    const end = offsets[gid + 1];
    if (!glyf || !metrics || start === undefined || end === undefined || end > glyf.length || end < start) return decodingAddGlyph.call(this, gid);
    // A composite (negative number of contours, the header's first field) has components to renumber.
    if (end > start && (glyf[start]! & 0x80) !== 0) return decodingAddGlyph.call(this, gid);
    // fontkit creates the glyph object here; later exports in the process see the same glyphs as before.
    this.font.getGlyph(gid);
    const buffer = glyf.subarray(start, end);
    this.glyf.push(buffer);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push(metrics);
    this.offset += buffer.length;
    return this.glyf.length - 1;
  };
  installed = true;
  return true;
}
