import type { Localized } from '../../src-core/index.js';

/**
 * A request the main process will not carry out, with the reason in the user's words and the
 * place in the request (`$.report.tables.x`). invokeIpc answers it with its code.
 */
export class RequestRefused extends Error {
  constructor(
    readonly code: 'invalid-request' | 'not-granted',
    readonly reason: Localized,
    readonly place?: string,
  ) {
    super(reason.en);
  }
}
