import { useTranslation } from 'react-i18next';
import type { Lang } from '../i18n/languages.js';

/** One button to the other language; the choice goes into the URL and the browser's storage. */
export function LanguageSwitch({ lang, onChange }: { lang: Lang; onChange(lang: Lang): void }) {
  const { t } = useTranslation();
  const other: Lang = lang === 'id' ? 'en' : 'id';
  return (
    <button
      type="button"
      className="header-button"
      data-testid="language-switch"
      lang={other}
      title={t('language.switchToTitle')}
      onClick={() => onChange(other)}
    >
      <span aria-hidden="true">{other.toUpperCase()}</span>
      <span className="language-name"> · {t('language.switchTo')}</span>
    </button>
  );
}
