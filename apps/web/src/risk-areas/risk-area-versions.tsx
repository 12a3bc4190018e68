// The versions of the risk area being changed: each one's action, who made it and when (Jakarta time).
import type { RiskAreaAnswer } from '@pantau/domain';
import { useTranslation } from 'react-i18next';
import { dataOf, useApiRequest } from '../api/use-api-request.js';
import { useFormat } from '../i18n/format.js';
import { getRiskAreaVersions } from './risk-areas-api.js';

export function RiskAreaVersions({ area }: { area: RiskAreaAnswer }) {
  const { t } = useTranslation('riskdraw');
  const format = useFormat();
  const versions = useApiRequest(`risk-areas:versions:${area.id}:${area.version}`, (signal) => getRiskAreaVersions(area.id, signal));
  if ((dataOf(versions)?.items.length ?? 0) === 0) return null;
  return (
    <details className="draw-versions">
      <summary>{t('versions', { version: dataOf(versions)?.currentVersion })}</summary>
      <ol data-testid="risk-versions">
        {dataOf(versions)?.items.map((v) => (
          <li key={v.version}>
            {t('versionLine', {
              version: v.version,
              action: t(`action.${v.action}`),
              who: v.changedBy,
              when: new Date(v.changedAt).toLocaleString(format.lang === 'en' ? 'en-GB' : 'id-ID', { timeZone: 'Asia/Jakarta' }),
            })}
          </li>
        ))}
      </ol>
    </details>
  );
}
