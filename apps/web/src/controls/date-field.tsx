// The one date field of the app: shows the day in the UI's language ("13 Juni 2024"), accepts a typed
// day-first date or ISO (see date-text.ts), and opens a calendar from its button. A native
// <input type=date> shows and reads the browser's locale (mm/dd/yyyy on an English browser), whatever
// the app's language; here only its calendar pop-up is used, and what it returns is ISO.
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.js';
import { parseDateText } from './date-text.js';

export interface DateFieldProps {
  /** `YYYY-MM-DD`, or '' for none. */
  value: string;
  /** The ISO day typed or picked; '' when the field was emptied. */
  onChange(value: string): void;
  id?: string;
  min?: string | undefined;
  max?: string | undefined;
  disabled?: boolean;
  readOnly?: boolean;
  required?: boolean;
  'data-testid'?: string;
  'aria-label'?: string;
}

export function DateField({ value, onChange, id, min, max, disabled, readOnly, required, 'data-testid': testId, 'aria-label': ariaLabel }: DateFieldProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const shown = value ? format.date(value) : '';
  const [text, setText] = useState(shown);
  const [editing, setEditing] = useState(false);
  const pickerRef = useRef<HTMLInputElement>(null);
  const textRef = useRef<HTMLInputElement>(null);
  // Whether the user typed since the field got focus: only then does leaving it commit its text.
  const typedRef = useRef(false);
  // A value set from outside (a link, the calendar, another control) replaces what is shown, unless the
  // user is typing. Focus is read from the document too: an effect of a render from before the focus
  // event (a default date arriving) must not replace text being typed.
  useEffect(() => {
    if (!editing && document.activeElement !== textRef.current) setText(shown);
  }, [shown, editing]);

  const parsed = text.trim() === '' ? '' : parseDateText(text);
  const outOfRange = parsed !== null && parsed !== '' && ((min !== undefined && parsed < min) || (max !== undefined && parsed > max));
  const invalid = parsed === null || outOfRange;

  const onText = (event: ChangeEvent<HTMLInputElement>) => {
    const next = event.target.value;
    typedRef.current = true;
    setText(next);
    const day = next.trim() === '' ? '' : parseDateText(next);
    if (day === null) return;
    if (day !== '' && ((min !== undefined && day < min) || (max !== undefined && day > max))) return;
    if (day !== value) onChange(day);
  };

  const openCalendar = () => {
    const picker = pickerRef.current;
    if (!picker) return;
    try {
      picker.showPicker();
    } catch {
      // Without showPicker (older browsers), focusing the hidden input is the fallback.
      picker.focus();
    }
  };

  return (
    <span className={`date-field${invalid ? ' date-field-invalid' : ''}`}>
      <input
        ref={textRef}
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        className="date-field-text"
        value={text}
        placeholder={t('dateField.placeholder')}
        title={invalid ? t('dateField.invalid') : t('dateField.hint')}
        aria-invalid={invalid || undefined}
        aria-label={ariaLabel}
        disabled={disabled}
        readOnly={readOnly}
        required={required}
        onChange={onText}
        onFocus={() => {
          typedRef.current = false;
          setEditing(true);
        }}
        onBlur={() => {
          setEditing(false);
          const typed = typedRef.current;
          typedRef.current = false;
          // Focused and left without typing: a value that arrived meanwhile (a default date) is shown,
          // never overwritten by the text it replaced.
          if (!typed) {
            setText(shown);
            return;
          }
          if (invalid) return;
          setText(parsed ? format.date(parsed) : '');
          // A day typed while the field's value moved under it (a default date arriving) is committed
          // when the field is left, so what the field shows is what the form uses.
          if (parsed !== value) onChange(parsed);
        }}
        data-testid={testId}
        data-value={value}
      />
      <button
        type="button"
        className="date-field-calendar"
        onClick={openCalendar}
        disabled={disabled || readOnly}
        aria-label={t('dateField.calendar')}
        title={t('dateField.calendar')}
        data-testid={testId ? `${testId}-calendar` : undefined}
      >
        📅
      </button>
      <input
        ref={pickerRef}
        type="date"
        className="date-field-picker"
        tabIndex={-1}
        aria-hidden="true"
        value={value}
        min={min}
        max={max}
        onChange={(event) => {
          if (event.target.value) onChange(event.target.value);
        }}
      />
    </span>
  );
}
