import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * Why the user handed the app a path, which decides what the app may then do with it unasked:
 * - `read`: a file to open, import or review (open dialog, drop, command line, the OS, the recent list)
 * - `write`: a report file to save to (save dialog, or a file the user opened as a report)
 * - `folder`: a folder the user chose (export destination; a review may read the files inside it)
 * - `exported`: a file the app wrote into a chosen folder (it may be opened or shown)
 * - `font`: a font file the user chose and the app checked to be a font
 */
export type GrantKind = 'read' | 'write' | 'folder' | 'exported' | 'font';

/**
 * The paths the user chose in this session. The page never names a path the main process acts on
 * unless it is here: a path the page made up goes through a dialog or is refused.
 */
export class PathGrants {
  private readonly granted = new Map<GrantKind, Set<string>>();

  constructor(private readonly platform: NodeJS.Platform = process.platform) {}

  /** Records the user's choice; returns the absolute path. */
  grant(kind: GrantKind, path: string): string {
    const absolute = resolve(path);
    const set = this.granted.get(kind) ?? new Set<string>();
    set.add(this.key(absolute));
    this.granted.set(kind, set);
    return absolute;
  }

  has(kind: GrantKind, path: string | null | undefined): path is string {
    return typeof path === 'string' && path.length > 0 && (this.granted.get(kind)?.has(this.key(resolve(path))) ?? false);
  }

  /** A file the user named for reading, or one anywhere inside a folder the user chose: what a review may read. */
  coversForReading(path: string): boolean {
    if (this.has('read', path)) return true;
    const file = this.key(resolve(path));
    return [...(this.granted.get('folder') ?? [])].some((folder) => {
      const inside = relative(folder, file);
      return inside !== '' && inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside);
    });
  }

  /** Windows paths differ only in case name the same file. */
  private key(absolute: string): string {
    return this.platform === 'win32' ? absolute.toLowerCase() : absolute;
  }
}
