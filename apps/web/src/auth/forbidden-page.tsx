import { useTranslation } from 'react-i18next';
import { Link } from '../state/router.js';

/** A page the user's role may not open: said plainly, with the way back to the map. */
export function ForbiddenPage() {
  const { t } = useTranslation('access');
  return (
    <main className="forbidden-page" data-testid="forbidden-page">
      <div className="forbidden-card" role="alert">
        <h1>{t('forbidden.title')}</h1>
        <p>{t('forbidden.lead')}</p>
        <Link className="button" to={{ page: 'map' }} data-testid="forbidden-back">
          {t('forbidden.back')}
        </Link>
      </div>
    </main>
  );
}
