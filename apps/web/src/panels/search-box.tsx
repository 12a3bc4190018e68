// Search for an area, a company or a place, as an ARIA 1.2 combobox: the input keeps focus, the arrow
// keys move through the grouped options (aria-activedescendant), Enter opens one, Escape closes the
// list (and clears the text when it is already closed).
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { SEARCH_MIN_LENGTH, searchAll, type SearchResults } from '../api/panels-api.js';
import { enumText, errorText } from './panel-parts.js';
import { groupSearchResults, optionCount, stepIndex, type SearchGroupKey, type SearchOption } from './search-results.js';
import type { SearchSelection } from './types.js';
import { usePanelText } from './use-panel-format.js';
import './panels.css';

/** Wait this long after the last keystroke: one request per pause, not per letter. */
const DEBOUNCE_MS = 250;
/** Per kind; the API's own default is larger than a side panel can show. */
const RESULTS_PER_KIND = 6;

type SearchState =
  | { status: 'idle' }
  | { status: 'loading'; query: string; previous: SearchResults | null }
  | { status: 'ok'; query: string; results: SearchResults }
  | { status: 'error'; query: string; error: unknown };

const GROUP_TITLE_KEYS = { areas: 'search.areas', companies: 'search.companies', places: 'search.places' } as const satisfies Record<SearchGroupKey, string>;

export interface SearchBoxProps {
  onSelect(result: SearchSelection): void;
}

