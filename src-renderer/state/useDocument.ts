import { useRef, useSyncExternalStore } from 'react';
import { documentStore, type DocumentStore, type OpenDocument } from './documentStore.js';

/** The whole open document: the component re-renders on every change of it (every edit, every move). */
export function useDocument(): OpenDocument | null {
  return useSyncExternalStore(documentStore.subscribe, documentStore.getSnapshot);
}

type Select<T> = (doc: OpenDocument | null) => T;

/**
 * A part of the open document, read anew only when the document changed, and kept as it was while the
 * new reading is equal to it: React compares it by identity, so an equal reading re-renders nothing.
 */
export class DocumentSelection<T> {
  private last: { doc: OpenDocument | null | undefined; value: T } | null = null;

  constructor(
    private readonly store: Pick<DocumentStore, 'getSnapshot'>,
    private select: Select<T>,
    private readonly isEqual: (a: T, b: T) => boolean,
  ) {}

  read = (): T => {
    const doc = this.store.getSnapshot();
    const previous = this.last;
    if (previous && previous.doc === doc) return previous.value;
    const value = this.select(doc);
    this.last = { doc, value: previous && this.isEqual(previous.value, value) ? previous.value : value };
    return this.last.value;
  };

  /** Another selector (the component's section or table changed): the next read uses it. */
  reselect(select: Select<T>): void {
    if (select === this.select) return;
    this.select = select;
    if (this.last) this.last = { doc: undefined, value: this.last.value };
  }
}

/**
 * The part of the open document a component shows: it re-renders only when that part changes, so a
 * cell edit does not redraw the outline, the section or the editor around it. `select` must be stable
 * (module level, or useCallback); it returns a value kept in the document (a table's values, the
 * findings) or a primitive, or a derived value together with `isEqual`.
 */
export function useDocumentSelector<T>(select: Select<T>, isEqual: (a: T, b: T) => boolean = Object.is): T {
  const selection = useRef<DocumentSelection<T> | null>(null);
  selection.current ??= new DocumentSelection(documentStore, select, isEqual);
  selection.current.reselect(select);
  return useSyncExternalStore(documentStore.subscribe, selection.current.read);
}

/** Equal when every field is the same value (for a selection made of several kept values and primitives). */
export function sameFields<T extends object>(a: T, b: T): boolean {
  const keys = Object.keys(a) as (keyof T)[];
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is(a[key], b[key]));
}
