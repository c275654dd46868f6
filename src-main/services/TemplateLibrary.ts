import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTemplate, TemplateError, type Template } from '../../src-core/index.js';
import { InputFileError, readInputTextSync } from './readInputFile.js';

/**
 * The `templates/` folder of this installation (source tree, dist build or packaged app).
 * DRS_TEMPLATES_DIR points elsewhere, e.g. to a folder holding a new national format.
 */
export function defaultTemplatesDir(): string {
  if (process.env.DRS_TEMPLATES_DIR) return resolve(process.env.DRS_TEMPLATES_DIR);
  const here = fileURLToPath(new URL('.', import.meta.url));
  // src-main/services → ../../templates; dist/src-main/services → ../../../templates
  const candidates = [resolve(here, '../../templates'), resolve(here, '../../../templates')];
  return candidates.find((dir) => safeList(dir).some((f) => f.endsWith('.json'))) ?? candidates[0]!;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * The format definitions of a folder (`templates/*.json`, except JSON Schemas) as parsed JSON, read
 * bounded like every input. A new national format is a new file here; nothing in code lists the formats.
 */
export function readTemplateFiles(dir: string = defaultTemplatesDir()): { file: string; json: unknown }[] {
  return safeList(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .sort()
    .map((file) => {
      try {
        return { file, json: JSON.parse(readInputTextSync(join(dir, file), 'template').text) as unknown };
      } catch (error) {
        if (error instanceof InputFileError) throw new TemplateError(file, [{ path: '$', message: error.reason.en }]);
        throw new TemplateError(file, [{ path: '$', message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` }]);
      }
    });
}

/**
 * Every format of the folder. Reading the files and their ids is cheap; validating a format is most of a
 * short command's start-up, so each is validated the first time it is asked for (get, or listing them all)
 * and a command pays only for the formats it uses. A broken file throws its TemplateError then; a file
 * whose id cannot be read, and a second file with the same id, are refused at once.
 */
export function loadTemplateLibrary(dir: string = defaultTemplatesDir()): ReadonlyMap<string, Template> {
  return new LazyTemplateLibrary(readTemplateFiles(dir));
}

interface TemplateFile {
  file: string;
  json: unknown;
}

class LazyTemplateLibrary implements ReadonlyMap<string, Template> {
  private readonly files = new Map<string, TemplateFile>();
  private readonly loaded = new Map<string, Template>();

  constructor(files: readonly TemplateFile[]) {
    for (const entry of files) {
      // Without a readable id the file cannot be told apart from the format a command asks for:
      // validating it now refuses it with all its issues.
      const id = readableId(entry.json) ?? loadTemplate(entry.json, entry.file).id;
      if (this.files.has(id)) throw new TemplateError(entry.file, [{ path: '$.id', message: `format id "${id}" is used by another file` }]);
      this.files.set(id, entry);
    }
  }

  get size(): number {
    return this.files.size;
  }

  has(id: string): boolean {
    return this.files.has(id);
  }

  get(id: string): Template | undefined {
    const cached = this.loaded.get(id);
    if (cached) return cached;
    const entry = this.files.get(id);
    if (!entry) return undefined;
    const template = loadTemplate(entry.json, entry.file);
    this.loaded.set(id, template);
    return template;
  }

  keys(): MapIterator<string> {
    return this.files.keys();
  }

  values(): MapIterator<Template> {
    return this.all().values();
  }

  entries(): MapIterator<[string, Template]> {
    return this.all().entries();
  }

  [Symbol.iterator](): MapIterator<[string, Template]> {
    return this.entries();
  }

  forEach(callback: (template: Template, id: string, library: ReadonlyMap<string, Template>) => void, thisArg?: unknown): void {
    this.all().forEach((template, id) => callback.call(thisArg, template, id, this));
  }

  /** Every format validated, in file-name order. */
  private all(): Map<string, Template> {
    return new Map([...this.files.keys()].map((id) => [id, this.get(id)!]));
  }
}

function readableId(json: unknown): string | undefined {
  const id = typeof json === 'object' && json !== null ? (json as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}
