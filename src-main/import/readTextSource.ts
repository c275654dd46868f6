import { basename } from 'node:path';
import type { Localized } from '../../src-core/index.js';
import { InputFileError, readInputText } from '../services/readInputFile.js';
import { readerMessages } from './readerMessages.js';

/** A .txt/.md to import: bounded and strictly decoded like every other input (UTF-8, UTF-16, GB18030), the encoding noted. */
export async function readTextSource(path: string): Promise<{ ok: true; text: string; note?: Localized } | { ok: false; message: Localized }> {
  try {
    const decoded = await readInputText(path, 'import');
    if (decoded.text.trim() === '') return { ok: false, message: readerMessages.empty(basename(path)) };
    return decoded.note ? { ok: true, text: decoded.text, note: decoded.note } : { ok: true, text: decoded.text };
  } catch (error) {
    if (error instanceof InputFileError) return { ok: false, message: error.reason };
    throw error;
  }
}
