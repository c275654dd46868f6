import type { Localized } from '../../src-core/index.js';
import type { SourceDocument } from '../../src-core/import/sourceDocument.js';

/** What every reader returns: the source document, or why the file could not be read. */
export type ReadResult = { ok: true; source: SourceDocument } | { ok: false; message: Localized };
