// A password generated or reset, shown once right after the change.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface ShownPassword {
  kind: 'created' | 'reset';
  email: string;
  password: string;
}

/** A password shown once: copy it now, it is not stored anywhere the page can read again. */
export function PasswordNotice({ shown, onDone }: { shown: ShownPassword; onDone(): void }) {
  const { t } = useTranslation('admin');
  const [copied, setCopied] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [shown]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(shown.password);
      setCopied(true);
    } catch {
      // No clipboard (plain HTTP, or refused): the password stays selectable on screen.
      setCopied(false);
    }
  };
  return (
    <section className="password-notice" aria-labelledby="password-notice-title" data-testid="password-notice">
      <h3 id="password-notice-title" ref={headingRef} tabIndex={-1}>
        {shown.kind === 'created' ? t('password.createdTitle', { email: shown.email }) : t('password.resetTitle', { email: shown.email })}
      </h3>
      <p className="password-value">
        <code data-testid="new-password">{shown.password}</code>
        <button type="button" className="button admin-small" onClick={() => void copy()}>
          {copied ? t('password.copied') : t('password.copy')}
        </button>
      </p>
      <p>{t('password.note')}</p>
      <button type="button" className="button" onClick={onDone} data-testid="password-done">
        {t('password.done')}
      </button>
    </section>
  );
}
