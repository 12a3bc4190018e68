// The sign-in page: e-mail and password, the API's refusals in plain words (with the wait of a rate
// limit counted down), the language switch, and what the installation holds.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../controls/language-switch.js';
import type { Lang } from '../i18n/languages.js';
import { useApiRequest } from '../api/use-api-request.js';
import { getDemoFlag, getSession, signIn } from './auth-api.js';
import type { Session } from './session.js';
import { normaliseEmail, secondsLeft, signInProblemOf, splitWait, type SignInProblem } from './sign-in-errors.js';

/** Why the sign-in page is shown, when it is not the first visit. */
export type SignInNotice = { kind: 'expired' } | { kind: 'signed-out' } | { kind: 'error'; error: unknown };

export interface SignInPageProps {
  lang: Lang;
  onLangChange(lang: Lang): void;
  notice: SignInNotice | null;
  onSignedIn(session: Session): void;
}

type AccessT = ReturnType<typeof useTranslation<'access'>>['t'];

/** "42 detik", "14 menit 59 detik". */
function waitText(t: AccessT, totalSeconds: number): string {
  const { minutes, seconds } = splitWait(totalSeconds);
  return minutes > 0 ? t('signIn.wait.minutes', { minutes, seconds }) : t('signIn.wait.seconds', { seconds });
}

/** Now, ticking every second while `active`. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [active]);
  return now;
}

export function SignInPage({ lang, onLangChange, notice, onSignedIn }: SignInPageProps) {
  const { t } = useTranslation('access');
  const { t: tCommon } = useTranslation();
  const id = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<SignInProblem | null>(notice?.kind === 'error' ? signInProblemOf(notice.error, Date.now()) : null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);

  const demoFlag = useApiRequest('sign-in-demo', getDemoFlag);
  // Unknown (the health check does not say, or does not answer): the note is worded for both cases.
  const demo = demoFlag.status === 'ok' ? demoFlag.data : demoFlag.status === 'error' ? null : false;
  const rateLimited = problem?.kind === 'rate_limited';
  const now = useNow(rateLimited);
  const waitSeconds = problem?.kind === 'rate_limited' ? secondsLeft(problem.retryAt, now) : 0;

  useEffect(() => {
    document.title = `${t('signIn.submit')} — Pantau`;
    return () => {
      document.title = 'Pantau';
    };
  }, [t]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || waitSeconds > 0) return;
    const address = normaliseEmail(email);
    if (address === '' || password === '') {
      setProblem({ kind: 'missing' });
      (address === '' ? emailRef : passwordRef).current?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await signIn(address, password);
      const session = await getSession();
      if (!session) {
        setProblem({ kind: 'no_cookie' });
        return;
      }
      onSignedIn(session);
    } catch (error) {
      setProblem(signInProblemOf(error, Date.now()));
      setPassword('');
      passwordRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const errorId = `${id}-error`;
  const noticeText = notice?.kind === 'expired' ? t('signIn.expired') : notice?.kind === 'signed-out' ? t('signIn.signedOut') : null;

  return (
    <div className="signin-page">
      <header className="page-header">
        <div className="page-title">
          <h1>{tCommon('title')}</h1>
          <p className="page-subtitle signin-subtitle">{tCommon('subtitle')}</p>
        </div>
        <div className="page-status">
          <LanguageSwitch lang={lang} onChange={onLangChange} />
        </div>
      </header>
      <main className="signin-main">
        <section className="signin-card" aria-labelledby={`${id}-title`} data-testid="sign-in-page">
          <h2 id={`${id}-title`} className="signin-title">
            {t('signIn.title')}
          </h2>
          <p className="signin-lead">{t('signIn.lead')}</p>
          {noticeText && (
            <p className="signin-notice" role="status" data-testid="sign-in-notice">
              {noticeText}
            </p>
          )}
          <form className="signin-form" onSubmit={(event) => void submit(event)} noValidate aria-describedby={problem ? errorId : undefined}>
            <div className="field">
              <label htmlFor={`${id}-email`}>{t('signIn.email')}</label>
              <input
                ref={emailRef}
                id={`${id}-email`}
                name="email"
                type="email"
                inputMode="email"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
                autoFocus
                value={email}
                onChange={(event) => setEmail(event.target.value)}
                aria-invalid={problem?.kind === 'invalid_credentials' || (problem?.kind === 'missing' && normaliseEmail(email) === '')}
                data-testid="sign-in-email"
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-password`}>{t('signIn.password')}</label>
              <input
                ref={passwordRef}
                id={`${id}-password`}
                name="password"
                type={showPassword ? 'text' : 'password'}
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                aria-invalid={problem?.kind === 'invalid_credentials' || (problem?.kind === 'missing' && password === '')}
                data-testid="sign-in-password"
              />
            </div>
            <label className="check signin-show">
              <input type="checkbox" checked={showPassword} onChange={(event) => setShowPassword(event.target.checked)} />
              <span>{t('signIn.showPassword')}</span>
            </label>
            {problem && (
              <div className="signin-error" role="alert" id={errorId} data-testid="sign-in-error" data-code={problem.kind}>
                <strong>{t('signIn.errors.title')}</strong>
                <p>
                  <ProblemText problem={problem} waitSeconds={waitSeconds} />
                </p>
              </div>
            )}
            <button type="submit" className="button button-primary signin-submit" disabled={busy || waitSeconds > 0} data-testid="sign-in-submit">
              {busy ? t('signIn.busy') : waitSeconds > 0 ? t('signIn.waiting', { wait: waitText(t, waitSeconds) }) : t('signIn.submit')}
            </button>
          </form>
          <p className="signin-restricted">{t('signIn.restricted')}</p>
        </section>
        {demo !== false && (
          <aside className="signin-demo" aria-labelledby={`${id}-demo`} data-testid="sign-in-demo">
            <h2 id={`${id}-demo`} className="signin-demo-title">
              {demo && <span className="demo-badge">{tCommon('demoBadge')}</span>} {t('signIn.demoTitle')}
            </h2>
            <p>{demo ? t('signIn.demoNote') : t('signIn.demoMaybe')}</p>
          </aside>
        )}
      </main>
    </div>
  );
}

function ProblemText({ problem, waitSeconds }: { problem: SignInProblem; waitSeconds: number }) {
  const { t } = useTranslation('access');
  switch (problem.kind) {
    case 'rate_limited':
      // Screen readers hear the wait once; the countdown on screen ticks without being read out each second.
      return waitSeconds > 0 ? (
        <>
          <span className="visually-hidden">{t('signIn.errors.rate_limited', { wait: waitText(t, problem.seconds) })}</span>
          <span aria-hidden="true" data-testid="sign-in-wait" data-seconds={waitSeconds}>
            {t('signIn.errors.rate_limited', { wait: waitText(t, waitSeconds) })}
          </span>
        </>
      ) : (
        <>{t('signIn.errors.rate_limited_over')}</>
      );
    case 'other':
      return <>{t('signIn.errors.other', { message: problem.message })}</>;
    default:
      return <>{t(`signIn.errors.${problem.kind}`)}</>;
  }
}
