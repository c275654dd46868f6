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

/** Every format of the folder, validated. */
export function loadTemplateLibrary(dir: string = defaultTemplatesDir()): Map<string, Template> {
  const templates = new Map<string, Template>();
  for (const { file, json } of readTemplateFiles(dir)) {
    const template = loadTemplate(json, file);
    if (templates.has(template.id)) throw new TemplateError(file, [{ path: '$.id', message: `format id "${template.id}" is used by another file` }]);
    templates.set(template.id, template);
  }
  return templates;
}
