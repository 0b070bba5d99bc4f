import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Suspense, lazy, useCallback, useEffect, useState } from 'react';
import type { MeOutput, SessionOutput } from '../../src/contracts/identity.contracts.js';
import { errorMessage } from './api/api-error.js';
import { setSessionLostHandler } from './api/client.js';
import { setCsrfToken } from './api/csrf-store.js';
import { getMe, getSetupStatus, logOut, switchOrganization } from './api/identity.api.js';
import { AppFrame } from './layout/app-frame.js';
import { PublicFrame } from './layout/public-frame.js';
import { roleLabel } from './lib/roles.js';
import { AppRoutes } from './routes.js';
import { navigate } from './router/router.js';
import { SessionProvider } from './session/session-context.js';

// Loaded on demand like every page (routes.tsx): with their zod forms they would double the first load.
const LoginPage = lazy(() => import('./pages/login-page.js').then((m) => ({ default: m.LoginPage })));
const SetupPage = lazy(() => import('./pages/setup-page.js').then((m) => ({ default: m.SetupPage })));

const ME = ['me'] as const;
const SETUP = ['setup'] as const;

interface LoginNotice {
  tone: 'info' | 'warn' | 'ok';
  text: string;
}

/** Decides what the visitor sees: first-run setup, the login page, or the app itself. */
export function App() {
  const queryClient = useQueryClient();
  const setup = useQuery({ queryKey: SETUP, queryFn: getSetupStatus, staleTime: Infinity });
  const me = useQuery({ queryKey: ME, queryFn: getMe, enabled: setup.data?.initialized === true });
  const [notice, setNotice] = useState<LoginNotice | null>(null);
  const [loginEmail, setLoginEmail] = useState('');
  const [switched, setSwitched] = useState<string | null>(null);

  const endSession = useCallback(
    (next: LoginNotice | null) => {
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SETUP[0] });
      queryClient.setQueryData(ME, null);
      setNotice(next);
    },
    [queryClient],
  );

  useEffect(() => {
    setSessionLostHandler((reason) =>
      endSession(
        reason === 'csrf'
          ? { tone: 'warn', text: 'For your security, log in again before making changes (this tab lost its session key).' }
          : { tone: 'warn', text: 'Your session has ended. Log in again to continue.' },
      ),
    );
  }, [endSession]);

  const onLoggedIn = (session: SessionOutput) => {
    const { csrfToken, expiresAt: _expiresAt, ...caller } = session;
    setCsrfToken(csrfToken);
    queryClient.setQueryData<MeOutput | null>(ME, caller);
    setNotice(null);
  };

  // A new session in another organization: new CSRF token (stored by the API call), no data of the
  // old organization left in the cache, and the frame re-mounted (keyed by organization) so every
  // page fetches afresh. Detail pages belong to the old organization, so we land on their section.
  const switchTo = async (organizationId: string) => {
    const session = await switchOrganization(organizationId);
    const { csrfToken: _csrfToken, expiresAt: _expiresAt, ...caller } = session;
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SETUP[0] && q.queryKey[0] !== ME[0] });
    navigate(sectionOf(window.location.pathname));
    setSwitched(`You are now in ${caller.organization.name} as ${roleLabel(caller.role)}.`);
    queryClient.setQueryData<MeOutput | null>(ME, caller);
  };

  const signOut = async () => {
    try {
      await logOut();
    } catch {
      // The session is dropped locally whatever the server says; a stale cookie is replaced at next login.
    }
    endSession({ tone: 'ok', text: 'You have logged out.' });
    navigate('/', { replace: true });
  };

  if (setup.isPending) return <Splash />;
  if (setup.isError) return <Failure error={setup.error} retry={() => void setup.refetch()} />;
  if (!setup.data.initialized) {
    return (
      <Suspense fallback={<Splash />}>
        <SetupPage
          onDone={(email) => {
            queryClient.setQueryData(SETUP, { initialized: true });
            setLoginEmail(email);
            setNotice({ tone: 'ok', text: 'Your organization is ready. Log in with the admin account you just created.' });
            navigate('/', { replace: true });
          }}
        />
      </Suspense>
    );
  }
  if (me.isPending) return <Splash />;
  if (me.isError) return <Failure error={me.error} retry={() => void me.refetch()} />;
  if (!me.data) {
    return (
      <Suspense fallback={<Splash />}>
        <LoginPage notice={notice} initialEmail={loginEmail} onLoggedIn={onLoggedIn} />
      </Suspense>
    );
  }
  return (
    <SessionProvider me={me.data} signOut={signOut} switchOrganization={switchTo}>
      <AppFrame key={me.data.organization.id} announcement={switched} onAnnounced={() => setSwitched(null)}>
        <AppRoutes />
      </AppFrame>
    </SessionProvider>
  );
}

const SECTIONS = ['/systems', '/models', '/datasets', '/suppliers', '/soa', '/crosswalks', '/impact-assessments', '/risks', '/reviews', '/scoring-method', '/evidence', '/trail', '/people', '/tokens'];

/** The list page a path belongs to ("/evidence/123" -> "/evidence"), or home. */
function sectionOf(path: string): string {
  const section = `/${path.split('/')[1] ?? ''}`;
  return SECTIONS.includes(section) ? section : '/';
}

function Splash() {
  return (
    <PublicFrame title="Loading">
      <p className="splash" role="status">
        Loading OpenAIMS…
      </p>
    </PublicFrame>
  );
}

function Failure({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <PublicFrame title="Cannot reach the server">
      <h1 className="public-card__title">Cannot reach OpenAIMS</h1>
      <p role="alert">{errorMessage(error)}</p>
      <button type="button" className="button" onClick={retry}>
        Try again
      </button>
    </PublicFrame>
  );
}
