import { z } from 'zod';
import { reportSchema, templateSchema } from '../src-core/index.js';

/** The generated JSON Schema files, by file name, as they must stand in templates/. */
export function schemaFiles(): Record<string, string> {
  const render = (schema: z.ZodType, title: string): string =>
    `${JSON.stringify({ title, ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) }, null, 1)}\n`;
  return {
    'report.schema.json': render(reportSchema, 'Disclosure Report Studio report file (.drs)'),
    'template.schema.json': render(templateSchema, 'Disclosure Report Studio report format'),
  };
}
