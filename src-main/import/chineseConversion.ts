import { Converter } from 'opencc-js/t2cn';

let converter: ((text: string) => string) | undefined;

/**
 * Traditional → simplified, character by character (OpenCC's standard traditional set): reports
 * shown in 繁体 were converted from simplified by a site's widget, so the reverse needs no phrase table.
 * Built on first use: its dictionaries take a few milliseconds to load.
 */
export function toSimplified(text: string): string {
  const convert = (converter ??= Converter({ from: 't', to: 'cn' }));
  return convert(text);
}
