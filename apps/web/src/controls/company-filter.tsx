import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchCompanies } from '../api/pantau-api.js';
import type { SearchCompany } from '@pantau/domain';

const MIN_QUERY_LENGTH = 2;
const DEBOUNCE_MS = 250;

/** Sponsor company by name: choosing one selects it (detail panel) and flies the map to it. */
export function CompanyFilter({ onSelect }: { onSelect(company: SearchCompany): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<SearchCompany[] | null>(null);

  useEffect(() => {
    const trimmed = query.trim();
    if (trimmed.length < MIN_QUERY_LENGTH) {
      setResults(null);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      searchCompanies(trimmed, controller.signal).then(
        (companies) => setResults(companies),
        () => {
          if (!controller.signal.aborted) setResults([]);
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  return (
    <div className="field">
      <label htmlFor={`${id}-company`}>{t('filters.sponsor')}</label>
      <input
        id={`${id}-company`}
        type="search"
        autoComplete="off"
        placeholder={t('filters.sponsorPlaceholder')}
        value={query}
        aria-describedby={`${id}-hint`}
        onChange={(event) => setQuery(event.target.value)}
        data-testid="company-filter"
      />
      <p id={`${id}-hint`} className="field-hint">
        {t('filters.sponsorHint')}
      </p>
      {results !== null && (
        <ul className="company-results" aria-live="polite">
          {results.length === 0 && <li className="field-hint">{t('filters.sponsorNone')}</li>}
          {results.map((company) => (
            <li key={company.id}>
              <button
                type="button"
                className="result-button"
                onClick={() => {
                  setQuery(company.name);
                  setResults(null);
                  onSelect(company);
                }}
              >
                {company.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
