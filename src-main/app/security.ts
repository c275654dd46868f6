/** The renderer is served from this origin only; nothing else may load in the window. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://bundle';
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** No remote origins, no eval, no inline script, no plugins, no framing, no network. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/** The .drs file named on a command line (the OS passes it when the user opens a report). */
export function reportPathFromArgv(argv: readonly string[]): string | undefined {
  return [...argv].reverse().find((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith('.drs'));
}
