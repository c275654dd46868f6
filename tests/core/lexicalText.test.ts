import { createHeadlessEditor } from '@lexical/headless';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode } from '@lexical/rich-text';
import { $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import { blocksToLexical, lexicalToBlocks, lexicalToPlainText, plainBlocksToLexical, type TextBlock } from '../../src-core/index.js';
import { sample } from '../helpers.js';

/** Lexical itself reads the JSON back: what the editor will load is what we wrote. */
function readWithLexical(json: unknown): string {
  const editor = createHeadlessEditor({ nodes: [HeadingNode, ListNode, ListItemNode], onError: (e) => { throw e; } });
  const state = editor.parseEditorState(JSON.stringify(json));
  return state.read(() => $getRoot().getTextContent());
}

describe('plain text ↔ Lexical JSON', () => {
  it('round-trips paragraphs, sub-headings, bold runs and lists', () => {
    const blocks: TextBlock[] = [
      { kind: 'heading', level: 2, runs: [{ text: '（一）主动公开' }] },
      { kind: 'paragraph', runs: [{ text: '2025年，' }, { text: '我局', bold: true }, { text: '主动公开政府信息1234条。' }] },
      { kind: 'heading', level: 3, runs: [{ text: '1.网站建设' }] },
      { kind: 'listItem', ordered: true, runs: [{ text: '一是完善制度；' }] },
      { kind: 'listItem', ordered: true, runs: [{ text: '二是加强培训。' }] },
      { kind: 'listItem', ordered: false, runs: [{ text: '附件' }] },
    ];
    const json = blocksToLexical(blocks);
    expect(lexicalToBlocks(json)).toEqual(blocks);
    const lists = json.root.children.filter((n) => n.type === 'list');
    expect(lists.map((l) => [l.listType, l.children?.length])).toEqual([['number', 2], ['bullet', 1]]);
    expect(readWithLexical(json)).toContain('主动公开政府信息1234条。');
  });

  it('writes what Lexical loads for every sample section', () => {
    for (const id of ['gov-2021', 'gov-2019', 'gov-2008']) {
      const report = sample(id);
      for (const [sectionId, state] of Object.entries(report.sections)) {
        const lexicalText = readWithLexical(state).replace(/\n+/g, '\n').trim();
        expect(lexicalText, `${id} ${sectionId}`).toBe(lexicalToPlainText(state).replace(/\n+/g, '\n').trim());
      }
    }
  });

  it('turns template starter blocks into headings and paragraphs', () => {
    const json = plainBlocksToLexical([{ heading: '（一）存在的主要问题' }, '问题一。']);
    expect(json.root.children.map((n) => [n.type, n.tag])).toEqual([['heading', 'h2'], ['paragraph', undefined]]);
    expect(lexicalToPlainText(json)).toBe('（一）存在的主要问题\n问题一。');
  });
});
