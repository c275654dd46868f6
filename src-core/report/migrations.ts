import { CURRENT_SCHEMA_VERSION } from './reportSchema.js';

/**
 * The only place a report file is upgraded: `steps[n]` turns a version-n file into version n+1.
 * Version 2 added the optional `priorYear` link; a version-1 file simply has none.
 */
export type MigrationSteps = Readonly<Record<number, (raw: Record<string, unknown>) => Record<string, unknown>>>;

export const MIGRATIONS: MigrationSteps = {
  1: (raw) => raw,
};

export function migrateReport(raw: Record<string, unknown>, fromVersion: number, steps: MigrationSteps = MIGRATIONS, toVersion = CURRENT_SCHEMA_VERSION): Record<string, unknown> {
  let current = raw;
  for (let version = fromVersion; version < toVersion; version++) {
    const step = steps[version];
    if (!step) throw new Error(`no migration from schemaVersion ${version}`);
    current = { ...step(current), schemaVersion: version + 1 };
  }
  return current;
}
