import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadTemplate, parseReport, TemplateError } from '../../src-core/index.js';
import { SAMPLE_FILES, TEMPLATES_DIR, templates } from '../helpers.js';

const samples = Object.values(SAMPLE_FILES).map((file) => JSON.parse(readFileSync(file, 'utf8')) as unknown);
const formats = ['gov-2008', 'gov-2019', 'gov-2021'].map((id) => JSON.parse(readFileSync(`${TEMPLATES_DIR}/${id}.json`, 'utf8')) as unknown);

/** Replaces the value reached by following `steps` (each picks a key of the object or array met) with `replacement`. */
function mutate(value: unknown, steps: readonly number[], replacement: unknown): unknown {
  if (steps.length === 0 || typeof value !== 'object' || value === null) return replacement;
  const keys = Object.keys(value);
  if (keys.length === 0) return replacement;
  const key = keys[(steps[0] ?? 0) % keys.length]!;
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string, unknown>;
  copy[key] = mutate((value as Record<string, unknown>)[key], steps.slice(1), replacement);
  return copy;
}

/** Replacement values: any JSON, the awkward keys, deep Lexical nesting (built in the property, as text). */
const replacement = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom('__proto__', 'constructor', '', '/', 1e16, -1, 0.5, '2026-13-45', null),
  fc.integer({ min: 60, max: 3000 }).map((depth) => ({ deepParagraph: depth })),
);

function reportText(sample: number, steps: number[], value: unknown): string {
  const deep = typeof value === 'object' && value !== null && 'deepParagraph' in value ? (value as { deepParagraph: number }).deepParagraph : undefined;
  if (deep === undefined) return JSON.stringify(mutate(samples[sample], steps, value));
  const text = JSON.stringify(mutate(samples[sample], steps, 'DEEP'));
  return text.replace('"DEEP"', '{"type":"paragraph","children":['.repeat(deep) + ']}'.repeat(deep));
}

describe('parseReport is total', () => {
  it('never throws for a mutated sample, and every failure says why in both languages, with a path where there is one', () => {
    fc.assert(
      fc.property(fc.nat({ max: samples.length - 1 }), fc.array(fc.nat(), { maxLength: 8 }), replacement, (sample, steps, value) => {
        const result = parseReport(reportText(sample, steps, value), templates);
        if (result.ok) return;
        expect(result.error.message['zh-CN'].length).toBeGreaterThan(0);
        expect(result.error.message.en.length).toBeGreaterThan(0);
        if (result.error.code !== 'json') expect(result.error.path).toMatch(/^\$/);
      }),
      { seed: 9, numRuns: 1500 },
    );
  });

  it('never throws for random text or JSON', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        const result = parseReport(text, templates);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.message.en.length).toBeGreaterThan(0);
      }),
      { seed: 9, numRuns: 1000 },
    );
  });
});

describe('loadTemplate fails only with a TemplateError naming the place', () => {
  it('for mutated national formats', () => {
    fc.assert(
      fc.property(fc.nat({ max: formats.length - 1 }), fc.array(fc.nat(), { maxLength: 8 }), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.integer({ min: -5, max: 100_000 })), (format, steps, value) => {
        try {
          loadTemplate(mutate(formats[format], steps, value), 'mutated.json');
        } catch (error) {
          expect(error).toBeInstanceOf(TemplateError);
          for (const issue of (error as TemplateError).issues) expect(issue.path).toMatch(/^\$/);
        }
      }),
      { seed: 9, numRuns: 300 },
    );
  });
});
