import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** LibreOffice's first start builds a profile; a conversion taking longer than this is stuck. */
const CONVERSION_TIME_LIMIT_MS = 60_000;

const EXECUTABLE_NAMES = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
const USUAL_PLACES =
  process.platform === 'win32'
    ? ['C:\\Program Files\\LibreOffice\\program', 'C:\\Program Files (x86)\\LibreOffice\\program']
    : process.platform === 'darwin'
      ? ['/Applications/LibreOffice.app/Contents/MacOS']
      : [];

/** LibreOffice's soffice on PATH or where its installer puts it, or null. */
export function findSoffice(): string | null {
  const folders = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), ...USUAL_PLACES];
  for (const folder of folders) {
    for (const name of EXECUTABLE_NAMES) {
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

/**
 * Converts an old Word/WPS file to DOCX with LibreOffice, headless, with a private profile so a
 * LibreOffice the user has open is neither disturbed nor in the way. The input is only read.
 */
export async function convertToDocx(soffice: string, file: string): Promise<{ ok: true; docx: string; cleanup: () => Promise<void> } | { ok: false; why: string }> {
  const work = await mkdtemp(join(tmpdir(), 'drs-import-'));
  const cleanup = () => rm(work, { recursive: true, force: true });
  const args = ['--headless', '--norestore', '--nolockcheck', `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`, '--convert-to', 'docx', '--outdir', join(work, 'out'), resolve(file)];
  const failure = await new Promise<string | null>((done) => {
    execFile(soffice, args, { timeout: CONVERSION_TIME_LIMIT_MS, killSignal: 'SIGKILL', windowsHide: true }, (error, _stdout, stderr) => {
      if (!error) done(null);
      else if (error.killed) done(`超过 ${CONVERSION_TIME_LIMIT_MS / 1000} 秒 / over ${CONVERSION_TIME_LIMIT_MS / 1000} s`);
      else done((stderr || error.message).trim().split('\n')[0] ?? error.message);
    });
  });
  const produced = failure === null ? (await readdir(join(work, 'out')).catch(() => [])).find((f) => f.endsWith('.docx')) : undefined;
  if (!produced) {
    await cleanup();
    return { ok: false, why: failure ?? 'no .docx produced' };
  }
  return { ok: true, docx: join(work, 'out', produced), cleanup };
}
