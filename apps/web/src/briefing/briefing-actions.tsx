// The builder's buttons: present, save, the PDF, PPTX and HTML exports, the share link, delete, and the save or share status.
import type { Briefing } from '@pantau/domain';
import { useTranslation } from 'react-i18next';
import { useRouter } from '../state/router.js';
import { briefingPdfUrl } from './briefings-api.js';

export function BriefingActions({
  id,
  briefing,
  canEdit,
  dirty,
  status,
  onPresent,
  onSave,
  onRemove,
  onStatus,
}: {
  id: number;
  briefing: Briefing;
  canEdit: boolean;
  dirty: boolean;
  status: string | null;
  onPresent(): void;
  onSave(): Promise<void>;
  onRemove(): Promise<void>;
  onStatus(status: string): void;
}) {
  const { t } = useTranslation('briefing');
  const { href } = useRouter();
  const shareUrl = `${window.location.origin}${href({ page: 'briefing', briefing: id })}`;
  const exportHref = (format: 'pptx' | 'html') => `/?page=briefing-print&briefing=${id}&lang=${briefing.lang}#export=${format}`;
  return (
    <div className="briefing-actions">
      <button type="button" className="button primary" onClick={onPresent} disabled={briefing.slides.length === 0} data-testid="present-button">
        {t('present')}
      </button>
      {canEdit && (
        <button type="button" className="button" onClick={() => void onSave()} disabled={!dirty} data-testid="save-briefing">
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
            () => onStatus(t('linkCopied')),
            () => onStatus(shareUrl),
          )
        }
        data-testid="share-link"
      >
        {t('share')}
      </button>
      {canEdit && (
        <button type="button" className="button danger" onClick={() => void onRemove()}>
          {t('delete')}
        </button>
      )}
      {!canEdit && (
        <span className="briefing-readonly" data-testid="read-only">
          {t('readOnly', { owner: briefing.ownerEmail })}
        </span>
      )}
      {status && (
        <span role="status" className="briefing-status">
          {status}
        </span>
      )}
    </div>
  );
}
