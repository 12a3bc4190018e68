// The briefing pages: the list (with the three meeting templates for a regency and a date), the
// builder (title, date, venue, audience, language; slides reordered, duplicated, deleted, titled,
// annotated, with panels), present mode, and the exports. Viewers and non-owners read and present.
import {
  BRIEFING_TEMPLATES,
  briefingFromTemplate,
  duplicateSlide,
  moveSlide,
  PANEL_KINDS,
  type Briefing,
  type BriefingContent,
  type BriefingTemplate,
  type Slide,
  type SlidePanel,
} from '@pantau/domain';
import { useCallback, useEffect, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getAreas, getMeta } from '../api/pantau-api.js';
import { dataOf, useApiRequest } from '../api/use-api-request.js';
import { pageHref } from '../auth/pages.js';
import { usePermissions, useSession } from '../auth/session-context.js';
import { UserMenu } from '../auth/user-menu.js';
import { LanguageSwitch } from '../controls/language-switch.js';
import { useFormat } from '../i18n/format.js';
import type { HistoryMode, ViewUpdate } from '../state/use-view-state.js';
import type { ViewState } from '../state/view-state.js';
import { addBriefingResources } from './briefing-locales.js';
import { briefingPdfUrl, createBriefing, deleteBriefing, getBriefing, listBriefings, saveBriefing } from './briefings-api.js';
import { OfflineControl, OfflineIndicator, OfflineMark } from './offline-control.js';
import { PresentMode } from './present-mode.js';
import { SlideFrame } from './slide-frame.js';
import { dashboardHref } from './slide-view.js';
import './briefing.css';
import { DateField } from '../controls/date-field.js';
import { followInApp } from '../ui/modifier-click.js';

export interface BriefingPageProps {
  view: ViewState;
  updateView(update: ViewUpdate, mode?: HistoryMode): void;
}

