import { useCallback, useEffect, useRef, useState } from 'react';
import { isLang } from '../i18n/languages.js';
import { parseViewState, serializeViewState, type ViewState } from './view-state.js';

/** `push`: a new page in the history (selection, level, filters); `replace`: adjusting it (map moves). */
export type HistoryMode = 'push' | 'replace';

/** Changes to the view, or a function of the view giving them. */
export type ViewUpdate = Partial<ViewState> | ((view: ViewState) => Partial<ViewState>);

/** Changes the view (and with it the URL). */
export type UpdateView = (update: ViewUpdate, mode?: HistoryMode) => void;

const LANG_STORAGE_KEY = 'pantau.lang';

function storedLang(): string | null {
  try {
    return window.localStorage.getItem(LANG_STORAGE_KEY);
  } catch {
    // Private mode: the language comes from the URL or the browser.
    return null;
  }
}

/** The URL's view; without `lang` in the URL, the language the user chose last time on this browser. */
function viewFromLocation(): ViewState {
  const view = parseViewState(window.location.search);
  const hasLang = new URLSearchParams(window.location.search).has('lang');
  const lang = storedLang();
  return !hasLang && isLang(lang) ? { ...view, lang } : view;
}

/**
 * The one place the view lives. Every change goes through `updateView`, which writes the URL (its
 * serialisation) and the state together; back and forward read it back from the URL.
 */
export function useViewState(): [ViewState, UpdateView] {
  const [view, setView] = useState(viewFromLocation);
  const viewRef = useRef(view);
  viewRef.current = view;

  // The language last shown is the one a link without `lang` opens in next time (back/forward included).
  useEffect(() => {
    try {
      window.localStorage.setItem(LANG_STORAGE_KEY, view.lang);
    } catch {
      // Private mode: the language still lives in the URL.
    }
  }, [view.lang]);

  useEffect(() => {
    // The URL written once at start: a stored language or a dropped parameter shows in it.
    const search = serializeViewState(viewRef.current);
    if (search !== window.location.search) {
      window.history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
    }
    const onPopState = () => {
      const popped = parseViewState(window.location.search);
      // At once, not at the next render: a map move ending in between (the camera still flying from the
      // page left) replaces the URL from viewRef, and a stale one wrote the left page's region over the
      // page Back had just opened.
      viewRef.current = popped;
      setView(popped);
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const updateView = useCallback((update: ViewUpdate, mode: HistoryMode = 'push') => {
    const current = viewRef.current;
    const next = { ...current, ...(typeof update === 'function' ? update(current) : update) };
    // A rejected parameter stays reported until the user changes the view on purpose.
    const cleaned: ViewState = mode === 'push' ? { ...next, rejected: [] } : next;
    const search = serializeViewState(cleaned);
    const url = `${window.location.pathname}${search}${window.location.hash}`;
    if (search !== window.location.search) {
      if (mode === 'push') window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    }
    viewRef.current = cleaned;
    setView(cleaned);
  }, []);

  return [view, updateView];
}
