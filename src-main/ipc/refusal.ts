import type { Localized } from '../../src-core/index.js';

/**
 * A request the main process will not carry out, with the reason in the user's words and the
 * place in the request (`$.report.tables.x`). invokeIpc answers it as `invalid-request`.
 */
export class RequestRefused extends Error {
  constructor(
    readonly reason: Localized,
    readonly place?: string,
  ) {
    super(reason.en);
  }
}
