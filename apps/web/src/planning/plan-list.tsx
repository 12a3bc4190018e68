import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.js';

/** The area's plans, the open one marked, and a new plan for who may write. */
export function PlanList({
  plans,
  openId,
  onOpen,
  onNew,
  canWrite,
}: {
  plans: ReadonlyArray<{ id: number; title: string; date: string; status: string; targetCount: number; expectedForeigners: number }>;
  openId: number | null;
  onOpen(id: number): void;
  onNew(): void;
  canWrite: boolean;
}) {
  const { t } = useTranslation('planning');
  const format = useFormat();
  return (
    <section className="plan-list" data-testid="plan-list">
      <h2 className="planning-heading">{t('plans.title')}</h2>
      {plans.length === 0 && <p className="planning-hint">{t('plans.none')}</p>}
      <ul>
        {plans.map((plan) => (
          <li key={plan.id} className={plan.id === openId ? 'open' : undefined}>
            <button type="button" className="link-button" onClick={() => onOpen(plan.id)} data-testid="plan-list-item">
              {plan.title}
            </button>
            <span className={`plan-status ${plan.status}`}>{t(`status.${plan.status}` as 'status.draft')}</span>
            <span className="planning-hint">
              {format.date(plan.date)} · {t('plans.targets', { count: plan.targetCount, n: format.number(plan.targetCount) })}
            </span>
          </li>
        ))}
      </ul>
      {canWrite && openId !== null && (
        <button type="button" className="button small" onClick={onNew} data-testid="plan-new">
          {t('plans.new')}
        </button>
      )}
    </section>
  );
}
