// Drawing a risk area on the main map (issue 22), loaded only when the tool opens: terra-draw (with its
// MapLibre adapter) and turf stay out of the first page load. The officer clicks the corners, closes the
// polygon on the first corner (or with Enter), may drag corners to adjust it, and fills in the form; the
// drawing is checked here first (turf: not crossing itself, not too small) and then by the API, whose
// refusals (422) are shown in words. Given an existing area, its outline is loaded for changing instead
// (PATCH, the API keeps the old outline as a version), with its versions listed. Without a mouse, the
// corners can be typed or pasted as `lat, lng` lines instead; they get the same checks.
import { RISK_CATEGORIES, RISK_SEVERITIES, type RiskAreaAnswer, type RiskCategory, type RiskSeverity } from '@pantau/domain';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TerraDraw, TerraDrawPolygonMode, TerraDrawSelectMode, type GeoJSONStoreFeatures } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { dataOf, useApiRequest } from '../api/use-api-request.js';
import { useFormat } from '../i18n/format.js';
import en from '../i18n/locales/en/riskdraw.json';
import id from '../i18n/locales/id/riskdraw.json';
import { drawnGeometryProblem, editablePolygon, polygonAsText, polygonKm2, typedPolygon, type Polygon } from './drawn-geometry.js';
import { createRiskArea, getRiskArea, getRiskAreaVersions, updateRiskArea } from './risk-areas-api.js';
import { riskAreaSaveError } from './save-error.js';
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

const polygonOf = (feature: GeoJSONStoreFeatures | undefined): Polygon | null =>
  feature?.geometry.type === 'Polygon' ? { type: 'Polygon', coordinates: feature.geometry.coordinates } : null;

/** Puts a polygon on the drawing, ready to adjust; its id, or null when terra-draw refuses the shape (the checks below say why). */
function showPolygon(draw: TerraDraw, polygon: Polygon): string | number | null {
  const [added] = draw.addFeatures([{ type: 'Feature', geometry: polygon, properties: { mode: 'polygon' } }]);
  if (!added?.valid || added.id === undefined) return null;
  draw.setMode('select');
  draw.selectFeature(added.id);
  return added.id;
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
  const drawRef = useRef<TerraDraw | null>(null);
  const featureIdRef = useRef<string | number | null>(null);
  const [polygon, setPolygon] = useState<Polygon | null>(null);
  const [name, setName] = useState(area?.name ?? '');
  const [category, setCategory] = useState<RiskCategory>(area && isCategory(area.category) ? area.category : 'illegal_work');
  const [severity, setSeverity] = useState<RiskSeverity>(area && isSeverity(area.severity) ? area.severity : 'medium');
  const [description, setDescription] = useState(area?.description ?? '');
  const [source, setSource] = useState(area?.source ?? t('sourceDefault'));
  const [from, setFrom] = useState(area?.validFrom ?? validFrom);
  const [to, setTo] = useState(area?.validTo ?? '');
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const versions = useApiRequest(area ? `risk-areas:versions:${area.id}:${area.version}` : null, (signal) => getRiskAreaVersions(area?.id ?? 0, signal));

  useEffect(() => {
    const draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map }),
      modes: [
        new TerraDrawPolygonMode(),
        new TerraDrawSelectMode({
          flags: { polygon: { feature: { coordinates: { draggable: true, midpoints: true, deletable: true } } } },
        }),
      ],
    });
    drawRef.current = draw;
    const readDrawing = (ids: ReadonlyArray<string | number>) => {
      const current = featureIdRef.current;
      if (current === null || !ids.includes(current)) return;
      setPolygon(polygonOf(draw.getSnapshotFeature(current)));
    };
    draw.on('finish', (featureId, context) => {
      featureIdRef.current = featureId;
      setPolygon(polygonOf(draw.getSnapshotFeature(featureId)));
      // Once closed, the corners can be dragged (and a midpoint dragged adds one).
      if (context.action === 'draw') {
        draw.setMode('select');
        draw.selectFeature(featureId);
      }
    });
    draw.on('change', (ids) => readDrawing(ids));
    draw.start();
    const saved = editablePolygon(area?.geometry);
    const shown = saved ? showPolygon(draw, saved) : null;
    if (shown !== null) {
      featureIdRef.current = shown;
      setPolygon(polygonOf(draw.getSnapshotFeature(shown)));
    } else draw.setMode('polygon');
    return () => {
      drawRef.current = null;
      draw.stop();
    };
  }, [map, area]);

  const redraw = () => {
    const draw = drawRef.current;
    if (!draw) return;
    draw.clear();
    featureIdRef.current = null;
    setPolygon(null);
    setFailure(null);
    draw.setMode('polygon');
  };

  // Corners typed or pasted, one `lat, lng` per line: replace the drawing, which the map then shows to adjust.
  const [cornerText, setCornerText] = useState('');
  const [badLine, setBadLine] = useState<number | null>(null);
  const applyCorners = () => {
    const typed = typedPolygon(cornerText);
    if ('badLine' in typed) {
      setBadLine(typed.badLine);
      return;
    }
    setBadLine(null);
    setFailure(null);
    const draw = drawRef.current;
    if (draw) {
      draw.clear();
      featureIdRef.current = showPolygon(draw, typed.polygon);
      if (featureIdRef.current === null) draw.setMode('polygon');
    }
    // Kept even when the map refuses the shape (a crossing outline), so the check below names the problem.
    setPolygon(typed.polygon);
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
      <details className="draw-typed" onToggle={(event) => event.currentTarget.open && polygon && cornerText === '' && setCornerText(polygonAsText(polygon))}>
        <summary>{t('typed.open')}</summary>
        <label>
          {t('typed.label')}
          <textarea
            value={cornerText}
            onChange={(event) => setCornerText(event.target.value)}
            rows={5}
            placeholder={'-2.54000, 106.39000\n-2.54000, 106.49000\n-2.44000, 106.49000'}
            aria-invalid={badLine !== null}
            aria-describedby="draw-typed-hint"
            data-testid="draw-corners"
          />
        </label>
        <p id="draw-typed-hint" className={badLine === null ? 'draw-hint' : 'draw-error'} role={badLine === null ? undefined : 'alert'}>
          {badLine === null ? t('typed.hint') : t('typed.badLine', { line: badLine })}
        </p>
        <button type="button" className="button" onClick={applyCorners} data-testid="draw-corners-apply">
          {t('typed.apply')}
        </button>
      </details>
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
      {area && (dataOf(versions)?.items.length ?? 0) > 0 && (
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
      )}
    </section>
  );
}
