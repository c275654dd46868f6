/**
 * The Electron main process: a thin shell. Everything it does is in app/startApp.ts (wiring) and
 * services/ (behaviour), which run and are tested in plain Node.
 */
import * as electron from 'electron';
import { startApp } from './app/startApp.js';

startApp(electron);
