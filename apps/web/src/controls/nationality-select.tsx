import { NATIONALITIES, nationalityName } from '@pantau/domain';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.js';

const NAMES_IN_SUMMARY = 2;

/**
 * Nationalities by name in the UI language, ISO codes underneath: a disclosure with a search field and
 * a checkbox per nationality (real inputs, so keyboards and screen readers work as usual).
 */
export function NationalitySelect({ selected, onChange }: { selected: readonly string[]; onChange(codes: string[]): void }) {
  const { t } = useTranslation();
  const { lang } = useFormat();
  const id = useId();
  const [query, setQuery] = useState('');
  const sorted = useMemo(() => [...NATIONALITIES].sort((a, b) => nationalityName(a.code, lang).localeCompare(nationalityName(b.code, lang), lang)), [lang]);
  const needle = query.trim().toLocaleLowerCase(lang);
  const shown = needle
    ? sorted.filter((nationality) => `${nationalityName(nationality.code, lang)} ${nationality.code}`.toLocaleLowerCase(lang).includes(needle))
    : sorted;
  const selectedNames = selected.map((code) => nationalityName(code, lang));
  const summary =
    selected.length === 0
      ? t('filters.nationalityAll')
      : selected.length <= NAMES_IN_SUMMARY
        ? selectedNames.join(', ')
        : t('filters.nationalityMore', { names: selectedNames.slice(0, NAMES_IN_SUMMARY).join(', '), count: selected.length - NAMES_IN_SUMMARY });

  const toggle = (code: string, checked: boolean) => onChange(checked ? [...selected, code] : selected.filter((selectedCode) => selectedCode !== code));

  return (
    <fieldset className="field-group">
      <legend>{t('filters.nationality')}</legend>
      <details className="multi-select" data-testid="nationality-filter">
        <summary data-testid="nationality-summary">{summary}</summary>
        <div className="multi-select-body">
          <label className="visually-hidden" htmlFor={`${id}-search`}>
            {t('filters.nationalitySearch')}
          </label>
          <input
            id={`${id}-search`}
            type="search"
            placeholder={t('filters.nationalitySearch')}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
          <ul className="multi-select-options">
            {shown.map((nationality) => (
              <li key={nationality.code}>
                <label className="check">
                  <input
                    type="checkbox"
                    value={nationality.code}
                    checked={selected.includes(nationality.code)}
                    onChange={(event) => toggle(nationality.code, event.target.checked)}
                  />
                  <span>{nationalityName(nationality.code, lang)}</span>
                  <span className="code">{nationality.code}</span>
                </label>
              </li>
            ))}
          </ul>
          {selected.length > 0 && (
            <button type="button" className="link-button" onClick={() => onChange([])}>
              {t('filters.nationalityClear')}
            </button>
          )}
        </div>
      </details>
    </fieldset>
  );
}
