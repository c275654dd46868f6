import type { LexicalNode, LexicalState } from './reportSchema.js';

/**
 * The one bridge between plain text and the Lexical JSON stored in a report: samples, starter
 * wording and imports are written through it, checks and exports read through it.
 */
export interface TextRun {
  text: string;
  bold?: boolean;
}

export type TextBlock =
  | { kind: 'paragraph'; runs: TextRun[] }
  | { kind: 'heading'; level: 2 | 3; runs: TextRun[] }
  | { kind: 'listItem'; ordered: boolean; runs: TextRun[] };

/** How templates and samples write text: a paragraph string, or a sub-heading such as （一）主动公开. */
export type PlainBlock = string | { heading: string; level?: 2 | 3 };

const BOLD = 1;

function textNode(run: TextRun): LexicalNode {
  return { type: 'text', version: 1, text: run.text, format: run.bold ? BOLD : 0, detail: 0, mode: 'normal', style: '' };
}

function elementFields(): Record<string, unknown> {
  return { version: 1, direction: null, format: '', indent: 0 };
}

function blockNode(block: TextBlock): LexicalNode {
  const children = block.runs.filter((r) => r.text.length > 0).map(textNode);
  if (block.kind === 'heading') return { type: 'heading', tag: block.level === 2 ? 'h2' : 'h3', ...elementFields(), children };
  return { type: 'paragraph', ...elementFields(), textFormat: 0, textStyle: '', children };
}

/** Builds a Lexical editor state; consecutive list items of one kind become one list. */
export function blocksToLexical(blocks: readonly TextBlock[]): LexicalState {
  const children: LexicalNode[] = [];
  for (const block of blocks) {
    if (block.kind !== 'listItem') {
      children.push(blockNode(block));
      continue;
    }
    const listType = block.ordered ? 'number' : 'bullet';
    let list = children.at(-1);
    if (list?.type !== 'list' || list.listType !== listType) {
      list = { type: 'list', listType, start: 1, tag: block.ordered ? 'ol' : 'ul', ...elementFields(), children: [] };
      children.push(list);
    }
    const items = list.children ?? [];
    items.push({ type: 'listitem', value: items.length + 1, ...elementFields(), children: block.runs.map(textNode) });
    list.children = items;
  }
  return { root: { type: 'root', ...elementFields(), children } };
}

export function plainBlocksToLexical(blocks: readonly PlainBlock[]): LexicalState {
  return blocksToLexical(
    blocks.map((b): TextBlock =>
      typeof b === 'string' ? { kind: 'paragraph', runs: [{ text: b }] } : { kind: 'heading', level: b.level ?? 2, runs: [{ text: b.heading }] },
    ),
  );
}

function runsOf(node: LexicalNode): TextRun[] {
  const runs: TextRun[] = [];
  const visit = (n: LexicalNode): void => {
    if (n.type === 'linebreak') runs.push({ text: '\n' });
    else if (typeof n.text === 'string') {
      const bold = typeof n.format === 'number' && (n.format & BOLD) !== 0;
      runs.push(bold ? { text: n.text, bold } : { text: n.text });
    } else n.children?.forEach(visit);
  };
  node.children?.forEach(visit);
  return runs;
}

export function lexicalToBlocks(state: LexicalState | undefined): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const node of state?.root.children ?? []) {
    if (node.type === 'heading') {
      blocks.push({ kind: 'heading', level: node.tag === 'h2' || node.tag === 'h1' ? 2 : 3, runs: runsOf(node) });
    } else if (node.type === 'list') {
      for (const item of node.children ?? []) blocks.push({ kind: 'listItem', ordered: node.listType === 'number', runs: runsOf(item) });
    } else {
      blocks.push({ kind: 'paragraph', runs: runsOf(node) });
    }
  }
  return blocks;
}

export function blockText(block: TextBlock): string {
  return block.runs.map((r) => r.text).join('');
}

/** The section's text, one block per line — what keyword and number checks read. */
export function lexicalToPlainText(state: LexicalState | undefined): string {
  return lexicalToBlocks(state).map(blockText).join('\n');
}

export function isLexicalEmpty(state: LexicalState | undefined): boolean {
  return lexicalToPlainText(state).trim().length === 0;
}
