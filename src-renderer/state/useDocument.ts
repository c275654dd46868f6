import { useCallback, useRef, useSyncExternalStore } from 'react';
import { documentStore, type OpenDocument } from './documentStore.js';

/** The whole open document: the component re-renders on every change of it (every edit, every move). */
export function useDocument(): OpenDocument | null {
  return useSyncExternalStore(documentStore.subscribe, documentStore.getSnapshot);
}

/**
 * The part of the open document a component shows: it re-renders only when that part changes, so a
 * cell edit does not redraw the outline, the section or the editor around it. `select` returns a value
 * kept in the document (a table's values, the findings) or a primitive; a derived value needs `isEqual`,
 * which keeps the one already shown while the new one is equal to it.
 */
export function useDocumentSelector<T>(select: (doc: OpenDocument | null) => T, isEqual: (a: T, b: T) => boolean = Object.is): T {
  const last = useRef<{ doc: OpenDocument | null | undefined; value: T } | null>(null);
  const selectRef = useRef(select);
  const isEqualRef = useRef(isEqual);
  // A selector that changes with the component's props (its section, its table) applies from this render on;
  // pass a stable one (module level or useCallback), or the selection is worked out on every render.
  if (selectRef.current !== select && last.current) last.current = { doc: undefined, value: last.current.value };
  selectRef.current = select;
  isEqualRef.current = isEqual;
  const getSelection = useCallback(() => {
    const doc = documentStore.getSnapshot();
    const previous = last.current;
    if (previous && previous.doc === doc) return previous.value;
    const value = selectRef.current(doc);
    if (previous && isEqualRef.current(previous.value, value)) {
      last.current = { doc, value: previous.value };
      return previous.value;
    }
    last.current = { doc, value };
    return value;
  }, []);
  return useSyncExternalStore(documentStore.subscribe, getSelection);
}

/** Equal when every field is the same value (for a selection made of several kept values and primitives). */
export function sameFields<T extends object>(a: T, b: T): boolean {
  const keys = Object.keys(a) as (keyof T)[];
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is(a[key], b[key]));
}
