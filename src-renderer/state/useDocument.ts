import { useSyncExternalStore } from 'react';
import { documentStore, type OpenDocument } from './documentStore.js';

export function useDocument(): OpenDocument | null {
  return useSyncExternalStore(documentStore.subscribe, documentStore.getSnapshot);
}
