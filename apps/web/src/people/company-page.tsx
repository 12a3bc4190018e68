// The company (sponsor) page (issue 20): its sites, its foreign workers on the chosen day counted as
// people by permit status, and the checks at its sites or of its workers over time. Names of workers
// (links to their person pages) and findings only for roles allowed personal data: the API leaves them out
// for the others.
import { nationalityName } from '@pantau/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-client.js';
import { getMeta } from '../api/pantau-api.js';
import { dataOf, useApiRequest } from '../api/use-api-request.js';
import { usePermissions } from '../auth/session-context.js';
import { DateField } from '../controls/date-field.js';
import { useFormat } from '../i18n/format.js';
import { getCompanyWorkers, type CompanyWorkersPage } from './people-api.js';
import { addPeopleResources } from './people-locales.js';
import { Link, useRoute } from '../state/router.js';
import { PeopleHeader } from './person-page.js';
import './people.css';

type PeopleT = ReturnType<typeof useTranslation<'people'>>['t'];

export default function CompanyPage() {
  const { view, update } = useRoute('company');
  const { i18n } = useTranslation();
  addPeopleResources(i18n);
  const { t } = useTranslation('people');
  const format = useFormat();
  const meta = useApiRequest('meta', getMeta);
  const asOf = view.asOf ?? dataOf(meta)?.today ?? null;
  const page = useApiRequest(view.company === null || asOf === null ? null : `company:${view.company}:${asOf}`, (signal) =>
    getCompanyWorkers(view.company ?? 0, asOf, signal),
  );
  const record = dataOf(page);

  let body: ReactNode;
  if (page.status === 'error') {
    const notFound = page.error instanceof ApiError && page.error.status === 404;
    body = (
      <p className="error-box" role="alert" data-testid="company-error">
        {notFound ? t('company.notFound') : t('failed', { message: page.error instanceof Error ? page.error.message : String(page.error) })}
      </p>
    );
  } else if (!record) body = <p className="people-note">{t('loading')}</p>;
  else body = <CompanyDetails page={record} t={t} format={format} onDate={(day) => update({ asOf: day })} />;

  return (
    <div className="people-page" data-testid="company-page">
      <PeopleHeader subtitle={t('company.title')} />
      <main className="people-main">{body}</main>
    </div>
  );
}

interface DetailsProps {
  page: CompanyWorkersPage;
  t: PeopleT;
  format: ReturnType<typeof useFormat>;
  onDate(day: string): void;
}

function CompanyDetails({ page, t, format, onDate }: DetailsProps) {
  const personalData = usePermissions().personalData;
  const { counts } = page;
  const figures: Array<[string, number, string]> = [
    [t('company.validTotal'), counts.validTotal, 'valid-total'],
    [t('company.itas'), counts.itas, 'itas'],
    [t('company.itap'), counts.itap, 'itap'],
    [t('company.visit'), counts.visit, 'visit'],
    [t('company.permits'), counts.permits, 'permits'],
    [t('company.expiringSoon'), counts.expiringSoon, 'expiring'],
    [t('company.lapsed'), counts.lapsed, 'lapsed'],
    [t('company.pending'), counts.pending, 'pending'],
  ];
  return (
    <>
      <section className="people-card">
        <h2 data-testid="company-name">{page.company.name}</h2>
        {page.company.registrationNumber && (
          <p className="people-note">
            {t('company.registrationNumber')}: {page.company.registrationNumber}
          </p>
        )}
        <label className="people-date">
          <span>{t('company.asOf')}</span>
          <DateField value={page.asOf} onChange={(day) => day && onDate(day)} data-testid="company-date" />
        </label>
        <h3>{t('company.workers')}</h3>
        <dl className="people-figures">
          {figures.map(([label, value, id]) => (
            <div key={id}>
              <dt>{label}</dt>
              <dd data-testid={`company-${id}`}>{format.number(value)}</dd>
            </div>
          ))}
        </dl>
        <p className="people-note">{t('company.countsNote')}</p>
      </section>
      <section className="people-card">
        <h3>{t('company.sites')}</h3>
        {page.sites.length === 0 ? (
          <p className="people-note">{t('company.noSites')}</p>
        ) : (
          <ul className="people-list">
            {page.sites.map((site) => (
              <li key={site.id}>
                {site.name} · {site.districtCode ?? site.regencyCode}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="people-card">
        <h3>{t('company.people')}</h3>
        {!page.workers || !personalData ? (
          <p className="people-note">{t('company.namesHidden')}</p>
        ) : page.workers.length === 0 ? (
          <p className="people-note">{t('company.noPeople')}</p>
        ) : (
          <table className="people-table" data-testid="company-workers">
            <thead>
              <tr>
                <th>{t('company.name')}</th>
                <th>{t('person.nationality')}</th>
                <th>{t('company.status')}</th>
                <th>{t('company.until')}</th>
              </tr>
            </thead>
            <tbody>
              {page.workers.map((worker, index) => (
                <tr key={`${worker.personId ?? 'x'}-${index}`}>
                  <td>{worker.personId === null ? worker.name : <Link to={{ page: 'person', person: worker.personId }}>{worker.name}</Link>}</td>
                  <td>{nationalityName(worker.nationality, format.lang)}</td>
                  <td>
                    {t(`workerStatus.${worker.status}`)}
                    {worker.expiringSoon ? ` · ${t('expiringSoon')}` : ''}
                  </td>
                  <td>{worker.until ? format.date(worker.until) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="people-card">
        <h3>{t('company.checks')}</h3>
        {page.checks.length === 0 ? (
          <p className="people-note">{t('company.noChecks')}</p>
        ) : (
          <table className="people-table" data-testid="company-checks">
            <thead>
              <tr>
                <th>{t('company.date')}</th>
                <th>{t('company.team')}</th>
                <th>{t('company.place')}</th>
                <th>{t('company.checked')}</th>
                <th>{t('company.workersChecked')}</th>
                <th>{t('company.violations')}</th>
                {personalData && <th>{t('company.findings')}</th>}
              </tr>
            </thead>
            <tbody>
              {page.checks.map((check) => (
                <tr key={check.targetId}>
                  <td>{format.date(check.date)}</td>
                  <td>{check.team}</td>
                  <td>
                    {check.place} <span className="people-note">({t(`company.via.${check.via}`)})</span>
                  </td>
                  <td>{format.number(check.foreignersChecked)}</td>
                  <td>{format.number(check.workersChecked)}</td>
                  <td>{format.number(check.violations)}</td>
                  {personalData && <td>{check.findings ?? '—'}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
