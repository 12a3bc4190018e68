// A plan on one A4 page (or more, for long plans): header, the map with the numbered targets and the
// route, the target table with reasons, teams with their agencies, totals, notes and the weights used.
// Chromium prints it for GET /planning/plans/:id/plan.pdf once `data-print-ready` is set on <html>;
// a browser prints it with Ctrl+P.
import { agencyName, TIMPORA_AGENCIES, WEIGHT_KEYS } from '@pantau/domain';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getMeta } from '../api/pantau-api.js';
import { dataOf, useApiRequest } from '../api/use-api-request.js';
import { useSession } from '../auth/session-context.js';
import { useFormat } from '../i18n/format.js';
import { useRoute } from '../state/router.js';
import { getPlan } from './planning-api.js';
import { addPlanningResources } from './planning-locales.js';
import { PlanningMap } from './planning-map.js';
import './planning.css';

const READY = 'data-print-ready';
const FAILED = 'data-print-error';

export default function PlanPrintPage() {
  const { view } = useRoute('plan-print');
  const { t: tCommon, i18n } = useTranslation();
  addPlanningResources(i18n);
  const { t } = useTranslation('planning');
  const format = useFormat();
  // The print says which agency's user made it (issue 22); the PDF renderer opens it as the caller.
  const { session } = useSession();
  const meta = useApiRequest('meta', getMeta);
  const planState = useApiRequest(view.plan === null ? null : `plan:${view.plan}:${view.lang}`, (signal) => getPlan(view.plan ?? 0, signal, view.lang));
  const plan = dataOf(planState);
  const [mapDrawn, setMapDrawn] = useState(false);
  const [mapError, setMapError] = useState<string | null>(null);

  const failure =
    view.plan === null
      ? t('print.noPlan')
      : planState.status === 'error'
        ? String(planState.error instanceof Error ? planState.error.message : planState.error)
        : mapError;
  useEffect(() => {
    const root = document.documentElement;
    if (failure) root.setAttribute(FAILED, failure);
    else if (plan && mapDrawn && meta.status === 'ok') root.setAttribute(READY, 'true');
    return () => {
      root.removeAttribute(READY);
      root.removeAttribute(FAILED);
    };
  }, [failure, plan, mapDrawn, meta.status]);

  if (failure) {
    return (
      <p className="error-box" role="alert" data-testid="print-error">
        {failure}
      </p>
    );
  }
  if (!plan) return <p className="session-check">{tCommon('loading')}</p>;

  const targets = [...plan.targets].sort((a, b) => a.order - b.order);
  const teamName = new Map(plan.teams.map((team) => [team.key, team.name]));
  const agencyNames = new Map(TIMPORA_AGENCIES.map((agency) => [agency.code as string, agency[format.lang]]));
  const demo = dataOf(meta)?.demo ?? false;

  return (
    <article className="plan-print" data-testid="plan-print">
      <div className="print-toolbar">
        <button type="button" className="button button-primary" onClick={() => window.print()}>
          {t('files.printNow')}
        </button>
      </div>
      <header className="print-header">
        <div>
          <p className="print-kicker">{t('print.kicker')}</p>
          <h1 data-testid="print-title">{plan.title}</h1>
          <p>
            {plan.workAreaCodes ? t('print.workArea', { name: plan.areaName, codes: plan.workAreaCodes.join(', ') }) : `${plan.areaName} (${plan.areaCode})`} ·{' '}
            {format.date(plan.date)} · <span className={`plan-status ${plan.status}`}>{t(`status.${plan.status}`)}</span>
          </p>
        </div>
        <div className="print-meta">
          {demo && <p className="print-demo">{tCommon('demoBadge')}</p>}
          <p>{t('print.dataDate', { date: format.date(plan.date) })}</p>
          {plan.approvedAt && <p>{t('print.approved', { by: plan.approvedBy ?? '', date: format.date(plan.approvedAt.slice(0, 10)) })}</p>}
        </div>
      </header>

      <div className="print-map">
        <PlanningMap
          print
          asOf={plan.date}
          areaCodes={plan.workAreaCodes ?? [plan.areaCode]}
          areaBbox={null}
          points={targets.map((target) => ({
            id: target.candidateId,
            label: String(target.order),
            lng: target.location.lng,
            lat: target.location.lat,
            picked: true,
            title: target.name,
          }))}
          route={targets.map((target) => target.location)}
          label={t('mapLabel')}
          onDrawn={() => setMapDrawn(true)}
          onError={setMapError}
        />
      </div>

      <table className="print-table" data-testid="print-targets">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('candidates.name')}</th>
            <th>{t('candidates.score')}</th>
            <th>{t('candidates.expected')}</th>
            <th>{t('targets.team')}</th>
            <th>km</th>
            <th>{t('print.reasons')}</th>
          </tr>
        </thead>
        <tbody>
          {targets.map((target) => (
            <tr key={target.id}>
              <td className="num">{target.order}</td>
              <td>
                <strong>{target.name}</strong>
                <br />
                <span className="planning-hint">{t(`kind.${target.kind}`)}</span>
                {target.notes && <p className="print-note">{target.notes}</p>}
              </td>
              <td className="num">{format.number(target.score * 100)}</td>
              <td className="num">{format.number(target.expectedForeigners)}</td>
              <td>{target.teamKey ? (teamName.get(target.teamKey) ?? target.teamKey) : '—'}</td>
              <td className="num">{target.legKm === null ? '—' : format.number(target.legKm, 1)}</td>
              <td className="print-reason">{target.explanation[format.lang]}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <section className="print-columns">
        <div>
          <h2>{t('teams.title')}</h2>
          {plan.teams.length === 0 ? (
            <p>{t('teams.none')}</p>
          ) : (
            <ul>
              {plan.teams.map((team) => (
                <li key={team.key}>
                  <strong>{team.name}</strong>: {team.agencies.map((code) => agencyNames.get(code) ?? code).join(', ')}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h2>{t('print.totals')}</h2>
          <dl className="plan-totals">
            <dt>{t('totals.targets')}</dt>
            <dd>{format.number(plan.totals.targets)}</dd>
            <dt>{t('totals.expected')}</dt>
            <dd>{format.number(plan.totals.expectedForeigners)}</dd>
            <dt>{t('totals.route')}</dt>
            <dd>{format.number(plan.route.totalKm, 1)} km</dd>
          </dl>
        </div>
      </section>
      {plan.notes && (
        <section>
          <h2>{t('plan.notes')}</h2>
          <p className="print-note">{plan.notes}</p>
        </section>
      )}
      <footer className="print-footer">
        <p>
          {t('print.weights')}: {WEIGHT_KEYS.map((factor) => `${t(`factor.${factor}`)} ${format.number(plan.weights[factor], 2)}`).join(' · ')}
        </p>
        {session && <p data-testid="print-made-by">{t('print.madeBy', { email: session.user.email, agency: agencyName(session.user.agency, format.lang) })}</p>}
        <p>
          {demo ? `${tCommon('export.demo')} · ` : ''}Pantau · Batas wilayah © Cahya DSN (MIT) · Natural Earth · #{plan.id}
        </p>
      </footer>
    </article>
  );
}
