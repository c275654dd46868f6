export type Severity = 'error' | 'warning';

export type FindingLocation =
  | { sectionId: string }
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
