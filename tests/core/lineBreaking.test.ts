import { describe, expect, it } from 'vitest';
import { breakLines, joinsPrevious, NO_LINE_END, NO_LINE_START, splitAtoms, type Atom } from '../../src-core/index.js';

/** Every character is one unit wide, so a line of width 10 holds ten characters. */
const atoms = (text: string): Atom[] => splitAtoms(text).map((t) => ({ text: t, width: t === ' ' ? 0.5 : /^[A-Za-z0-9]/.test(t) ? t.length * 0.5 : 1, space: t === ' ' }));
const lines = (text: string, width = 10) => breakLines(atoms(text), width).map((l) => l.map((a) => a.text).join(''));

describe('Chinese line breaking', () => {
  it('keeps Latin words and numbers whole and breaks between CJK characters', () => {
    expect(splitAtoms('收到申请123件，网址http://x.cn')).toEqual(['收', '到', '申', '请', '123', '件', '，', '网', '址', 'http://x.cn']);
    expect(lines('一二三四五六七八九十甲乙丙')).toEqual(['一二三四五六七八九十', '甲乙丙']);
  });

  it('hangs a comma or full stop past a full line when asked (as office programs set body text), other closing punctuation never', () => {
    const hung = (text: string) => breakLines(atoms(text), 10, 10, true).map((l) => l.map((a) => a.text).join(''));
    expect(hung('一二三四五六七八九十，乙丙丁。')).toEqual(['一二三四五六七八九十，', '乙丙丁。']);
    expect(hung('一二三四五六七八九十。乙')).toEqual(['一二三四五六七八九十。', '乙']);
    // A closing bracket or a semicolon does not hang: a character comes down with it.
    expect(hung('一二三四五六七八九十）乙')).toEqual(['一二三四五六七八九', '十）乙']);
    expect(hung('一二三四五六七八九十；乙')).toEqual(['一二三四五六七八九', '十；乙']);
  });

  it('never starts a line with closing punctuation', () => {
    const out = lines('一二三四五六七八九十，乙丙丁。');
    expect(out.join('')).toBe('一二三四五六七八九十，乙丙丁。');
    for (const line of out.slice(1)) expect(NO_LINE_START.has(line[0]!)).toBe(false);
    expect(out[0]).toBe('一二三四五六七八九');
  });

  it('never ends a line with opening punctuation', () => {
    const out = lines('一二三四五六七八九《条例》规定');
    for (const line of out) expect(NO_LINE_END.has(line.at(-1)!)).toBe(false);
    expect(out[1]?.startsWith('《')).toBe(true);
  });

  it('handles runs of closing punctuation and a first-line indent', () => {
    const out = breakLines(atoms('一二三四五六七八”），甲'), 10, 8).map((l) => l.map((a) => a.text).join(''));
    for (const line of out.slice(1)) expect(NO_LINE_START.has(line[0]!)).toBe(false);
    expect(out.join('')).toBe('一二三四五六七八”），甲');
  });

  it('drops spaces at line ends and honours explicit line breaks', () => {
    expect(lines('abc def ghi jkl mno', 3)).toEqual(['abc', 'def', 'ghi', 'jkl', 'mno']);
    expect(lines('甲乙\n丙丁')).toEqual(['甲乙', '丙丁']);
  });
});

describe('long addresses', () => {
  it('may break after / and . so a URL does not leave a wide gap', () => {
    expect(splitAtoms('网站http://gaj.qingchuan.example.gov.cn查阅')).toEqual(['网', '站', 'http://', 'gaj.', 'qingchuan.', 'example.', 'gov.', 'cn', '查', '阅']);
    expect(joinsPrevious('gaj.', 'qingchuan.')).toBe(true);
    expect(joinsPrevious('站', 'http://')).toBe(false);
  });
});
