import type { FontRole, Localized } from '../../../src-core/index.js';

export interface FontCandidate {
  family: string;
  bold?: boolean;
  /**
   * The role's bundled font (bundledFaceFor) is this very design. Noto CJK and Source Han are CFF collections
   * of 65 535 glyphs that cost 70–140 ms each to parse and subset; the bundled TrueType cut draws the same glyphs in a few ms.
   */
  sameDesignAsBundled?: boolean;
}

/** What each role is used for, in the substitution notes. */
export const ROLE_USE: Record<FontRole, Localized> = {
  xiaobiaosong: { 'zh-CN': '标题', en: 'the title' },
  hei: { 'zh-CN': '一级标题', en: 'level-1 headings' },
  kai: { 'zh-CN': '二级标题', en: 'level-2 headings' },
  fangsong: { 'zh-CN': '正文', en: 'the body text' },
  song: { 'zh-CN': '页码和表格', en: 'page numbers and tables' },
};

const c = (family: string, bold?: boolean): FontCandidate => (bold ? { family, bold } : { family });
/** An open font whose bundled TrueType cut is used in its place. */
const bundledCut = (family: string, bold?: boolean): FontCandidate => ({ ...c(family, bold), sameDesignAsBundled: true });

/**
 * Installed fonts to look for, best first (spec typography.md §3): the official fonts, the usual
 * Windows, macOS and Linux equivalents, then open fonts. The first one is the font the format asks for.
 */
export const ROLE_CANDIDATES: Record<FontRole, FontCandidate[]> = {
  xiaobiaosong: [c('方正小标宋简体'), c('方正小标宋_GBK'), c('FZXiaoBiaoSong-B05S'), c('FZXiaoBiaoSong-B05'), bundledCut('Noto Serif CJK SC', true), bundledCut('Source Han Serif SC', true), c('Songti SC', true), c('SimHei'), c('黑体')],
  hei: [c('黑体'), c('SimHei'), c('Microsoft YaHei'), c('微软雅黑'), c('Heiti SC'), c('STHeiti'), c('PingFang SC'), bundledCut('Noto Sans CJK SC'), bundledCut('Source Han Sans SC'), c('WenQuanYi Zen Hei'), c('FandolHei')],
  kai: [c('楷体_GB2312'), c('KaiTi_GB2312'), c('楷体'), c('KaiTi'), c('STKaiti'), c('华文楷体'), c('Kaiti SC'), c('AR PL UKai CN'), c('FandolKai')],
  fangsong: [c('仿宋_GB2312'), c('FangSong_GB2312'), c('仿宋'), c('FangSong'), c('方正仿宋_GBK'), c('方正仿宋简体'), c('STFangsong'), c('华文仿宋'), c('FandolFang')],
  song: [c('宋体'), c('SimSun'), c('NSimSun'), c('新宋体'), c('STSong'), c('Songti SC'), bundledCut('Noto Serif CJK SC'), bundledCut('Source Han Serif SC'), c('FandolSong'), c('AR PL UMing CN')],
};

/** The font each role is meant to have, named in the notes when another one is used. */
export const OFFICIAL_FONT: Record<FontRole, string> = {
  xiaobiaosong: '方正小标宋简体',
  hei: '黑体',
  kai: '楷体_GB2312',
  fangsong: '仿宋_GB2312',
  song: '宋体',
};
