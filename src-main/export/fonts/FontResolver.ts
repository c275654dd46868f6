import type * as fontkit from 'fontkit';
import { closeSync, existsSync, fstatSync, openSync, read } from 'node:fs';
import { basename } from 'node:path';
import { FONT_ROLES, type FontRole, type Localized } from '../../../src-core/index.js';
import { bundledFaceFor, findBundledFonts, type BundledFonts } from './bundledFonts.js';
import { FontFaceCache } from './fontFaceCache.js';
import { readFontFaces, type FontFace } from './fontNames.js';
import { OFFICIAL_FONT, ROLE_CANDIDATES, ROLE_USE } from './fontRoles.js';
import { installedFontFaces, installedFontFacesInBackground } from './systemFonts.js';

export type FontSource = 'user' | 'system' | 'bundled';

export interface ResolvedFace {
  role: FontRole;
  family: string;
  file: string;
  postscriptName: string | undefined;
  bold: boolean;
  source: FontSource;
}

export interface ResolvedFonts {
  faces: Record<FontRole, ResolvedFace>;
  /** Plain-language notes on every role that does not get its official font. */
  substitutions: Localized[];
}

/** A font choice with a path separator names a font file; any other names a family. */
export function namesFontFile(choice: string): boolean {
  return /[\\/]/.test(choice);
}

/** A user's font choice per role: a family name or a font file path. */
export type FontPreferences = Partial<Record<FontRole, string>>;

/**
 * The whole file in one read on the thread pool: opened and sized at once (microseconds), so the read is
 * under way even while the main thread stays busy. (fs.promises.readFile needs the main thread between
 * its steps and reads 512 KB at a time: a 14 MB font would make no progress while the exporter loads.)
 */
function readWholeFile(file: string): Promise<Buffer> {
  const fd = openSync(file, 'r');
  return new Promise<Buffer>((resolve, reject) => {
    let buffer: Buffer;
    try {
      buffer = Buffer.allocUnsafe(fstatSync(fd).size);
    } catch (error) {
      reject(error as Error);
      return;
    }
    const readFrom = (filled: number) =>
      read(fd, buffer, filled, buffer.length - filled, filled, (error, bytesRead) => {
        if (error) reject(error);
        else if (bytesRead > 0 && filled + bytesRead < buffer.length) readFrom(filled + bytesRead);
        // Only the bytes read are handed on: the rest of an unsafe allocation is never seen.
        else resolve(buffer.subarray(0, filled + bytesRead));
      });
    readFrom(0);
  }).finally(() => closeSync(fd));
}

async function parseFontFile(file: string, postscriptName: string | undefined): Promise<fontkit.Font> {
  const [{ create }, bytes] = await Promise.all([import('fontkit'), readWholeFile(file)]);
  // A name picks a face out of a collection (.ttc); for a single font fontkit would read it as a variation.
  const opened = create(bytes) as fontkit.Font | { fonts: fontkit.Font[] };
  if (!('fonts' in opened)) return opened;
  const face = opened.fonts.find((f) => f.postscriptName === postscriptName) ?? opened.fonts[0];
  if (!face) throw new Error(`no font in ${file}`);
  return face;
}

const normalize = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, '');

/**
 * Picks the font of each role: the user's choice → official fonts installed on the machine →
 * the open fonts shipped with the app. Installed fonts are scanned once; font files are parsed
 * once per process and shared by every export.
 */
export class FontResolver {
  private installed: FontFace[] | undefined;
  private readonly parsed = new Map<string, Promise<fontkit.Font>>();
  readonly bundled: BundledFonts;

  private readonly scan: () => FontFace[];
  private readonly scanInBackground: () => Promise<FontFace[]>;
  private scanning: Promise<void> | undefined;
  private readonly background = new AbortController();

  constructor(options: { installedFaces?: () => FontFace[]; bundled?: BundledFonts } = {}) {
    const { installedFaces } = options;
    this.scan = installedFaces ?? (() => installedFontFaces(process.platform, FontFaceCache.open()));
    this.scanInBackground = installedFaces ? async () => installedFaces() : () => installedFontFacesInBackground(process.platform, this.background.signal, FontFaceCache.open());
    this.bundled = options.bundled ?? findBundledFonts();
  }

  installedFaces(): FontFace[] {
    this.installed ??= this.scan();
    return this.installed;
  }

  /** Scans the installed fonts (once) without blocking; resolve() then uses the result. */
  scanInstalled(): Promise<void> {
    this.scanning ??= this.installed
      ? Promise.resolve()
      : this.scanInBackground().then(
          (faces) => void (this.installed ??= faces),
          // resolve() scans again, blocking, and meets the same problem there.
          () => undefined,
        );
    return this.scanning;
  }

  /**
   * Starts what a PDF export waits for, to run while the process loads the exporter and checks the report:
   * reading and parsing the bundled fallback fonts (every PDF uses them) and, once the installed fonts are
   * scanned, the font files resolve(preferences) picks. Each file is still read and parsed only once.
   */
  prepareForPdf(preferences?: FontPreferences): void {
    const started = [this.bundled.serif, this.bundled.sans].map((file) => this.open(file));
    const picked = this.scanInstalled().then(() =>
      // Stopped: nobody waits for these fonts (and resolve() would now scan again, blocking).
      this.background.signal.aborted ? [] : Promise.all(Object.values(this.resolve(preferences).faces).map((face) => this.open(face.file, face.postscriptName))),
    );
    // Failures show when the export itself opens these files.
    for (const work of [...started, picked]) work.catch(() => undefined);
  }

