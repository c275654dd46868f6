import type { DrsApi } from '../src-main/ipc/contract.js';

/** The preload's API (or the test harness's, which binds the same handler table). */
export const drs: DrsApi = (window as unknown as { drs: DrsApi }).drs;
