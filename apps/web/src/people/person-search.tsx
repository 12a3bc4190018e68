// The person search box (issue 20), for roles allowed personal data: name (accents and spacing do not
// matter), passport number (current or earlier) or permit number. Results are links to the person page;
// the text typed never goes into the page URL (it would stay in the browser history), only into the
// API request, which the server audits.
import { nationalityName } from '@pantau/domain';
import { useEffect, useId, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-client.js';
import { PERSON_SEARCH_MIN_LENGTH, searchPeople, type PersonHit } from './person-search-api.js';
import { addPeopleResources } from './people-locales.js';
import './people.css';
import { followInApp } from '../ui/modifier-click.js';

const DEBOUNCE_MS = 300;
const RESULTS = 8;

type SearchState = { status: 'idle' } | { status: 'loading' } | { status: 'ok'; hits: PersonHit[] } | { status: 'error'; message: string };

export interface PersonSearchProps {
  /** Shows its name above the box (in the sidebar); in a page header the placeholder says it. */
  labelled?: boolean;
  hrefOf(personId: number): string;
  onOpen(personId: number): void;
}

export function PersonSearch({ labelled = false, hrefOf, onOpen }: PersonSearchProps) {
  const { i18n } = useTranslation();
  addPeopleResources(i18n);
  const { t } = useTranslation('people');
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const listId = useId();
  const inputId = useId();
  const [query, setQuery] = useState('');
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  const [open, setOpen] = useState(false);
  const trimmed = query.trim();

  useEffect(() => {
    if (trimmed.length < PERSON_SEARCH_MIN_LENGTH) {
      setState({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    setState({ status: 'loading' });
    const timer = setTimeout(() => {
      searchPeople(trimmed, RESULTS, controller.signal).then(
        (hits) => {
          if (!controller.signal.aborted) setState({ status: 'ok', hits });
        },
        (error: unknown) => {
          if (!controller.signal.aborted)
            setState({ status: 'error', message: error instanceof ApiError || error instanceof Error ? error.message : String(error) });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [trimmed]);

  const openPerson = (event: MouseEvent<HTMLAnchorElement>, id: number) =>
    followInApp(event, () => {
      setOpen(false);
      onOpen(id);
    });

  return (
    <div
      className="person-search"
      onKeyDown={(event) => {
        if (event.key === 'Escape') setOpen(false);
      }}
    >
      {labelled && (
        <label className="person-search-label" htmlFor={inputId}>
          {t('search.label')}
        </label>
      )}
      <input
        id={inputId}
        type="search"
        className="person-search-input"
        aria-label={labelled ? undefined : t('search.label')}
        placeholder={t('search.placeholder')}
        value={query}
        autoComplete="off"
        aria-controls={listId}
        aria-expanded={open && state.status !== 'idle'}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        data-testid="person-search"
      />
      {open && state.status !== 'idle' && (
        <div className="person-search-results" id={listId} data-testid="person-search-results">
          {state.status === 'loading' && <p className="person-search-note">{t('search.loading')}</p>}
          {state.status === 'error' && (
            <p className="person-search-note error-text" role="alert">
              {t('search.failed', { message: state.message })}
            </p>
          )}
          {state.status === 'ok' && state.hits.length === 0 && <p className="person-search-note">{t('search.none')}</p>}
          {state.status === 'ok' && state.hits.length > 0 && (
            <ul>
              {state.hits.map((hit) => (
                <li key={hit.id}>
                  <a href={hrefOf(hit.id)} onClick={(event) => openPerson(event, hit.id)} data-testid="person-result">
                    <span className="person-search-name">{hit.name}</span>
                    <span className="person-search-meta">
                      {nationalityName(hit.nationality, lang)}
                      {hit.passportNumber ? ` · ${hit.passportNumber}` : ''}
                      {hit.matchedBy !== 'name' ? ` · ${t(`search.matchedBy.${hit.matchedBy}`)}` : ''}
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
