// The person page (issue 20): who the person is (passports, earlier numbers too) and their history in
// one timeline — applications, permits, arrivals and departures, lodgings, the checks they were part of.
// Only roles allowed personal data reach it (auth/pages.ts); the API audits every opening.
import { nationalityName } from '@pantau/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-client.js';
import { getArea, getMeta } from '../api/pantau-api.js';
import { dataOf, useApiRequest } from '../api/use-api-request.js';
import { LanguageSwitch } from '../controls/language-switch.js';
import { useFormat } from '../i18n/format.js';
import { Link, useRoute, useRouter } from '../state/router.js';
import { getPerson, type PersonPage as PersonRecord } from './people-api.js';
import { addPeopleResources } from './people-locales.js';
import { PersonSearch } from './person-search.js';
import { personTimeline, type TimelineEntry } from './person-timeline.js';
import './people.css';

type PeopleT = ReturnType<typeof useTranslation<'people'>>['t'];

/** The header of the people pages: title, person search, back to the map, language. */
export function PeopleHeader({ subtitle }: { subtitle: string }) {
  const { t } = useTranslation('people');
  const { t: tCommon } = useTranslation();
  const { view, update, navigate, href } = useRouter();
  return (
    <header className="page-header">
      <div className="page-title">
        <h1>{tCommon('title')}</h1>
        <p className="page-subtitle">{subtitle}</p>
      </div>
      <div className="header-search">
        <PersonSearch hrefOf={(person) => href({ page: 'person', person })} onOpen={(person) => navigate({ page: 'person', person })} />
      </div>
      <div className="page-status">
        <Link className="header-button header-link" to={{ page: 'map' }} data-testid="back-to-map">
          {t('backToMap')}
        </Link>
        <LanguageSwitch lang={view.lang} onChange={(lang) => update({ lang })} />
      </div>
    </header>
  );
}

export default function PersonPage() {
  const { view } = useRoute('person');
  const { i18n } = useTranslation();
  addPeopleResources(i18n);
  const { t } = useTranslation('people');
  const format = useFormat();
  const meta = useApiRequest('meta', getMeta);
  const person = useApiRequest(view.person === null ? null : `person:${view.person}`, (signal) => getPerson(view.person ?? 0, signal));
  const record = dataOf(person);
  const today = dataOf(meta)?.today ?? null;

  let body: ReactNode;
  if (view.person === null) body = <p className="people-note">{t('search.placeholder')}</p>;
  else if (person.status === 'error') {
    const notFound = person.error instanceof ApiError && person.error.status === 404;
    body = (
      <p className="error-box" role="alert" data-testid="person-error">
        {notFound ? t('person.notFound') : t('failed', { message: person.error instanceof Error ? person.error.message : String(person.error) })}
      </p>
    );
  } else if (!record || today === null) body = <p className="people-note">{t('loading')}</p>;
  else body = <PersonDetails person={record} today={today} t={t} format={format} />;

  return (
    <div className="people-page" data-testid="person-page">
      <PeopleHeader subtitle={t('person.title')} />
      <main className="people-main">{body}</main>
    </div>
  );
}

function PersonDetails({ person, today, t, format }: { person: PersonRecord; today: string; t: PeopleT; format: ReturnType<typeof useFormat> }) {
  const timeline = personTimeline(person, today);
  const areaCode = person.districtCode ?? person.regencyCode;
  // The area's name (areas are public reference data); its code until it has loaded, or if it cannot.
  const area = dataOf(useApiRequest(`area:${areaCode}`, (signal) => getArea(areaCode, signal)));
  const facts: Array<[string, string]> = [
    [t('person.sex'), person.sex ? t(`sex.${person.sex}` as 'sex.male', { defaultValue: person.sex }) : '—'],
    [t('person.birthDate'), person.birthDate ? format.date(person.birthDate) : '—'],
    [t('person.nationality'), nationalityName(person.nationality, format.lang)],
    [t('person.area'), area ? `${area.name} (${areaCode})` : areaCode],
  ];
  return (
    <>
      <section className="people-card">
        <h2 data-testid="person-name">{person.name}</h2>
        <dl className="people-facts">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <h3>{t('person.passports')}</h3>
        <ul className="people-list" data-testid="person-passports">
          {person.passports.map((passport) => (
            <li key={passport.passportNumber}>
              <strong>{passport.passportNumber}</strong> ({nationalityName(passport.nationality, format.lang)}){' · '}
              {passport.current ? t('person.passportCurrent') : t('person.passportEarlier')}
              {passport.validFrom ? ` · ${t('person.passportFrom', { date: format.date(passport.validFrom) })}` : ''}
            </li>
          ))}
        </ul>
        <p className="people-note">{t('person.auditNote')}</p>
      </section>
      <section className="people-card">
        <h3>{t('timeline.title')}</h3>
        {timeline.length === 0 ? (
          <p className="people-note">{t('timeline.empty')}</p>
        ) : (
          <ol className="people-timeline" data-testid="person-timeline">
            {timeline.map((entry, index) => (
              <li key={index} className={`timeline-${entry.kind}`} data-testid={`timeline-${entry.kind}`}>
                <time dateTime={entry.date}>{format.date(entry.date)}</time>
                <span>{timelineText(entry, t, format)}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

function timelineText(entry: TimelineEntry, t: PeopleT, format: ReturnType<typeof useFormat>): string {
  const type = (value: string) => t(`permitType.${value}` as 'permitType.itas', { defaultValue: value.toUpperCase() });
  const extra = (parts: Array<string | null>) =>
    parts
      .filter(Boolean)
      .map((part) => ` · ${part}`)
      .join('');
  const sponsor = (s: { name: string } | null) => (s ? t('timeline.sponsor', { name: s.name }) : null);
  switch (entry.kind) {
    case 'applied':
      return (
        t('timeline.applied', { type: type(entry.application.permitType) }) +
        extra([sponsor(entry.application.sponsor), entry.application.office ? t('timeline.office', { name: entry.application.office }) : null])
      );
    case 'decided':
      return t('timeline.decided', {
        type: type(entry.application.permitType),
        status: t(`applicationStatus.${entry.application.status}` as 'applicationStatus.issued', { defaultValue: entry.application.status }),
      });
    case 'issued':
      return (
        t('timeline.issued', { type: type(entry.permit.permitType), number: entry.permit.permitNumber, expires: format.date(entry.permit.expiresOn) }) +
        extra([sponsor(entry.permit.sponsor)])
      );
    case 'expired':
      return t('timeline.expired', { type: type(entry.permit.permitType), number: entry.permit.permitNumber });
    case 'cancelled':
      return t('timeline.cancelled', { type: type(entry.permit.permitType), number: entry.permit.permitNumber });
    case 'arrival':
    case 'departure':
      return t(`timeline.${entry.kind}`, { place: entry.movement.entryPoint?.name ?? t('timeline.unknownEntryPoint') });
    case 'lodged':
      return (
        t('timeline.lodged', { place: entry.lodging.place }) +
        extra([entry.lodging.toOn ? t('timeline.lodgedUntil', { date: format.date(entry.lodging.toOn) }) : null])
      );
    case 'checked':
      return t(entry.check.checked ? 'timeline.checked' : 'timeline.named', { team: entry.check.team, place: entry.check.place });
  }
}
