import type { CellProblem } from '../report/cellValue.js';
import type { Localized } from './locale.js';

/** Plain-language descriptions of a bad cell value, used by the value rules' {problem} placeholder. */
export const CELL_PROBLEMS: Record<CellProblem, Localized> = {
  notInteger: { 'zh-CN': '应填写整数（当前为“{value}”）', en: 'must be a whole number (now "{value}")' },
  negative: { 'zh-CN': '不能为负数（当前为“{value}”）', en: 'cannot be negative (now "{value}")' },
  notDecimal: { 'zh-CN': '应填写不小于 0 的数字，如 0.35（当前为“{value}”）', en: 'must be a number of at least 0 such as 0.35 (now "{value}")' },
  tooManyDecimals: { 'zh-CN': '最多保留 4 位小数（当前为“{value}”）', en: 'allows at most 4 decimals (now "{value}")' },
  amountNotText: { 'zh-CN': '金额应以文本形式保存，如 "{value}"', en: 'amounts are stored as text, e.g. "{value}"' },
  notApplicableHere: { 'zh-CN': '此处不能填写“/”，请填写数字（没有的填 0）', en: '"/" is not allowed here; enter a number (0 if none)' },
};

/** Names of report facts, for messages about missing ones. */
export const META_FIELD_LABELS: Record<string, Localized> = {
  orgName: { 'zh-CN': '机关全称', en: 'full name of the agency' },
  year: { 'zh-CN': '年度', en: 'report year' },
  unitType: { 'zh-CN': '单位类型', en: 'unit type' },
  website: { 'zh-CN': '门户网站', en: 'website' },
  contactDept: { 'zh-CN': '联系部门', en: 'contact department' },
  address: { 'zh-CN': '通讯地址', en: 'postal address' },
  postcode: { 'zh-CN': '邮政编码', en: 'postcode' },
  phone: { 'zh-CN': '联系电话', en: 'phone' },
  fax: { 'zh-CN': '传真', en: 'fax' },
  email: { 'zh-CN': '电子邮箱', en: 'e-mail' },
  signatureOrg: { 'zh-CN': '署名机关', en: 'signing agency' },
  signatureDate: { 'zh-CN': '成文日期', en: 'date of signature' },
};