export function SearchBox({ onSelect }: SearchBoxProps) {
  const { t, format } = usePanelText();
  const baseId = useId();
  const listboxId = `${baseId}-listbox`;
  const hintId = `${baseId}-hint`;
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  const [open, setOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  // The chosen option's label fills the input; it is not a new question to search for.
  const chosenLabel = useRef<string | null>(null);

  const trimmed = query.trim();
  useEffect(() => {
    if (trimmed.length < SEARCH_MIN_LENGTH || trimmed === chosenLabel.current) {
      setState({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    // The last answer stays on screen while the next one loads, so the list does not flicker.
    setState((current) => ({
      status: 'loading',
      query: trimmed,
      previous: current.status === 'ok' ? current.results : current.status === 'loading' ? current.previous : null,
    }));
    const timer = setTimeout(() => {
      searchAll(trimmed, RESULTS_PER_KIND, controller.signal).then(
        (results) => {
          if (controller.signal.aborted) return;
          setState({ status: 'ok', query: trimmed, results });
          setActiveIndex(-1);
        },
        (error: unknown) => {
          if (!controller.signal.aborted) setState({ status: 'error', query: trimmed, error });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [trimmed]);

  const results = state.status === 'ok' ? state.results : state.status === 'loading' ? state.previous : null;
  const groups = useMemo(() => (results ? groupSearchResults(results, format.lang) : []), [results, format.lang]);
  const count = optionCount(groups);
  const options = useMemo(() => groups.flatMap((group) => group.options), [groups]);
  const optionId = (option: SearchOption) => `${baseId}-option-${option.index}`;
  const activeOption = activeIndex >= 0 ? options[activeIndex] : undefined;
  const showList = open && state.status !== 'idle';

  useEffect(() => {
    if (activeOption) document.getElementById(optionId(activeOption))?.scrollIntoView({ block: 'nearest' });
    // optionId only depends on baseId and the option.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- optionId only depends on baseId and the option
  }, [activeOption]);

  function choose(option: SearchOption) {
    chosenLabel.current = option.label.trim();
    setQuery(option.label);
    setOpen(false);
    setActiveIndex(-1);
    onSelect(option.selection);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (!open) {
          setOpen(true);
          return;
        }
        setActiveIndex((current) => stepIndex(current, event.key === 'ArrowDown' ? 1 : -1, count));
        return;
      }
      case 'Enter': {
        // Without an active option, Enter takes the best match: the first one.
        const option = activeOption ?? (showList ? options[0] : undefined);
        if (option) {
          event.preventDefault();
          choose(option);
        }
        return;
      }
      case 'Escape': {
        // Handled here, so a panel around the box does not close too.
        event.preventDefault();
        if (showList) {
          setOpen(false);
          setActiveIndex(-1);
        } else {
          chosenLabel.current = null;
          setQuery('');
        }
        return;
      }
      case 'Home':
      case 'End':
        setActiveIndex(-1);
        return;
      default:
        return;
    }
  }

  // Nothing in the work area matches, but an area elsewhere does: say where it lies, not "no results".
  const outsideName = state.status === 'ok' ? (state.results.outsideScope[0]?.name ?? null) : null;
  const statusText =
    state.status === 'loading'
      ? t('search.searching')
      : state.status === 'ok'
        ? count === 0
          ? outsideName
            ? t('search.outsideScope', { name: outsideName })
            : t('search.noResults', { query: state.query })
          : t('search.resultCount', { count })
        : state.status === 'error'
          ? errorText(t, state.error)
          : '';

  return (
    <div
      className="search-box"
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <label className="visually-hidden" htmlFor={`${baseId}-input`}>
        {t('search.label')}
      </label>
      <div className="search-field">
        <span className="search-icon" aria-hidden="true">
          ⌕
        </span>
        <input
          ref={inputRef}
          id={`${baseId}-input`}
          className="search-input"
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={showList}
          aria-controls={listboxId}
          aria-activedescendant={showList && activeOption ? optionId(activeOption) : undefined}
          aria-describedby={hintId}
          placeholder={t('search.placeholder')}
          value={query}
          data-testid="search-input"
          onChange={(event) => {
            chosenLabel.current = null;
            setQuery(event.target.value);
            setOpen(true);
            setActiveIndex(-1);
          }}
          onFocus={() => setOpen(true)}
          onKeyDown={onKeyDown}
        />
        {query !== '' && (
          <button
            type="button"
            className="search-clear"
            aria-label={t('search.clear')}
            title={t('search.clear')}
            onClick={() => {
              chosenLabel.current = null;
              setQuery('');
              inputRef.current?.focus();
            }}
          >
            <span aria-hidden="true">×</span>
          </button>
        )}
      </div>
      <span id={hintId} className="visually-hidden">
        {t('search.hint')}
      </span>
      <p className="visually-hidden" role="status" aria-live="polite">
        {showList ? statusText : ''}
      </p>

      <div className="search-popup" hidden={!showList}>
        {/* The listbox is always in the DOM so aria-controls points at something. */}
        <div id={listboxId} role="listbox" aria-label={t('search.results')} className="search-listbox" data-testid="search-results">
          {groups.map((group) => (
            <div key={group.key} role="group" aria-labelledby={`${baseId}-group-${group.key}`} className="search-group">
              <div id={`${baseId}-group-${group.key}`} className="search-group-title" role="presentation">
                {t(GROUP_TITLE_KEYS[group.key])}
              </div>
              {group.options.map((option) => (
                <div
                  key={option.key}
                  id={optionId(option)}
                  role="option"
                  aria-selected={option.index === activeIndex}
                  className={`search-option${option.index === activeIndex ? ' search-option-active' : ''}`}
                  data-testid="search-option"
                  // Keeps focus in the input, so the list does not close before the click lands.
                  onMouseDown={(event) => event.preventDefault()}
                  onMouseMove={() => setActiveIndex(option.index)}
                  onClick={() => choose(option)}
                >
                  <span className="search-option-label">{option.label}</span>
                  <OptionDetail option={option} />
                </div>
              ))}
            </div>
          ))}
        </div>
        {statusText && (count === 0 || state.status !== 'ok') && (
          <p className={`search-status${state.status === 'error' ? ' search-status-error' : ''}`} data-testid="search-status">
            {statusText}
          </p>
        )}
      </div>
    </div>
  );
}

function OptionDetail({ option }: { option: SearchOption }) {
  const { t } = usePanelText();
  const parts: string[] = [];
  if (option.level) parts.push(enumText(t, 'level', option.level));
  if (option.parentName) parts.push(t('search.inParent', { parent: option.parentName }));
  if (option.placeKind) parts.push(enumText(t, 'search.placeKind', option.placeKind));
  if (parts.length === 0) return null;
  return <span className="search-option-detail">{parts.join(' · ')}</span>;
}
