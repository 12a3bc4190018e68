// After the operation: what was found at each target of an approved plan — foreigners checked,
// outcome, violations and administrative actions (TAK) — in one compact form, sent as one outcome.
import { ACTION_KINDS, TARGET_OUTCOMES, type Plan, type TargetOutcome } from '@pantau/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recordOutcome } from './planning-api.js';
import { outcomeBody, type OutcomeRow } from './planning-model.js';
import { DateField } from '../controls/date-field.js';

export interface OutcomeFormProps {
  plan: Plan;
  onDone(plan: Plan): void;
  onError(message: string | null): void;
}

export function OutcomeForm({ plan, onDone, onError }: OutcomeFormProps) {
  const { t } = useTranslation('planning');
  const targets = [...plan.targets].sort((a, b) => a.order - b.order);
  const [rows, setRows] = useState<OutcomeRow[]>(() =>
    targets.map((target) => ({ planTargetId: target.id, foreignersChecked: '', violations: '', outcome: 'no_violation', findings: '', actions: [] })),
  );
  const [date, setDate] = useState(plan.date);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const setRow = (index: number, change: Partial<OutcomeRow>) => setRows((current) => current.map((row, i) => (i === index ? { ...row, ...change } : row)));

  const submit = async () => {
    const result = outcomeBody(rows, date);
    if ('problem' in result) {
      setProblem(t('outcome.problem', { n: result.problem.index + 1, field: t(`outcome.fields.${result.problem.field}` as 'outcome.fields.actions') }));
      return;
    }
    setProblem(null);
    setBusy(true);
    onError(null);
    try {
      onDone(await recordOutcome(plan.id, result.body));
    } catch (error) {
      onError(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="outcome-form" data-testid="outcome-form">
      <h2 className="planning-heading">{t('outcome.title')}</h2>
      <label className="planning-field">
        <span>{t('outcome.date')}</span>
        <DateField value={date} onChange={setDate} data-testid="outcome-date" />
      </label>
      {rows.map((row, index) => (
        <fieldset key={row.planTargetId} className="outcome-row" data-testid="outcome-row">
          <legend>
            {index + 1}. {targets[index]?.name}
          </legend>
          <label className="planning-field">
            <span>{t('outcome.fields.foreignersChecked')}</span>
            <input
              inputMode="numeric"
              value={row.foreignersChecked}
              onChange={(event) => setRow(index, { foreignersChecked: event.target.value })}
              data-testid="outcome-checked"
            />
          </label>
          <label className="planning-field">
            <span>{t('outcome.fields.outcome')}</span>
            <select value={row.outcome} onChange={(event) => setRow(index, { outcome: event.target.value as TargetOutcome })} data-testid="outcome-kind">
              {TARGET_OUTCOMES.map((outcome) => (
                <option key={outcome} value={outcome}>
                  {t(`outcome.${outcome}`)}
                </option>
              ))}
            </select>
          </label>
          {row.outcome === 'violation' && (
            <label className="planning-field">
              <span>{t('outcome.fields.violations')}</span>
              <input
                inputMode="numeric"
                value={row.violations}
                onChange={(event) => setRow(index, { violations: event.target.value })}
                data-testid="outcome-violations"
              />
            </label>
          )}
          {row.actions.map((action, actionIndex) => (
            <div key={actionIndex} className="outcome-action">
              <select
                value={action.kind}
                aria-label={t('outcome.actionKind')}
                onChange={(event) => setRow(index, { actions: row.actions.map((a, i) => (i === actionIndex ? { ...a, kind: event.target.value } : a)) })}
              >
                {ACTION_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`action.${kind}`)}
                  </option>
                ))}
              </select>
              <input
                inputMode="numeric"
                value={action.count}
                aria-label={t('outcome.actionCount')}
                onChange={(event) => setRow(index, { actions: row.actions.map((a, i) => (i === actionIndex ? { ...a, count: event.target.value } : a)) })}
              />
              <input
                value={action.nationality}
                maxLength={3}
                placeholder="CHN"
                aria-label={t('outcome.actionNationality')}
                onChange={(event) => setRow(index, { actions: row.actions.map((a, i) => (i === actionIndex ? { ...a, nationality: event.target.value } : a)) })}
              />
              <button type="button" className="link-button" onClick={() => setRow(index, { actions: row.actions.filter((_, i) => i !== actionIndex) })}>
                ×
              </button>
            </div>
          ))}
          <button
            type="button"
            className="link-button"
            onClick={() => setRow(index, { actions: [...row.actions, { kind: 'deportation', count: '1', nationality: '' }] })}
          >
            {t('outcome.addAction')}
          </button>
        </fieldset>
      ))}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <button type="button" className="button button-primary" disabled={busy} onClick={() => void submit()} data-testid="outcome-submit">
        {t('outcome.submit')}
      </button>
    </section>
  );
}
