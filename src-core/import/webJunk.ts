import { DRAFT_MARK } from '../document/documentModel.js';
import type { Localized } from '../i18n/locale.js';

/** A piece of the source that is not part of the report, removed and listed in the import report. */
export interface RemovedPiece {
  text: string;
  reason: Localized;
}

interface JunkPattern {
  pattern: RegExp;
  reason: Localized;
}

const TONE_MARK = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/;

/** Pieces inside a line (normalized text: brackets full-width, spaces next to CJK gone). */
const INLINE_JUNK: JunkPattern[] = [
  {
    // A site's pinyin annotation after a character: 现（xiàn）. Only syllables with a tone mark, so "（raga110）" stays.
    pattern: /(?<=[\u4e00-\u9fff])（[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}）/g,
    reason: { 'zh-CN': '网页复制时夹带的拼音注音', en: 'pinyin annotation picked up when copying from the web page' },
  },
  {
    pattern: /【\s*字体[^】]*】?/g,
    reason: { 'zh-CN': '网页的字号按钮', en: 'the web page’s font-size buttons' },
  },
  {
    pattern: /(?:下午好|上午好|晚上好|您好)！?我是[\u4e00-\u9fff]{1,4}|点击我为您语音播报|扫一扫在手机打开当前页|打印本页|关闭窗口|【打印】|【关闭】|\[打印\]|\[关闭\]/g,
    reason: { 'zh-CN': '网页的按钮或朗读插件文字', en: 'web page buttons or the read-aloud widget' },
  },
  {
    pattern: /您现在的位置[：:][^。]*$/g,
    reason: { 'zh-CN': '网页的导航路径', en: 'the web page’s breadcrumb navigation' },
  },
  {
    // Table borders of a web layout that survived as text: runs of "|" (a real pipe table is read as a table).
    pattern: /(?:\s*\|){1,}\s*$|^\s*(?:\|\s*)+/g,
    reason: { 'zh-CN': '网页排版表格的边框', en: 'borders of the web page’s layout table' },
  },
];

/** Whole lines that are page chrome, tested on the line's normalized text. */
const LINE_JUNK: JunkPattern[] = [
  {
    pattern: /^(?:[-—–－﹣]+\s*\d{1,3}\s*[-—–－﹣]+|第\d{1,3}页(?:共\d{1,3}页)?|\d{1,3}\/\d{1,3})$/,
    reason: { 'zh-CN': '页码', en: 'page number' },
  },
  {
    // Short lines only: a body paragraph may begin with such a word, a metadata bar is one short line.
    pattern: /^(?:索引号|发布日期|发文日期|生成日期|信息来源|来源|内容概述|发布机构|发文机关|主题分类|浏览次数|访问量).{0,60}$/,
    reason: { 'zh-CN': '网页上的文件属性栏', en: 'the web page’s document metadata bar' },
  },
  {
    // The export's own marking of a report that failed its checks (PDF watermark, note above a web page).
    pattern: new RegExp(`^(?:${[DRAFT_MARK.watermark, DRAFT_MARK.notice].map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`),
    reason: { 'zh-CN': '草稿标记（导出未通过检查的报告时加印）', en: 'the draft marking (printed when a report that fails its checks is exported)' },
  },
  {
    pattern: /^(?:切换|分享|打印|关闭|首页|返回顶部|无障碍|繁体|简体|字号[：:]?[大中小\s]*)$/,
    reason: { 'zh-CN': '网页的按钮或导航', en: 'web page buttons or navigation' },
  },
];

/**
 * Removes web-copy junk and page chrome from one line or paragraph of normalized text. Every
 * removal is returned with its reason so the import report can list it.
 */
export function stripJunk(text: string): { kept: string; removed: RemovedPiece[] } {
  const removed: RemovedPiece[] = [];
  let kept = text;
  for (const { pattern, reason } of INLINE_JUNK) {
    kept = kept.replace(pattern, (match) => {
      if (pattern === INLINE_JUNK[0]!.pattern && !TONE_MARK.test(match)) return match;
      if (match.trim() !== '') removed.push({ text: match.trim(), reason });
      return '';
    });
  }
  kept = kept.trim();
  for (const { pattern, reason } of LINE_JUNK) {
    if (kept !== '' && pattern.test(kept)) {
      removed.push({ text: kept, reason });
      kept = '';
    }
  }
  return { kept, removed };
}
