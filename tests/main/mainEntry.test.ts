import module from 'node:module';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const events: string[] = [];
const userData = join('/tmp', 'drs-main-entry-user-data');

vi.mock('electron', () => ({ app: { getPath: (name: string) => (name === 'userData' ? userData : `/tmp/${name}`) } }));
vi.mock('../../src-main/app/startApp.js', () => {
  events.push('startApp loaded');
  return { startApp: () => events.push('startApp called') };
});

type WithCompileCache = typeof module & { enableCompileCache?: (directory?: string) => unknown };

describe('the Electron entry (src-main/main.ts)', () => {
  afterEach(() => {
    delete (module as WithCompileCache).enableCompileCache;
    delete process.env.DRS_USER_DATA;
    events.length = 0;
    vi.resetModules();
  });

  it('turns on the compile cache in the user data folder before the app’s modules load, then starts the app', async () => {
    // Node 20 (this test's runtime) has no compile cache; Electron's Node has.
    (module as WithCompileCache).enableCompileCache = (directory) => events.push(`cache ${directory}`);
    await import('../../src-main/main.js');
    expect(events).toEqual([`cache ${join(userData, 'compile-cache')}`, 'startApp loaded', 'startApp called']);
  });

  it('uses the test data folder when DRS_USER_DATA is set', async () => {
    process.env.DRS_USER_DATA = '/tmp/drs-e2e-data';
    (module as WithCompileCache).enableCompileCache = (directory) => events.push(`cache ${directory}`);
    await import('../../src-main/main.js');
    expect(events[0]).toBe(`cache ${join('/tmp/drs-e2e-data', 'compile-cache')}`);
  });

  it('starts the app when the runtime has no compile cache, or the cache cannot be used', async () => {
    await import('../../src-main/main.js');
    expect(events.filter((e) => e !== 'startApp loaded')).toEqual(['startApp called']);
    vi.resetModules();
    events.length = 0;
    (module as WithCompileCache).enableCompileCache = () => {
      throw new Error('EACCES');
    };
    await import('../../src-main/main.js');
    expect(events.filter((e) => e !== 'startApp loaded')).toEqual(['startApp called']);
  });
});
