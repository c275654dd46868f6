import type { Template } from '../template/loadTemplate.js';
import { blockText, lexicalToBlocks, type TextBlock } from './lexicalText.js';
import { fillStarter } from './newReport.js';
import type { LexicalNode, Report, ReportMeta } from './reportSchema.js';

function plainOf(node: LexicalNode): string {
  const [block] = lexicalToBlocks({ root: { type: 'root', children: [node] } }) as TextBlock[];
  return block ? blockText(block) : '';
}

/**
 * After a change of the report's facts, the standard wording already in the report follows them:
 * a paragraph is rewritten only when it is still exactly the starter text for the old facts, so
 * wording the user has edited by hand is never touched. The 署名机关 follows the 机关全称 the same way.
 */
export function applyFactsChange(template: Template, report: Report, oldMeta: ReportMeta, newMeta: ReportMeta): Report {
  const sections: Report['sections'] = { ...report.sections };
  for (const section of template.sections) {
    const state = sections[section.id];
    if (!state || section.starter.length === 0) continue;
    const before = fillStarter(section.starter, oldMeta).map((b) => (typeof b === 'string' ? b : b.heading));
    const after = fillStarter(section.starter, newMeta).map((b) => (typeof b === 'string' ? b : b.heading));
    const rewrite = new Map<string, string>(before.map((text, i): [string, string] => [text, after[i] ?? text]).filter(([a, b]) => a !== b));
    if (rewrite.size === 0) continue;
    let changed = false;
    const children = state.root.children.map((node) => {
      const replacement = node.type === 'paragraph' || node.type === 'heading' ? rewrite.get(plainOf(node)) : undefined;
      if (replacement === undefined) return node;
      changed = true;
      const [first] = node.children ?? [];
      return { ...node, children: [{ ...(first ?? { type: 'text', version: 1, format: 0, detail: 0, mode: 'normal', style: '' }), text: replacement }] };
    });
    if (changed) sections[section.id] = { root: { ...state.root, children } };
  }
  const meta = oldMeta.signatureOrg === oldMeta.orgName && newMeta.signatureOrg === oldMeta.signatureOrg ? { ...newMeta, signatureOrg: newMeta.orgName } : newMeta;
  return { ...report, sections, meta };
}
