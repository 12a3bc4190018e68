// A company's panel: a link to its page, its sector, registration number and active permits, and its sites with their areas.
import type { MouseEvent } from 'react';
import type { CompanyRecord } from '../api/panels-api.js';
import { followInApp } from '../ui/modifier-click.js';
import { PanelBlock } from './panel-frame.js';
import { AreaLink, enumText, FactList } from './panel-parts.js';
import type { AreaLinking } from './record-facts.js';
import { usePanelText } from './use-panel-format.js';

/** The link from a company's panel to its page: an href for a new tab, and the in-app move for a plain click. */
export interface CompanyPageLink {
  href(companyId: number): string;
  open(companyId: number): void;
}

export function CompanyBody({ company, onSelectArea, companyPage }: { company: CompanyRecord; companyPage?: CompanyPageLink } & AreaLinking) {
  const { t, format } = usePanelText();
  const openPage = (event: MouseEvent<HTMLAnchorElement>) => {
    if (companyPage) followInApp(event, () => companyPage.open(company.id));
  };
  return (
    <>
      {companyPage && (
        <div className="panel-block">
          <a className="panel-link" href={companyPage.href(company.id)} onClick={openPage} data-testid="open-company-page">
            {t('record.openCompanyPage')}
          </a>
        </div>
      )}
      <PanelBlock title={t('record.details')}>
        <FactList
          facts={[
            company.sector ? [t('record.sector'), enumText(t, 'sector', company.sector)] : null,
            company.registrationNumber ? [t('record.registrationNumber'), company.registrationNumber] : null,
            [t('record.activePermits'), <strong className="panel-figure">{format.number(company.activePermits)}</strong>],
          ]}
        />
      </PanelBlock>
      <PanelBlock title={t('record.sites')} note={`(${format.number(company.sites.length)})`}>
        {company.sites.length === 0 ? (
          <p className="panel-empty">{t('record.noSites')}</p>
        ) : (
          <ul className="panel-list">
            {company.sites.map((site) => (
              <li key={site.id} className="panel-item">
                <span className="panel-item-name">{site.name}</span>
                <span className="panel-item-meta">
                  {site.districtCode ? <AreaLink code={site.districtCode} onSelectArea={onSelectArea} /> : null}
                  {site.districtCode && site.regencyCode ? ', ' : null}
                  {site.regencyCode ? <AreaLink code={site.regencyCode} onSelectArea={onSelectArea} /> : null}
                </span>
              </li>
            ))}
          </ul>
        )}
      </PanelBlock>
    </>
  );
}
