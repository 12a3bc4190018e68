import { useTranslation } from 'react-i18next';

/** What went wrong (each problem once) and whether the page still waits for its figures. */
export function MapMessages({ errors, loading }: { errors: readonly string[]; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {errors.length > 0 && (
        <div className="error-box" role="alert" data-testid="error-box">
          <strong>{t('errors.title')}</strong>
          <ul>
            {errors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      )}
      {loading && (
        <p className="loading" role="status">
          {t('loading')}
        </p>
      )}
    </>
  );
}
