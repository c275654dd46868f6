import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const CANDIDATES = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
const WELL_KNOWN =
  process.platform === 'win32'
    ? ['C:\\Program Files\\LibreOffice\\program', 'C:\\Program Files (x86)\\LibreOffice\\program']
    : process.platform === 'darwin'
      ? ['/Applications/LibreOffice.app/Contents/MacOS']
      : ['/usr/bin', '/usr/local/bin', '/opt/libreoffice/program', '/usr/lib/libreoffice/program'];

/** LibreOffice's converter, if installed (PATH first, then where installers put it); null otherwise. */
export function findSoffice(): string | null {
  const folders = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), ...WELL_KNOWN];
  for (const folder of folders) {
    for (const name of CANDIDATES) {
      const candidate = join(folder, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return null;
}
