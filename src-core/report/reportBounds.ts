import type { Localized } from '../i18n/locale.js';
import { LIMIT_MESSAGES, REPORT_LIMITS } from '../limits.js';

export interface BoundsProblem {
  /** Where in the file, as keys from the root. */
  keys: (string | number)[];
  message: Localized;
}

/** A value met on a walk, with the way back to the root (paths are only spelled out for a problem). */
interface Visit {
  value: unknown;
  depth: number;
  parent: Visit | undefined;
  key: string | number;
}

function keysOf(visit: Visit | undefined): (string | number)[] {
  const keys: (string | number)[] = [];
  for (let v = visit; v; v = v.parent) keys.unshift(v.key);
  return keys;
}

function pathOf(visit: Visit | undefined): string {
  return keysOf(visit).reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${key}`), '$');
}

const problemAt = (visit: Visit, message: Localized): BoundsProblem => ({ keys: keysOf(visit), message });

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks a report (as parsed JSON) against REPORT_LIMITS before anything recursive reads it: the
 * report schema runs it first, so the Lexical schema, the text extraction and the exporters only
 * see bounded input. Iterative, linear in the size of the value, and tolerant of any shape: what
 * is not where a report has it is left to the schema to name.
 */
export function findBoundsProblem(raw: Record<string, unknown>): BoundsProblem | undefined {
  return sectionsProblem(raw) ?? depthProblem(raw);
}

/** The Lexical text of the sections: nesting, node count, paragraph length and count, total text. */
function sectionsProblem(raw: Record<string, unknown>): BoundsProblem | undefined {
  const sections = raw.sections;
  if (!isRecord(sections)) return undefined;
  const root: Visit = { value: sections, depth: 0, parent: undefined, key: 'sections' };
  let paragraphs = 0;
  let nodes = 0;
  let totalChars = 0;
  for (const [sectionId, state] of Object.entries(sections)) {
    if (!isRecord(state) || !isRecord(state.root) || !Array.isArray(state.root.children)) continue;
    const stateVisit: Visit = { value: state, depth: 0, parent: root, key: sectionId };
    const rootVisit: Visit = { value: state.root, depth: 0, parent: stateVisit, key: 'root' };
    const blocks: Visit[] = [];
    // A block is what lexicalToBlocks makes a paragraph of: a top-level node, or an item of a top-level list.
    state.root.children.forEach((node: unknown, i) => {
      const visit: Visit = { value: node, depth: 1, parent: { value: state.root, depth: 0, parent: rootVisit, key: 'children' }, key: i };
      if (isRecord(node) && node.type === 'list' && Array.isArray(node.children)) {
        const listChildren: Visit = { value: node.children, depth: 1, parent: visit, key: 'children' };
        node.children.forEach((item: unknown, j) => blocks.push({ value: item, depth: 2, parent: listChildren, key: j }));
      } else blocks.push(visit);
    });
    paragraphs += blocks.length;
    if (paragraphs > REPORT_LIMITS.paragraphs) return problemAt(rootVisit, LIMIT_MESSAGES.tooManyParagraphs(paragraphs));
    for (const block of blocks) {
      let blockChars = 0;
      const stack: Visit[] = [block];
      for (let visit = stack.pop(); visit; visit = stack.pop()) {
        if (++nodes > REPORT_LIMITS.lexicalNodes) return problemAt(visit, LIMIT_MESSAGES.tooManyNodes());
        if (visit.depth > REPORT_LIMITS.lexicalDepth) return problemAt(block, LIMIT_MESSAGES.lexicalTooDeep(pathOf(block)));
        const node = visit.value;
        if (!isRecord(node)) continue;
        if (typeof node.text === 'string') blockChars += node.text.length;
        if (!Array.isArray(node.children)) continue;
        const children: Visit = { value: node.children, depth: visit.depth, parent: visit, key: 'children' };
        node.children.forEach((child: unknown, i) => stack.push({ value: child, depth: visit.depth + 1, parent: children, key: i }));
      }
      if (blockChars > REPORT_LIMITS.paragraphChars) return problemAt(block, LIMIT_MESSAGES.paragraphTooLong(pathOf(block), blockChars));
      totalChars += blockChars;
      if (totalChars > REPORT_LIMITS.reportTextChars) return problemAt(block, LIMIT_MESSAGES.reportTextTooLong(totalChars));
    }
  }
  return undefined;
}

const SHOWN_DEPTH = 8;

/** Any JSON value nested deeper than a report needs (e.g. inside extra fields a Lexical node may carry). */
function depthProblem(raw: Record<string, unknown>): BoundsProblem | undefined {
  const stack: Visit[] = Object.entries(raw).map(([key, value]) => ({ value, depth: 1, parent: undefined, key }));
  for (let visit = stack.pop(); visit; visit = stack.pop()) {
    if (visit.depth > REPORT_LIMITS.jsonDepth) {
      // Named by where the nesting starts, not by a path hundreds of keys long.
      let start: Visit = visit;
      while (start.parent && start.depth > SHOWN_DEPTH) start = start.parent;
      return problemAt(start, LIMIT_MESSAGES.jsonTooDeep(pathOf(start)));
    }
    const { value } = visit;
    if (typeof value !== 'object' || value === null) continue;
    const parent = visit;
    if (Array.isArray(value)) value.forEach((child: unknown, i) => stack.push({ value: child, depth: parent.depth + 1, parent, key: i }));
    else for (const [key, child] of Object.entries(value)) stack.push({ value: child, depth: parent.depth + 1, parent, key });
  }
  return undefined;
}
