export type Severity = 'error' | 'warning';

/** A range of a section's text: block (paragraph, heading or list item) index from 0, UTF-16 offsets inside it, end exclusive. */
export interface TextSpan {
  paragraph: number;
  start: number;
  end: number;
}

export type FindingLocation =
  | { sectionId: string; span?: TextSpan }
  | { tableId: string; rowId: string; colId: string }
  | { metaField: string };

/** One problem found in a report, pinned to the place the user must fix. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  location: FindingLocation;
  expected: number | string | null;
  actual: number | string | null;
  message: string;
}

export function countBySeverity(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const f of findings) if (f.severity === 'error') errors++;
  return { errors, warnings: findings.length - errors };
}
