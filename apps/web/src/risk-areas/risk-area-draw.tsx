// Drawing a risk area on the main map (issue 22), loaded only when the tool opens: terra-draw (with its
// MapLibre adapter) and turf stay out of the first page load. The officer clicks the corners, closes the
// polygon on the first corner (or with Enter), may drag corners to adjust it, and fills in the form; the
// drawing is checked here first (turf: not crossing itself, not too small) and then by the API, whose
// refusals (422) are shown in words. Given an existing area, its outline is loaded for changing instead
// (PATCH, the API keeps the old outline as a version), with its versions listed. Without a mouse, the
// corners can be typed or pasted as `lat, lng` lines instead; they get the same checks.
import { RISK_CATEGORIES, RISK_SEVERITIES, type RiskAreaAnswer, type RiskCategory, type RiskSeverity } from '@pantau/domain';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { dataOf, useApiRequest } from '../api/use-api-request.js';
import { useFormat } from '../i18n/format.js';
import en from '../i18n/locales/en/riskdraw.json';
import id from '../i18n/locales/id/riskdraw.json';
import { drawnGeometryProblem, editablePolygon, polygonKm2, type Polygon } from './drawn-geometry.js';
import { RiskAreaVersions } from './risk-area-versions.js';
import { createRiskArea, getRiskArea, updateRiskArea } from './risk-areas-api.js';
import { riskAreaSaveError } from './save-error.js';
import { TypedCorners } from './typed-corners.js';
import { useTerraDraw } from './use-terra-draw.js';
import './risk-draw.css';

export interface RiskAreaDrawProps {
  map: MapLibreMap;
  /** The day the new area is valid from unless changed (the map's date). */
  validFrom: string;
  /** The risk area to change; a new one is drawn without it. */
  areaId?: number | null;
  onSaved(area: RiskAreaAnswer, message: string): void;
  onClose(): void;
}

const isCategory = (value: string): value is RiskCategory => (RISK_CATEGORIES as readonly string[]).includes(value);
const isSeverity = (value: string): value is RiskSeverity => (RISK_SEVERITIES as readonly string[]).includes(value);

export default function RiskAreaDraw({ areaId = null, ...props }: RiskAreaDrawProps) {
  const { i18n } = useTranslation();
  for (const [lang, resources] of Object.entries({ id, en })) {
    if (!i18n.hasResourceBundle(lang, 'riskdraw')) i18n.addResourceBundle(lang, 'riskdraw', resources);
  }
  const { t } = useTranslation('riskdraw');
  const loaded = useApiRequest(areaId === null ? null : `risk-areas:one:${areaId}`, (signal) => getRiskArea(areaId ?? 0, signal));
  if (areaId === null) return <DrawTool {...props} area={null} />;
  const area = dataOf(loaded);
  if (area) return <DrawTool {...props} key={area.id} area={area} />;
  return (
    <section className="draw-panel" aria-busy={loaded.status !== 'error'} data-testid="draw-panel">
      <div className="draw-panel-head">
        <h2>{t('edit')}</h2>
        <button type="button" className="button" onClick={props.onClose}>
          {t('close')}
        </button>
      </div>
      {loaded.status === 'error' ? (
        <p className="draw-error" role="alert">
          {riskAreaSaveError(loaded.error).message}
        </p>
      ) : (
        <p role="status">{t('loadingArea')}</p>
      )}
    </section>
  );
}

