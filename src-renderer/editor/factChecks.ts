import type { Locale, ReportMeta } from '../../src-core/index.js';

export type FactField = 'orgName' | 'year' | 'unitType' | 'website' | 'contactDept' | 'address' | 'postcode' | 'phone' | 'fax' | 'email' | 'signatureOrg' | 'signatureDate';

/** A web address, with or without its http:// or https://. */
const WEBSITE = /^(?:https?:\/\/)?[^\s/:.]+(?:\.[^\s/:.]+)+(?::\d+)?(?:\/\S*)?$/i;

const PROBLEMS: Partial<Record<FactField, { test: (value: string) => boolean; zh: string; en: string }>> = {
  postcode: { test: (v) => /^\d{6}$/.test(v), zh: '邮政编码应为 6 位数字', en: 'A postcode has 6 digits' },
  phone: { test: (v) => /^[\d\s()（）+\-—－转]{7,30}$/.test(v) && /\d{7,}|\d{3,4}[-－—]\d{7,8}/.test(v.replace(/\s/g, '')), zh: '电话号码格式不正确，如 0839-7212345', en: 'The phone number looks wrong, e.g. 0839-7212345' },
  fax: { test: (v) => /^[\d\s()（）+\-—－]{7,30}$/.test(v), zh: '传真号码格式不正确', en: 'The fax number looks wrong' },
  email: { test: (v) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v), zh: '电子邮箱格式不正确，如 gk@example.gov.cn', en: 'The e-mail address looks wrong, e.g. gk@example.gov.cn' },
  website: { test: (v) => WEBSITE.test(v), zh: '网址格式不正确，如 www.example.gov.cn', en: 'The website address looks wrong, e.g. www.example.gov.cn' },
};

/** "www.ruian.gov.cn" as people write it becomes "http://www.ruian.gov.cn"; anything else stays as typed. */
export function normalizeWebsite(value: string): string {
  const trimmed = value.trim();
  return WEBSITE.test(trimmed) && !/^https?:\/\//i.test(trimmed) ? `http://${trimmed}` : value;
}

/** What is wrong with a fact as typed (shown at the field; the value is kept as the user typed it). */
export function factProblem(field: FactField, meta: ReportMeta, locale: Locale): string | undefined {
  const value = meta[field];
  if (field === 'orgName' && String(value ?? '').trim() === '') return locale === 'en' ? 'Enter the full name of the agency' : '请填写机关全称';
  if (field === 'signatureDate' && typeof value === 'string' && value <= `${meta.year}-12-31`) {
    return locale === 'en' ? `The date of signature must be after the report year ${meta.year}` : `成文日期应在报告年度（${meta.year}年）之后`;
  }
  const rule = PROBLEMS[field];
  if (!rule || typeof value !== 'string' || value.trim() === '' || rule.test(value.trim())) return undefined;
  return locale === 'en' ? rule.en : rule.zh;
}
