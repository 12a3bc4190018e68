// The page behind the sign-in: asks the API who is signed in, shows the sign-in page when nobody is
// (or when any API call later answers 401), and the app once somebody is. The URL is left alone, so
// after signing in the app opens the view the link named.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { onUnauthenticated } from '../api/api-client.js';
import { forgetApiAnswers } from '../api/use-api-request.js';
import type { Lang } from '../i18n/languages.js';
import { clearOfflineCopies, forgetOtherAccountsCopies } from '../offline/offline-copies.js';
import { getSession, signOut, signOutEverywhere } from './auth-api.js';
import type { Session } from './session.js';
import { SessionContext, type SessionContextValue } from './session-context.js';
import { SignInPage, type SignInNotice } from './sign-in-page.js';
import './access.css';

type GateState = { status: 'checking' } | { status: 'signed-out'; notice: SignInNotice | null } | { status: 'signed-in'; session: Session };

export interface AuthGateProps {
  lang: Lang;
  onLangChange(lang: Lang): void;
  children: ReactNode;
}

export function AuthGate({ lang, onLangChange, children }: AuthGateProps) {
  const [state, setState] = useState<GateState>({ status: 'checking' });
  const stateRef = useRef(state);
  stateRef.current = state;

  useEffect(() => {
    const controller = new AbortController();
    getSession(controller.signal).then(
      (session) => setState(session ? { status: 'signed-in', session } : { status: 'signed-out', notice: null }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'signed-out', notice: { kind: 'error', error } });
      },
    );
    return () => controller.abort();
  }, []);

  // Any 401 later on (an expired or ended session) brings the sign-in page back.
  useEffect(
    () =>
      onUnauthenticated(() => {
        if (stateRef.current.status !== 'signed-in') return;
        forgetApiAnswers();
        setState({ status: 'signed-out', notice: { kind: 'expired' } });
      }),
    [],
  );

  // Offline copies hold what this account may read: they go before the session does, so even a
  // sign-out that cannot reach the server leaves none behind. The answers cached in memory go too.
  const end = useCallback(async (call: () => Promise<void>) => {
    await clearOfflineCopies();
    await call();
    forgetApiAnswers();
    setState({ status: 'signed-out', notice: { kind: 'signed-out' } });
  }, []);

  // Copies another account stored on this browser are removed as soon as someone else is signed in.
  const userId = state.status === 'signed-in' ? state.session.user.id : null;
  useEffect(() => {
    if (userId !== null) forgetOtherAccountsCopies(userId).catch((error: unknown) => console.error(error));
  }, [userId]);

  const context = useMemo<SessionContextValue | null>(
    () => (state.status === 'signed-in' ? { session: state.session, signOut: () => end(signOut), signOutEverywhere: () => end(signOutEverywhere) } : null),
    [state, end],
  );

  if (state.status === 'checking') return <SessionCheck />;
  if (state.status === 'signed-out' || !context) {
    return (
      <SignInPage
        lang={lang}
        onLangChange={onLangChange}
        notice={state.status === 'signed-out' ? state.notice : null}
        onSignedIn={(session) => {
          // Answers cached for whoever used this page before are not this account's to see.
          forgetApiAnswers();
          setState({ status: 'signed-in', session });
        }}
      />
    );
  }
  // Keyed by the user: signing in as someone else starts the app afresh.
  return (
    <SessionContext.Provider value={context} key={context.session.user.id}>
      {children}
    </SessionContext.Provider>
  );
}

function SessionCheck() {
  const { t } = useTranslation('access');
  return (
    <p className="session-check" role="status">
      {t('signIn.checking')}
    </p>
  );
}
