/**
 * Word's automatic numbering as text: "一、" before a heading exists only as a numbering definition
 * (numbering.xml) and a counter, never in the paragraph's runs. Only what reports use is rendered:
 * decimal, Chinese counting, 甲乙丙, circled and Latin letters/Roman numerals; bullets give no text.
 */
export interface NumberingLevel {
  start: number;
  format: string;
  text: string;
  /** What follows the number: a tab, a space or nothing. */
  suffix: 'tab' | 'space' | 'nothing';
}

const CHINESE_DIGITS = '〇一二三四五六七八九';
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';

function chineseCounting(n: number): string {
  if (n < 10) return CHINESE_DIGITS[n]!;
  if (n < 100) {
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    return `${tens === 1 ? '' : CHINESE_DIGITS[tens]}十${ones === 0 ? '' : CHINESE_DIGITS[ones]}`;
  }
  return String(n);
}

function roman(n: number): string {
  const parts: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let rest = n;
  let out = '';
  for (const [value, letters] of parts) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

const letter = (n: number) => String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);

export function formatCounter(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'taiwaneseCounting':
    case 'ideographDigital':
      return chineseCounting(n);
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? HEAVENLY_STEMS[n - 1]! : String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(n)].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');
    case 'upperLetter':
      return letter(n);
    case 'lowerLetter':
      return letter(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    default:
      return String(n);
  }
}

/** Counters of one numbering instance (w:num), advanced paragraph by paragraph. */
export class NumberingCounters {
  private readonly counters = new Map<string, number[]>();

  constructor(private readonly levelsOf: (numId: string) => NumberingLevel[] | undefined) {}

  /** The number text of the next paragraph numbered `numId` at level `ilvl`, or '' (bullets, unknown lists). */
  next(numId: string, ilvl: number): string {
    const levels = this.levelsOf(numId);
    const level = levels?.[ilvl];
    if (!levels || !level) return '';
    const counts = this.counters.get(numId) ?? levels.map((l) => l.start - 1);
    counts[ilvl] = (counts[ilvl] ?? level.start - 1) + 1;
    for (let deeper = ilvl + 1; deeper < counts.length; deeper++) counts[deeper] = (levels[deeper]?.start ?? 1) - 1;
    this.counters.set(numId, counts);
    if (level.format === 'bullet' || level.format === 'none') return '';
    const text = level.text.replace(/%(\d)/g, (_, k: string) => {
      const i = Number(k) - 1;
      return formatCounter(Math.max(counts[i] ?? 1, levels[i]?.start ?? 1), levels[i]?.format ?? 'decimal');
    });
    const glued = level.suffix === 'nothing' || /[、.．)）:：]$/.test(text);
    return text + (glued || text === '' ? '' : ' ');
  }
}