  /**
   * Stops a background scan that is no longer wanted, e.g. when `drs export` ends early on a bad report:
   * a slow or hanging fc-list must not keep the process from exiting. Later scans run blocking.
   */
  stopBackgroundWork(): void {
    this.background.abort();
  }

  /** Families installed on this machine that have Chinese glyphs, for the preferences list. */
  async chineseFamilies(): Promise<string[]> {
    const names = new Set<string>();
    for (const face of this.installedFaces()) {
      const font = await this.tryOpen(face.file, face.postscriptName);
      if (font?.hasGlyphForCodePoint(0x6587)) names.add(face.families.find((f) => /[^\u0020-\u007e]/.test(f)) ?? face.families[0] ?? face.postscriptName);
    }
    return [...names].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  }

  resolve(preferences: FontPreferences = {}): ResolvedFonts {
    const substitutions: Localized[] = [];
    const faces = {} as Record<FontRole, ResolvedFace>;
    for (const role of FONT_ROLES) {
      const wanted = preferences[role]?.trim();
      let face = wanted ? this.userFace(role, wanted) : undefined;
      if (wanted && !face) {
        substitutions.push({
          'zh-CN': `${ROLE_USE[role]['zh-CN']}：未找到您选择的字体“${wanted}”，已按默认顺序选用字体。`,
          en: `${ROLE_USE[role].en}: the chosen font "${wanted}" was not found; the default order was used.`,
        });
      }
      face ??= this.systemFace(role) ?? this.bundledFace(role);
      faces[role] = face;
      if (face.source !== 'user' && !this.isOfficial(role, face)) {
        substitutions.push({
          'zh-CN': `${ROLE_USE[role]['zh-CN']}未找到${OFFICIAL_FONT[role]}，已使用 ${face.family}`,
          en: `${OFFICIAL_FONT[role]} was not found for ${ROLE_USE[role].en}; ${face.family} was used`,
        });
      }
    }
    return { faces, substitutions };
  }

  /**
   * The parsed font of a face; each file is parsed once per process. fontkit itself is loaded on the
   * first call: a DOCX export or a check never parses a font, and loading it takes about 100 ms.
   */
  open(file: string, postscriptName?: string): Promise<fontkit.Font> {
    const key = `${file}#${postscriptName ?? ''}`;
    let font = this.parsed.get(key);
    if (!font) {
      font = parseFontFile(file, postscriptName);
      this.parsed.set(key, font);
      // A file that could not be parsed is not remembered: the next call tries it again.
      font.catch(() => this.parsed.delete(key));
    }
    return font;
  }

  /** How many font files have been parsed so far (parsing is the costly part). */
  get parsedCount(): number {
    return this.parsed.size;
  }

  private async tryOpen(file: string, postscriptName?: string): Promise<fontkit.Font | undefined> {
    try {
      return await this.open(file, postscriptName);
    } catch {
      return undefined;
    }
  }

  private isOfficial(role: FontRole, face: ResolvedFace): boolean {
    const [first, second] = ROLE_CANDIDATES[role];
    return [first, second].some((c) => c && normalize(c.family) === normalize(face.family));
  }

  private userFace(role: FontRole, wanted: string): ResolvedFace | undefined {
    if (namesFontFile(wanted) && existsSync(wanted)) {
      const [face] = readFontFaces(wanted);
      if (face) return { role, family: face.families[0] ?? basename(wanted), file: wanted, postscriptName: face.postscriptName || undefined, bold: face.bold, source: 'user' };
      return undefined;
    }
    const bundled = [
      { family: 'Noto Serif SC', file: this.bundled.serif },
      { family: 'Noto Sans SC', file: this.bundled.sans },
    ].find((b) => normalize(b.family) === normalize(wanted));
    if (bundled) return { role, family: bundled.family, file: bundled.file, postscriptName: undefined, bold: false, source: 'user' };
    const found = this.findInstalled(wanted, role === 'xiaobiaosong');
    return found && { ...found, role, source: 'user' };
  }

  private systemFace(role: FontRole): ResolvedFace | undefined {
    for (const candidate of ROLE_CANDIDATES[role]) {
      // Same glyphs, a fraction of the cost: the installed collection is not even opened.
      if (candidate.sameDesignAsBundled && this.isInstalled(candidate.family)) return this.bundledFace(role);
      const found = this.findInstalled(candidate.family, candidate.bold ?? false);
      if (found) return { ...found, role, source: 'system' };
    }
    return undefined;
  }

  private isInstalled(family: string): boolean {
    return this.installedFaces().some((f) => f.families.some((name) => normalize(name) === normalize(family)));
  }

  private findInstalled(family: string, preferBold: boolean): Omit<ResolvedFace, 'role' | 'source'> | undefined {
    const matches = this.installedFaces().filter((f) => f.families.some((name) => normalize(name) === normalize(family)));
    const face = matches.find((f) => f.bold === preferBold) ?? matches[0];
    if (!face || !this.tryOpen(face.file, face.postscriptName)) return undefined;
    return { family: preferBold && face.bold ? `${family} Bold` : family, file: face.file, postscriptName: face.postscriptName || undefined, bold: face.bold };
  }

  private bundledFace(role: FontRole): ResolvedFace {
    const face = bundledFaceFor(role, this.bundled);
    return { role, family: face.family, file: face.file, postscriptName: undefined, bold: face.bold, source: 'bundled' };
  }
}
