import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaFiles } from '../../scripts/schemaFiles.js';
import { TEMPLATES_DIR } from '../helpers.js';

describe('generated JSON Schemas', () => {
  it('templates/*.schema.json match the zod schemas the program validates with (npm run gen:schemas)', () => {
    for (const [name, content] of Object.entries(schemaFiles())) {
      expect(readFileSync(`${TEMPLATES_DIR}/${name}`, 'utf8'), name).toBe(content);
    }
  });
});
