import type { Template } from './loadTemplate.js';

/** Whether a format applies to a report year. */
export function fitsYear(template: Template, year: number): boolean {
  return year >= template.years.from && (template.years.to === undefined || year <= template.years.to);
}

/** The default format (gov-2021) first, then newest first: the order lists show formats in. */
export function orderedTemplates(templates: Iterable<Template>): Template[] {
  return [...templates].sort((a, b) => Number(b.default) - Number(a.default) || b.years.from - a.years.from);
}

/** The newest format whose years include `year` (a 2019 report gets gov-2019, not gov-2008). */
export function templateForYear(templates: Iterable<Template>, year: number): Template | undefined {
  return [...templates].filter((t) => fitsYear(t, year)).sort((a, b) => b.years.from - a.years.from)[0];
}