export default function BriefingPage(props: BriefingPageProps) {
  const { i18n } = useTranslation();
  addBriefingResources(i18n);
  return <BriefingPageContent {...props} />;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function BriefingPageContent({ view, updateView }: BriefingPageProps) {
  const { t } = useTranslation('briefing');
  const open = (event: MouseEvent<HTMLAnchorElement>, update: ViewUpdate) => followInApp(event, () => updateView(update));
  return (
    <div className="briefing-page">
      <header className="page-header">
        <div className="page-title">
          <h1>{t('title')}</h1>
        </div>
        <div className="page-status">
          <a
            className="header-button header-link"
            href={pageHref({ ...view, briefing: null, slide: null }, 'map')}
            onClick={(event) => open(event, { page: 'map', briefing: null, slide: null })}
            data-testid="back-to-map"
          >
            {t('backToMap')}
          </a>
          {view.briefing !== null && (
            <a
              className="header-button header-link"
              href={pageHref({ ...view, briefing: null, slide: null }, 'briefing')}
              onClick={(event) => open(event, { briefing: null, slide: null })}
            >
              {t('allBriefings')}
            </a>
          )}
          <LanguageSwitch lang={view.lang} onChange={(lang) => updateView({ lang })} />
          <UserMenu pageHref={(page) => pageHref(view, page)} onOpenPage={(page) => updateView({ page })} />
        </div>
      </header>
      <main className="briefing-main">
        <OfflineIndicator />
        {view.briefing === null ? (
          <BriefingList view={view} updateView={updateView} />
        ) : (
          <BriefingEditor key={view.briefing} id={view.briefing} view={view} updateView={updateView} />
        )}
      </main>
    </div>
  );
}

function BriefingList({ view, updateView }: BriefingPageProps) {
  const { t } = useTranslation('briefing');
  const format = useFormat();
  const permissions = usePermissions();
  const { session } = useSession();
  const list = useApiRequest('briefings', listBriefings);
  const meta = useApiRequest('meta', getMeta);
  const regencies = useApiRequest('regencies', (signal) => getAreas('regency', null, signal));
  const [area, setArea] = useState(view.region?.slice(0, 5) ?? session.user.scope.areaCodes?.[0]?.slice(0, 5) ?? '');
  const [date, setDate] = useState(view.asOf ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const today = dataOf(meta)?.today ?? '';
  const regencyList = dataOf(regencies) ?? [];

  const fromTemplate = async (template: BriefingTemplate) => {
    const regency = regencyList.find((item) => item.code === area.trim());
    if (!regency) {
      setError(t('errors.chooseRegency'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const content = briefingFromTemplate(template, { areaCode: regency.code, areaName: regency.name, date: date || today, lang: view.lang });
      const created = await createBriefing(content);
      updateView({ briefing: created.id, slide: null });
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="briefing-list">
      {permissions.lists && (
        <section className="briefing-new" aria-labelledby="briefing-new-title">
          <h2 id="briefing-new-title">{t('newFromTemplate')}</h2>
          <div className="briefing-form-row">
            <label>
              {t('regency')}
              <input list="briefing-regencies" value={area} onChange={(event) => setArea(event.target.value)} placeholder="19.04" data-testid="template-area" />
              <datalist id="briefing-regencies">
                {regencyList.map((item) => (
                  <option key={item.code} value={item.code}>
                    {item.name}
                  </option>
                ))}
              </datalist>
            </label>
            <span className="briefing-area-name" data-testid="template-area-name">
              {regencyList.find((item) => item.code === area.trim())?.name ?? ''}
            </span>
            <label>
              {t('date')}
              <DateField value={date || today} onChange={setDate} data-testid="template-date" />
            </label>
          </div>
          <div className="briefing-form-row">
            {BRIEFING_TEMPLATES.map((template) => (
              <button
                key={template}
                type="button"
                className="button"
                disabled={busy}
                onClick={() => void fromTemplate(template)}
                data-testid={`template-${template}`}
              >
                {t(`templates.${template}`)}
              </button>
            ))}
          </div>
          {error && (
            <p className="briefing-error" role="alert">
              {error}
            </p>
          )}
        </section>
      )}
      <section aria-labelledby="briefing-list-title">
        <h2 id="briefing-list-title">{t('list')}</h2>
        {list.status === 'error' && (
          <p className="briefing-error" role="alert">
            {messageOf(list.error)}
          </p>
        )}
        {dataOf(list)?.length === 0 && <p>{t('none')}</p>}
        <ul className="briefing-items">
          {(dataOf(list) ?? []).map((item) => (
            <li key={item.id}>
              <a
                href={pageHref({ ...view, briefing: item.id, slide: null }, 'briefing')}
                onClick={(event) => {
                  event.preventDefault();
                  updateView({ briefing: item.id, slide: null });
                }}
                data-testid="briefing-link"
              >
                {item.title}
              </a>
              <span className="briefing-meta">
                {format.date(item.date)} · {item.venue ? `${item.venue} · ` : ''}
                {t(`audiences.${item.audience}`)} · {t('slides', { count: item.slideCount })} · {item.canEdit ? t('yours') : item.ownerEmail}
              </span>
              <OfflineMark briefingId={item.id} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function BriefingEditor({ id, view, updateView }: { id: number } & BriefingPageProps) {
  const { t } = useTranslation('briefing');
  const loaded = useApiRequest(`briefing:${id}`, (signal) => getBriefing(id, signal));
  const meta = useApiRequest('meta', getMeta);
  const [draft, setDraft] = useState<Briefing | null>(null);
  const [dirty, setDirty] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [presenting, setPresenting] = useState(false);
  const answer = dataOf(loaded);
  useEffect(() => {
    if (answer) setDraft(answer.briefing);
  }, [answer]);
  const canEdit = answer?.canEdit ?? false;
  const demo = dataOf(meta)?.demo ?? false;
  const selected = Math.min(Math.max((view.slide ?? 1) - 1, 0), Math.max((draft?.slides.length ?? 1) - 1, 0));
  const selectSlide = useCallback((index: number) => updateView({ slide: index + 1 }, 'replace'), [updateView]);
  const exitPresent = useCallback(() => setPresenting(false), []);

  if (loaded.status === 'error')
    return (
      <p className="briefing-error" role="alert">
        {messageOf(loaded.error)}
      </p>
    );
  if (!draft) return <p>{t('loading')}</p>;

  const change = (update: Partial<BriefingContent>) => {
    setDraft({ ...draft, ...update });
    setDirty(true);
  };
  const changeSlide = (index: number, update: Partial<Slide>) =>
    change({ slides: draft.slides.map((slide, n) => (n === index ? { ...slide, ...update } : slide)) });
  const save = async () => {
    setStatus(t('saving'));
    try {
      const saved = await saveBriefing(id, draft);
      setDraft(saved);
      setDirty(false);
      setStatus(t('saved'));
    } catch (failure) {
      setStatus(messageOf(failure));
    }
  };
  const remove = async () => {
    if (!window.confirm(t('confirmDelete', { title: draft.title }))) return;
    try {
      await deleteBriefing(id);
      updateView({ briefing: null, slide: null });
    } catch (failure) {
      setStatus(messageOf(failure));
    }
  };
  const shareUrl = `${window.location.origin}${pageHref({ ...view, briefing: id, slide: null }, 'briefing')}`;
  const exportHref = (format: 'pptx' | 'html') => `/?page=briefing-print&briefing=${id}&lang=${draft.lang}#export=${format}`;
  const slide = draft.slides[selected];

  if (presenting && draft.slides.length > 0) {
    return <PresentMode briefing={draft} start={selected} demo={demo} onSlide={selectSlide} onExit={exitPresent} />;
  }
  return (
    <div className="briefing-editor" data-testid="briefing-editor">
      <section className="briefing-meta-form" aria-label={t('details')}>
        <label className="wide">
          {t('briefingTitle')}
          <input value={draft.title} readOnly={!canEdit} onChange={(event) => change({ title: event.target.value })} data-testid="briefing-title" />
        </label>
        <label>
          {t('date')}
          <DateField value={draft.date} readOnly={!canEdit} onChange={(date) => change({ date })} data-testid="briefing-date" />
        </label>
        <label>
          {t('venue')}
          <input value={draft.venue} readOnly={!canEdit} onChange={(event) => change({ venue: event.target.value })} data-testid="briefing-venue" />
        </label>
        <label>
          {t('audience')}
          <select
            value={draft.audience}
            disabled={!canEdit}
            onChange={(event) => change({ audience: event.target.value as Briefing['audience'] })}
            data-testid="briefing-audience"
          >
            <option value="mixed_agency">{t('audiences.mixed_agency')}</option>
            <option value="internal">{t('audiences.internal')}</option>
          </select>
        </label>
        <label>
          {t('language')}
          <select value={draft.lang} disabled={!canEdit} onChange={(event) => change({ lang: event.target.value as Briefing['lang'] })}>
            <option value="id">Bahasa Indonesia</option>
            <option value="en">English</option>
          </select>
        </label>
      </section>
      <div className="briefing-actions">
        <button type="button" className="button primary" onClick={() => setPresenting(true)} disabled={draft.slides.length === 0} data-testid="present-button">
          {t('present')}
        </button>
        {canEdit && (
          <button type="button" className="button" onClick={() => void save()} disabled={!dirty} data-testid="save-briefing">
            {dirty ? t('save') : t('saved')}
          </button>
        )}
        <a className="button" href={briefingPdfUrl(id)} data-testid="export-pdf">
          {t('exportPdf')}
        </a>
        <a className="button" href={exportHref('pptx')} target="_blank" rel="noopener" data-testid="export-pptx">
          {t('exportPptx')}
        </a>
        <a className="button" href={exportHref('html')} target="_blank" rel="noopener" data-testid="export-html">
          {t('exportHtml')}
        </a>
        <button
          type="button"
          className="button"
          onClick={() =>
            void navigator.clipboard?.writeText(shareUrl).then(
              () => setStatus(t('linkCopied')),
              () => setStatus(shareUrl),
            )
          }
          data-testid="share-link"
        >
          {t('share')}
        </button>
        {canEdit && (
          <button type="button" className="button danger" onClick={() => void remove()}>
            {t('delete')}
          </button>
        )}
        {!canEdit && (
          <span className="briefing-readonly" data-testid="read-only">
            {t('readOnly', { owner: draft.ownerEmail })}
          </span>
        )}
        {status && (
          <span role="status" className="briefing-status">
            {status}
          </span>
        )}
      </div>
      <OfflineControl briefing={draft} dirty={dirty} />
      <div className="briefing-workspace">
        <ol className="slide-list" aria-label={t('slideList')}>
          {draft.slides.map((item, index) => (
            <li key={item.id} className={index === selected ? 'selected' : ''} data-testid="slide-item">
              <button type="button" className="slide-pick" onClick={() => selectSlide(index)} aria-current={index === selected}>
                {index + 1}. {item.title || t('untitled')}
              </button>
              {canEdit && (
                <span className="slide-tools">
                  <button
                    type="button"
                    aria-label={t('moveUp')}
                    title={t('moveUp')}
                    disabled={index === 0}
                    onClick={() => {
                      change({ slides: moveSlide(draft.slides, index, index - 1) });
                      selectSlide(index - 1);
                    }}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    aria-label={t('moveDown')}
                    title={t('moveDown')}
                    disabled={index === draft.slides.length - 1}
                    onClick={() => {
                      change({ slides: moveSlide(draft.slides, index, index + 1) });
                      selectSlide(index + 1);
                    }}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    aria-label={t('duplicate')}
                    title={t('duplicate')}
                    onClick={() => {
                      change({ slides: duplicateSlide(draft.slides, index) });
                      selectSlide(index + 1);
                    }}
                    data-testid="duplicate-slide"
                  >
                    ⧉
                  </button>
                  <button
                    type="button"
                    aria-label={t('deleteSlide')}
                    title={t('deleteSlide')}
                    onClick={() => {
                      change({ slides: draft.slides.filter((_, n) => n !== index) });
                      selectSlide(Math.max(index - 1, 0));
                    }}
                    data-testid="delete-slide"
                  >
                    ✕
                  </button>
                </span>
              )}
            </li>
          ))}
        </ol>
        {slide ? (
          <div className="slide-editor">
            {canEdit && (
              <div className="slide-fields">
                <label className="wide">
                  {t('slideTitle')}
                  <input value={slide.title} onChange={(event) => changeSlide(selected, { title: event.target.value })} data-testid="slide-title-input" />
                </label>
                <label className="wide">
                  {t('note')}
                  <textarea value={slide.note} rows={3} onChange={(event) => changeSlide(selected, { note: event.target.value })} />
                </label>
                <fieldset>
                  <legend>{t('panelsLabel')}</legend>
                  {PANEL_KINDS.map((kind) => (
                    <label key={kind} className="inline">
                      <input
                        type="checkbox"
                        checked={slide.panels.some((panel) => panel.kind === kind)}
                        onChange={(event) =>
                          changeSlide(selected, {
                            panels: event.target.checked ? [...slide.panels, defaultPanel(kind)] : slide.panels.filter((panel) => panel.kind !== kind),
                          })
                        }
                      />
                      {t(`panels.${kind}`)}
                    </label>
                  ))}
                  {draft.audience === 'internal' && slide.panels.some((panel) => panel.kind === 'operations') && (
                    <label className="inline">
                      <input
                        type="checkbox"
                        checked={slide.panels.some((panel) => panel.kind === 'operations' && panel.findings)}
                        onChange={(event) =>
                          changeSlide(selected, {
                            panels: slide.panels.map((panel) => (panel.kind === 'operations' ? { ...panel, findings: event.target.checked } : panel)),
                          })
                        }
                      />
                      {t('showFindings')}
                    </label>
                  )}
                </fieldset>
              </div>
            )}
            {!canEdit && slide.note && <p className="slide-note">{slide.note}</p>}
            <a href={dashboardHref(slide.view, view.lang)} className="slide-open-map">
              {t('openOnMap')}
            </a>
            <div className="slide-preview" data-testid="slide-preview">
              <SlideFrame
                key={`${slide.id}:${JSON.stringify(slide.view)}`}
                slide={slide}
                number={selected + 1}
                count={draft.slides.length}
                date={draft.date}
                demo={demo}
              />
            </div>
          </div>
        ) : (
          <p>{t('noSlides')}</p>
        )}
      </div>
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