function DrawTool({ map, validFrom, area, onSaved, onClose }: Omit<RiskAreaDrawProps, 'areaId'> & { area: RiskAreaAnswer | null }) {
  const { t } = useTranslation('riskdraw');
  const { t: tPanels } = useTranslation('panels');
  const format = useFormat();
  const { polygon, clear, replaceWith } = useTerraDraw(map, area);
  const [name, setName] = useState(area?.name ?? '');
  const [category, setCategory] = useState<RiskCategory>(area && isCategory(area.category) ? area.category : 'illegal_work');
  const [severity, setSeverity] = useState<RiskSeverity>(area && isSeverity(area.severity) ? area.severity : 'medium');
  const [description, setDescription] = useState(area?.description ?? '');
  const [source, setSource] = useState(area?.source ?? t('sourceDefault'));
  const [from, setFrom] = useState(area?.validFrom ?? validFrom);
  const [to, setTo] = useState(area?.validTo ?? '');
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const redraw = () => {
    if (clear()) setFailure(null);
  };
  // Typed corners replace the drawing, which the map then shows to adjust.
  const applyCorners = (typed: Polygon) => {
    setFailure(null);
    replaceWith(typed);
  };

  const problem = polygon ? drawnGeometryProblem(polygon) : null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!polygon || problem) return;
    setSaving(true);
    setFailure(null);
    try {
      const attributes = {
        name: name.trim(),
        category,
        severity,
        description: description.trim() === '' ? null : description.trim(),
        source: source.trim(),
        validFrom: from,
        validTo: to === '' ? null : to,
      };
      const saved = area ? await updateRiskArea(area.id, { ...attributes, geometry: polygon }) : await createRiskArea({ ...attributes, geometry: polygon });
      onSaved(saved, t('saved', { id: saved.id, name: saved.name }));
    } catch (error) {
      const { key, message } = riskAreaSaveError(error);
      setFailure(t(key, { message }));
    } finally {
      setSaving(false);
    }
  };

  const corners = polygon ? Math.max(0, (polygon.coordinates[0]?.length ?? 1) - 1) : 0;
  return (
    <section className="draw-panel" aria-labelledby="draw-panel-title" data-testid="draw-panel">
      <div className="draw-panel-head">
        <h2 id="draw-panel-title">{area ? `${t('edit')}: ${area.name}` : t('title')}</h2>
        <button type="button" className="button" onClick={onClose} data-testid="draw-close">
          {t('close')}
        </button>
      </div>
      <p className="draw-hint" role="status" data-testid="draw-hint">
        {polygon ? t('adjust') : t('hint')}
      </p>
      {area && !polygon && !editablePolygon(area.geometry) && <p className="draw-hint">{t('severalParts')}</p>}
      {polygon && <p data-testid="draw-size">{t('points', { count: corners, km2: format.number(Math.round(polygonKm2(polygon) * 100) / 100) })}</p>}
      {problem && (
        <p className="draw-error" role="alert" data-testid="draw-problem">
          {t(`check.${problem}`)}
        </p>
      )}
      {(polygon || area) && (
        <button type="button" className="button" onClick={redraw} data-testid="draw-again">
          {t('redraw')}
        </button>
      )}
      <TypedCorners polygon={polygon} onApply={applyCorners} />
      <form className="draw-form" onSubmit={(event) => void submit(event)} data-testid="risk-area-form">
        <label>
          {t('name')}
          <input value={name} onChange={(event) => setName(event.target.value)} required maxLength={200} data-testid="risk-name" />
        </label>
        <label>
          {t('category')}
          <select value={category} onChange={(event) => isCategory(event.target.value) && setCategory(event.target.value)} data-testid="risk-category">
            {RISK_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {tPanels(`riskCategory.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('severity')}
          <select value={severity} onChange={(event) => isSeverity(event.target.value) && setSeverity(event.target.value)} data-testid="risk-severity">
            {RISK_SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {tPanels(`severity.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('description')}
          <textarea value={description} onChange={(event) => setDescription(event.target.value)} rows={2} maxLength={4000} data-testid="risk-description" />
        </label>
        <label>
          {t('source')}
          <input value={source} onChange={(event) => setSource(event.target.value)} required maxLength={300} data-testid="risk-source" />
        </label>
        <label>
          {t('validFrom')}
          <input type="date" value={from} onChange={(event) => setFrom(event.target.value)} required data-testid="risk-valid-from" />
        </label>
        <label>
          {t('validTo')}
          <input type="date" value={to} min={from} onChange={(event) => setTo(event.target.value)} data-testid="risk-valid-to" />
        </label>
        {failure && (
          <p className="draw-error" role="alert" data-testid="draw-failure">
            {failure}
          </p>
        )}
        <button type="submit" className="button" disabled={saving || !polygon || problem !== null} data-testid="risk-save">
          {saving ? t('saving') : t('save')}
        </button>
      </form>
      {area && <RiskAreaVersions area={area} />}
    </section>
  );
}
