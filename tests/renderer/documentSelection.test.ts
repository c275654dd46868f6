import { describe, expect, it } from 'vitest';
import { DocumentStore, type OpenDocument } from '../../src-renderer/state/documentStore.js';
import { DocumentSelection, sameFields } from '../../src-renderer/state/useDocument.js';
import { sample, template } from '../helpers.js';

// What the editor's components read of the report, without a browser: a cell edit must leave the
// parts the outline, the section and the other tables show as the same objects, or they redraw.

function openStore(): DocumentStore {
  const store = new DocumentStore();
  store.open(template('gov-2021'), sample('gov-2021'), { path: null, docId: 'selection-test', dirty: false });
  return store;
}

const editApplyCell = (store: DocumentStore, value: number) => store.setCells([{ tableId: 'gov-2021.apply', rowId: 'r1_new', colId: 'natural', value }]);

describe('a cell edit changes only what it changes', () => {
  it('keeps the other tables and the section texts as the same objects; the edited table and its total are new', () => {
    const store = openStore();
    const before = store.getSnapshot()!.report;
    editApplyCell(store, 39);
    const after = store.getSnapshot()!.report;
    expect(after.tables['gov-2021.apply']).not.toBe(before.tables['gov-2021.apply']);
    expect(after.tables['gov-2021.apply']?.r1_new?.total).toBe(47);
    expect(after.tables['gov-2021.active']).toBe(before.tables['gov-2021.active']);
    expect(after.tables['gov-2021.review']).toBe(before.tables['gov-2021.review']);
    expect(after.sections).toBe(before.sections);
  });

  it('a selection equal to the one read before is the same object; a different one is read anew', () => {
    const store = openStore();
    const counts = new DocumentSelection(store, (doc: OpenDocument | null) => ({ findings: doc?.findings.length ?? 0 }), sameFields);
    const focus = new DocumentSelection(store, (doc: OpenDocument | null) => ({ seq: doc?.focus?.seq }), sameFields);
    const firstCounts = counts.read();
    const firstFocus = focus.read();
    expect(counts.read()).toBe(firstCounts);

    // Moving to a section changes the document but not its findings.
    store.show({ sectionId: 'apply' });
    expect(counts.read()).toBe(firstCounts);
    expect(focus.read()).not.toBe(firstFocus);
    expect(focus.read().seq).toBe(store.getSnapshot()!.focus!.seq);
  });

  it('another selector (another table) is read at once, and an equal reading is still the same object', () => {
    const store = openStore();
    const tableOf = (tableId: string) => (doc: OpenDocument | null) => ({ values: doc?.report.tables[tableId] });
    const selection = new DocumentSelection(store, tableOf('gov-2021.apply'), sameFields);
    const apply = selection.read();
    selection.reselect(tableOf('gov-2021.active'));
    const active = selection.read();
    expect(active).not.toBe(apply);
    expect(active.values).toBe(store.getSnapshot()!.report.tables['gov-2021.active']);
    selection.reselect(tableOf('gov-2021.active'));
    expect(selection.read()).toBe(active);
  });
});
