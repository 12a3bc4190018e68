import { useCallback, useEffect, useState } from 'react';
import { parseViewState, searchWithLevel, type MapLevel, type ViewState } from './view-state.js';

/** The view state read from the page URL, and a setter for the level that keeps the URL in step. */
export function useViewState(): [ViewState, (level: MapLevel) => void] {
  const [viewState, setViewState] = useState(() => parseViewState(window.location.search));

  useEffect(() => {
    const onPopState = () => setViewState(parseViewState(window.location.search));
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const setLevel = useCallback((level: MapLevel) => {
    const search = searchWithLevel(window.location.search, level);
    // replaceState: switching the level is adjusting the view, not a new page in the history.
    window.history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
    setViewState(parseViewState(search));
  }, []);

  return [viewState, setLevel];
}
