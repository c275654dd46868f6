/**
 * The Electron main process: a thin shell. Everything it does is in app/startApp.ts (wiring) and
 * services/ (behaviour), which run and are tested in plain Node.
 */
import * as electron from 'electron';
import module from 'node:module';
import { join } from 'node:path';

// V8 keeps the main process's compiled code between launches (Electron's Node has the compile cache; it
// must be on before the modules load, hence the import below). Kept with the user's data: a stable,
// writable place of their own. Without the API, or if the folder cannot be used, modules compile as usual.
const { enableCompileCache } = module as { enableCompileCache?: (directory?: string) => unknown };
try {
  enableCompileCache?.(join(process.env.DRS_USER_DATA || electron.app.getPath('userData'), 'compile-cache'));
} catch {
  // a cache is only ever a speed-up
}

// Awaited at the top level: Electron emits `ready` only after the entry module has finished, so startApp
// still registers the app's scheme and handlers before it.
const { startApp } = await import('./app/startApp.js');
startApp(electron);
