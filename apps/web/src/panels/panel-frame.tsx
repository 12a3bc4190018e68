import { useId, type ReactNode } from 'react';
import { DemoMarker } from './panel-parts.js';
import { usePanelText } from './use-panel-format.js';

export interface PanelFrameProps {
  /** What is shown: "Kabupaten/Kota", "Operasi gabungan", … */
  kindLabel: string;
  title: string;
  /** Under the title: the parent areas, a date. */
  subtitle?: ReactNode;
  /** The record's origin: a demo record carries the DEMO marker beside its kind. */
  origin?: string;
  onClose(): void;
  children: ReactNode;
}

/**
 * Title, close button and a body that scrolls inside the panel. The body takes focus so keyboard
 * users can scroll it; Escape anywhere in the panel closes it.
 */
export function PanelFrame({ kindLabel, title, subtitle, origin, onClose, children }: PanelFrameProps) {
  const { t } = usePanelText();
  const headingId = useId();
  return (
    <section
      className="panel"
      aria-labelledby={headingId}
      data-testid="detail-panel"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <header className="panel-header">
        <div className="panel-heading">
          <p className="panel-kind">
            {kindLabel}
            {origin && (
              <>
                {' '}
                <DemoMarker origin={origin} />
              </>
            )}
          </p>
          <h2 id={headingId} className="panel-title">
            {title}
          </h2>
          {subtitle}
        </div>
        <button type="button" className="panel-close" onClick={onClose} aria-label={t('panel.close')} title={t('panel.close')}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <div className="panel-body" tabIndex={0} role="region" aria-label={t('panel.content')}>
        {children}
      </div>
    </section>
  );
}

/** One titled block of the panel body (h3). */
export function PanelBlock({
  title,
  note,
  demo,
  className,
  testId,
  children,
}: {
  title: string;
  note?: string;
  /** Marks the block's figures as demo data beside its title, where a screenshot cannot miss it. */
  demo?: boolean;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section className={`panel-block${className ? ` ${className}` : ''}`} aria-labelledby={headingId} data-testid={testId}>
      <h3 id={headingId} className="panel-block-title">
        {title}
        {note && <span className="panel-block-note"> {note}</span>}
        {demo && (
          <>
            {' '}
            <DemoMarker origin="demo" />
          </>
        )}
      </h3>
      {children}
    </section>
  );
}
