// The plan's teams of Timpora members: each named, with its agencies ticked; added and removed (a removed team's targets keep no team).
import { TIMPORA_AGENCIES, type PlanTeam } from '@pantau/domain';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.js';
import type { DraftPlan } from './plan-draft.js';

export function PlanTeamsFields({ draft, editable, onChange }: { draft: DraftPlan; editable: boolean; onChange(draft: DraftPlan): void }) {
  const { t } = useTranslation('planning');
  const format = useFormat();
  const setTeam = (index: number, team: PlanTeam) => onChange({ ...draft, teams: draft.teams.map((current, i) => (i === index ? team : current)) });
  const addTeam = () => {
    let n = draft.teams.length + 1;
    while (draft.teams.some((team) => team.key === `tim-${n}`)) n += 1;
    onChange({ ...draft, teams: [...draft.teams, { key: `tim-${n}`, name: t('teams.defaultName', { n }), agencies: ['imigrasi'] }] });
  };
  const removeTeam = (key: string) =>
    onChange({
      ...draft,
      teams: draft.teams.filter((team) => team.key !== key),
      targets: draft.targets.map((target) => (target.teamKey === key ? { ...target, teamKey: null } : target)),
    });
  return (
    <>
      <h3>{t('teams.title')}</h3>
      {draft.teams.length === 0 && <p className="planning-hint">{t('teams.none')}</p>}
      {draft.teams.map((team, index) => (
        <fieldset key={team.key} className="plan-team" data-testid="plan-team">
          <legend>
            <input
              value={team.name}
              disabled={!editable}
              onChange={(event) => setTeam(index, { ...team, name: event.target.value })}
              aria-label={t('teams.name')}
              maxLength={200}
            />
            {editable && (
              <button type="button" className="link-button" onClick={() => removeTeam(team.key)}>
                {t('teams.remove')}
              </button>
            )}
          </legend>
          <div className="agency-list">
            {TIMPORA_AGENCIES.map((agency) => (
              <label key={agency.code} className="check">
                <input
                  type="checkbox"
                  disabled={!editable}
                  checked={team.agencies.includes(agency.code)}
                  onChange={(event) =>
                    setTeam(index, {
                      ...team,
                      agencies: event.target.checked ? [...team.agencies, agency.code] : team.agencies.filter((code) => code !== agency.code),
                    })
                  }
                />
                <span>{agency[format.lang]}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      {editable && (
        <button type="button" className="button small" onClick={addTeam} data-testid="plan-add-team">
          {t('teams.add')}
        </button>
      )}
    </>
  );
}
