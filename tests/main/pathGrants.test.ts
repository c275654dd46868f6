import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PathGrants } from '../../src-main/services/PathGrants.js';

describe('PathGrants', () => {
  it('grants a path for what the user chose it for, and only that', () => {
    const grants = new PathGrants('linux');
    expect(grants.grant('read', '/home/u/报告/../报告/r.drs')).toBe('/home/u/报告/r.drs');
    expect(grants.has('read', '/home/u/报告/r.drs')).toBe(true);
    expect(grants.has('write', '/home/u/报告/r.drs')).toBe(false);
    expect(grants.has('read', '/home/u/报告/R.drs')).toBe(false);
    expect(grants.has('read', null)).toBe(false);
    expect(grants.has('read', '')).toBe(false);
  });

  it('names a Windows file the same whatever its case', () => {
    const grants = new PathGrants('win32');
    grants.grant('write', join('/Users', 'U', 'Report.drs'));
    expect(grants.has('write', join('/users', 'u', 'REPORT.drs'))).toBe(true);
  });

  it('lets a review read inside a folder only when the user chose that folder', () => {
    const grants = new PathGrants('linux');
    grants.grant('folder', '/srv/年报');
    grants.grant('read', '/home/u/单个.drs');
    expect(grants.coversForReading('/srv/年报/2024/a.drs')).toBe(true);
    expect(grants.coversForReading('/srv/年报/..a.drs')).toBe(true);
    expect(grants.coversForReading('/home/u/单个.drs')).toBe(true);
    for (const outside of ['/srv/年报', '/srv/年报2/a.drs', '/srv/年报/../secret.drs', '/srv/a.drs', '/home/u/other.drs', '/home/u/单个.drs/x']) {
      expect(grants.coversForReading(outside), outside).toBe(false);
    }
    // A chosen file does not open its folder; a folder chosen to read does not make its files writable.
    expect(grants.has('write', '/srv/年报/2024/a.drs')).toBe(false);
  });
});
