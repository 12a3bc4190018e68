import { PERMIT_PURPOSES, PERMIT_TYPES } from '@pantau/domain';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoverageGapItem } from '../api/planning-maps-api.js';
import type { SearchCompany } from '@pantau/domain';
import { permittedOverlays } from '../auth/permissions.js';
import { useNationalScope, usePermissions } from '../auth/session-context.js';
import { hotSpotsNeedArea } from '../map/tile-urls.js';
import type { RouteUpdate } from '../state/navigation.js';
import { MAP_LEVELS, MEASURES, type MapContext, type MapLevel } from '../state/view-state.js';
import { CompanyFilter } from './company-filter.js';
import { CoverageGapList } from './coverage-gap-list.js';
import { LayerList } from './layer-list.js';
import { NationalitySelect } from './nationality-select.js';
import { DateField } from './date-field.js';

export interface SidebarProps {
  view: MapContext;
  /** The level shown when the user has not chosen one (drill-down or zoom). */
  autoLevel: MapLevel;
  onChange(update: RouteUpdate<'map'>): void;
  onSelectCompany(company: SearchCompany): void;
  /** A coverage gap chosen in the list: the map flies there. */
  onFlyToGap?(item: CoverageGapItem): void;
  /** The person search (issue 20), for roles allowed personal data; null for the others. */
  personSearch?: ReactNode;
}

function toggled<T>(values: readonly T[], value: T, on: boolean): T[] {
  return on ? [...values, value] : values.filter((candidate) => candidate !== value);
}

/** Everything that decides what the map shows: level and measure, filters, dates, layers. */
export function Sidebar({ view, autoLevel, onChange, onSelectCompany, onFlyToGap, personSearch }: SidebarProps) {
  const { t } = useTranslation();
  const { t: tMap } = useTranslation('map');
  const id = useId();
  const permissions = usePermissions();
  const nationalScope = useNationalScope();
  const hasFilters =
    view.permitTypes.length + view.nationalities.length + view.purposes.length > 0 || view.from !== null || view.to !== null || view.asOf !== null;

  return (
    <div className="sidebar-content">
      {personSearch && <div className="field-group">{personSearch}</div>}
      <fieldset className="field-group">
        <legend>{tMap('level.label')}</legend>
        <div className="segmented" data-testid="level-control">
          {[null, ...MAP_LEVELS].map((level) => (
            <label key={level ?? 'auto'} className="segment">
              <input
                type="radio"
                name={`${id}-level`}
                checked={view.level === level}
                onChange={() => onChange({ level })}
                data-testid={`level-${level ?? 'auto'}`}
              />
              <span>{level === null ? tMap('level.auto') : tMap(`level.${level}`)}</span>
            </label>
          ))}
        </div>
        {view.level === null && (
          <p className="field-hint">
            {tMap('level.autoHint')}: <strong>{tMap(`level.${autoLevel}`)}</strong>
          </p>
        )}
      </fieldset>

      <fieldset className="field-group">
        <legend>{tMap('measure.label')}</legend>
        <div className="segmented">
          {MEASURES.map((measure) => (
            <label key={measure} className="segment">
              <input
                type="radio"
                name={`${id}-measure`}
                checked={view.measure === measure}
                onChange={() => onChange({ measure })}
                data-testid={`measure-${measure}`}
              />
              <span>{tMap(`measure.${measure}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <LayerList
        layers={view.layers}
        available={permittedOverlays(permissions)}
        onChange={(layers) => onChange({ layers })}
        hotSpotsNeedArea={hotSpotsNeedArea({ region: view.region }, nationalScope)}
      />
      {view.layers.includes('gaps') && permissions.lists && onFlyToGap && <CoverageGapList area={view.region} asOf={view.asOf} onFlyTo={onFlyToGap} />}

      <h2 className="sidebar-heading">{t('filters.title')}</h2>

      <fieldset className="field-group">
        <legend>{t('filters.permitType')}</legend>
        <div className="check-row">
          {PERMIT_TYPES.map((type) => (
            <label key={type} className="check">
              <input
                type="checkbox"
                checked={view.permitTypes.includes(type)}
                onChange={(event) => onChange({ permitTypes: toggled(view.permitTypes, type, event.target.checked) })}
              />
              <span>{t(`filters.permitTypes.${type}`)}</span>
            </label>
          ))}
        </div>
        {view.permitTypes.length === 0 && <p className="field-hint">{t('filters.permitTypeHint')}</p>}
      </fieldset>

      <NationalitySelect selected={view.nationalities} onChange={(nationalities) => onChange({ nationalities })} />

      <fieldset className="field-group">
        <legend>{t('filters.purpose')}</legend>
        <div className="check-column">
          {PERMIT_PURPOSES.map((purpose) => (
            <label key={purpose} className="check">
              <input
                type="checkbox"
                checked={view.purposes.includes(purpose)}
                onChange={(event) => onChange({ purposes: toggled(view.purposes, purpose, event.target.checked) })}
              />
              <span>{t(`filters.purposes.${purpose}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>

      {permissions.lists && <CompanyFilter onSelect={onSelectCompany} />}

      <fieldset className="field-group">
        <legend>{t('filters.dates')}</legend>
        <div className="field">
          <label htmlFor={`${id}-asof`}>{t('filters.asOf')}</label>
          <DateField id={`${id}-asof`} value={view.asOf ?? ''} onChange={(asOf) => onChange({ asOf: asOf || null })} data-testid="filter-asof" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-compare`}>{t('filters.compare')}</label>
          <DateField
            id={`${id}-compare`}
            value={view.compare ?? ''}
            onChange={(compare) => onChange({ compare: compare || null })}
            data-testid="filter-compare"
          />
        </div>
        <p className="field-label">{t('filters.period')}</p>
        <div className="date-pair">
          <div className="field">
            <label htmlFor={`${id}-from`}>{t('filters.from')}</label>
            <DateField
              id={`${id}-from`}
              value={view.from ?? ''}
              max={view.to ?? undefined}
              onChange={(from) => onChange({ from: from || null })}
              data-testid="filter-from"
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>{t('filters.to')}</label>
            <DateField
              id={`${id}-to`}
              value={view.to ?? ''}
              min={view.from ?? undefined}
              onChange={(to) => onChange({ to: to || null })}
              data-testid="filter-to"
            />
          </div>
        </div>
      </fieldset>

      {hasFilters && (
        <button
          type="button"
          className="button"
          onClick={() => onChange({ permitTypes: [], nationalities: [], purposes: [], from: null, to: null, asOf: null })}
        >
          {t('filters.reset')}
        </button>
      )}
    </div>
  );
}
