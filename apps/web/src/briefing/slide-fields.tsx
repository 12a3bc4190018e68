// One slide's fields for an editor: title, speaker note, the panels shown beside the map, and (for an internal audience) the operations' findings.
import { PANEL_KINDS, type Briefing, type Slide, type SlidePanel } from '@pantau/domain';
import { useTranslation } from 'react-i18next';

export function SlideFields({ slide, audience, onChange }: { slide: Slide; audience: Briefing['audience']; onChange(update: Partial<Slide>): void }) {
  const { t } = useTranslation('briefing');
  return (
    <div className="slide-fields">
      <label className="wide">
        {t('slideTitle')}
        <input value={slide.title} onChange={(event) => onChange({ title: event.target.value })} data-testid="slide-title-input" />
      </label>
      <label className="wide">
        {t('note')}
        <textarea value={slide.note} rows={3} onChange={(event) => onChange({ note: event.target.value })} />
      </label>
      <fieldset>
        <legend>{t('panelsLabel')}</legend>
        {PANEL_KINDS.map((kind) => (
          <label key={kind} className="inline">
            <input
              type="checkbox"
              checked={slide.panels.some((panel) => panel.kind === kind)}
              onChange={(event) =>
                onChange({
                  panels: event.target.checked ? [...slide.panels, defaultPanel(kind)] : slide.panels.filter((panel) => panel.kind !== kind),
                })
              }
            />
            {t(`panels.${kind}`)}
          </label>
        ))}
        {audience === 'internal' && slide.panels.some((panel) => panel.kind === 'operations') && (
          <label className="inline">
            <input
              type="checkbox"
              checked={slide.panels.some((panel) => panel.kind === 'operations' && panel.findings)}
              onChange={(event) =>
                onChange({
                  panels: slide.panels.map((panel) => (panel.kind === 'operations' ? { ...panel, findings: event.target.checked } : panel)),
                })
              }
            />
            {t('showFindings')}
          </label>
        )}
      </fieldset>
    </div>
  );
}

function defaultPanel(kind: SlidePanel['kind']): SlidePanel {
  switch (kind) {
    case 'candidates':
      return { kind, limit: 10 };
    case 'operations':
      return { kind, limit: 10, findings: false };
    default:
      return { kind };
  }
}
