/** The session's media URL store, and the hook a component uses to get one URL. */
import { createContext, useContext, useMemo, useSyncExternalStore, type JSX, type ReactNode } from 'react';
import type { MediaVariant } from '../../../../shared/media';
import { shell } from '../../api';
import { MediaUrlStore } from './media-url-store';

const StoreContext = createContext<MediaUrlStore | null>(null);

export function MediaUrlProvider({ children }: { readonly children: ReactNode }): JSX.Element {
  const store = useMemo(() => new MediaUrlStore((refs) => shell.mediaUrls(refs)), []);
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The media URL of an item's grid thumbnail, preview or original; undefined until known (or for none). */
export function useMediaUrl(item: string | null, variant: MediaVariant): string | undefined {
  const store = useContext(StoreContext);
  if (store === null) throw new Error('useMediaUrl outside MediaUrlProvider');
  return useSyncExternalStore(
    (listener) => store.subscribe(listener),
    () => (item === null ? undefined : store.get({ item, variant })),
  );
}
