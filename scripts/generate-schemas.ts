/**
 * Writes the JSON Schemas of the report file and of the format files into templates/, from the
 * zod schemas that the program itself validates with. A test fails when the files are stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { schemaFiles } from './schemaFiles.js';

for (const [name, content] of Object.entries(schemaFiles())) {
  writeFileSync(fileURLToPath(new URL(`../templates/${name}`, import.meta.url)), content);
  console.log(`templates/${name}`);
}
