import { localize, type Locale } from '../../i18n/locale.js';
import type { Template } from '../../template/loadTemplate.js';
import type { RuleDef } from '../../template/templateSchema.js';
import type { Finding } from '../finding.js';
import { sectionName } from '../messagePlaces.js';
import type { Analyse } from './countRules.js';

type Rule<K extends RuleDef['kind']> = Extract<RuleDef, { kind: K }>;

/**
 * The ways reports state the fee (read on normalised text, so 處理費 and 未收取 count too):
 * 信息处理费 / 处理费 / 政府信息公开处理费, "未收费", "没有收取", "不收取任何费用",
 * "未发出收费通知", "零收费", "免费提供".
 */
const FEE_STATEMENTS = [
  /处理费/,
  /(?:未|没有|不|无|从未|并未|均未|免于?)(?:向[^，。；]{0,15})?收(?:取)?(?:过)?(?:任何)?[^，。；]{0,12}?费/,
  /收费通知/,
  /零收费|免费(?:提供|向|供)/,
];

/** N-01: section 六 states the information-processing fee, charged or not. */
export function checkFeeStatement(rule: Rule<'feeStatement'>, template: Template, analyse: Analyse, locale: Locale, out: Finding[]): void {
  const { text } = analyse(rule.section);
  if (FEE_STATEMENTS.some((re) => re.test(text))) return;
  out.push({
    ruleId: rule.id,
    severity: rule.severity,
    location: { sectionId: rule.section },
    expected: '信息处理费',
    actual: null,
    message: localize(rule.message, locale, { section: sectionName(template, rule.section, locale) }),
  });
}
