import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useLocation } from '../router/router.js';
import { useSession } from '../session/session-context.js';
import type { Permission } from '../../../src/domain/access/permissions.js';
import { roleLabel } from '../lib/roles.js';
import { OrgSwitcher } from './org-switcher.js';

interface NavItem {
  to: string;
  label: string;
  needs?: Permission;
  /** Other sections that belong under this entry (the risk pages outside /risks). */
  also?: string[];
}

const NAV: NavItem[] = [
  { to: '/', label: 'Home' },
  { to: '/systems', label: 'AI systems', needs: 'system:read', also: ['/models', '/datasets', '/suppliers'] },
  { to: '/soa', label: 'Statement of Applicability', needs: 'soa:read' },
  { to: '/crosswalks', label: 'Crosswalks', needs: 'organization:read' },
  { to: '/impact-assessments', label: 'Impact assessments', needs: 'risk:read' },
  { to: '/risks', label: 'Risks', needs: 'risk:read', also: ['/reviews', '/scoring-method'] },
  { to: '/evidence', label: 'Evidence', needs: 'evidence:read' },
  { to: '/trail', label: 'Trail', needs: 'trail:read' },
  { to: '/people', label: 'People', needs: 'user:read' },
  { to: '/tokens', label: 'API tokens', needs: 'token:manage' },
  { to: '/jobs', label: 'Background jobs', needs: 'jobs:read' },
];

function isActive(item: NavItem, path: string): boolean {
  if (item.to === '/') return path === '/';
  return [item.to, ...(item.also ?? [])].some((to) => path === to || path.startsWith(`${to}/`));
}

interface AppFrameProps {
  children: ReactNode;
  /** Said once when the frame appears (after switching organization), until the next navigation. */
  announcement?: string | null;
  onAnnounced?: () => void;
}

/** The authenticated frame: banner with organization and user, the main navigation, and the page. */
export function AppFrame({ children, announcement, onAnnounced }: AppFrameProps) {
  const { me, can, signOut } = useSession();
  const { path } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const [signingOut, setSigningOut] = useState(false);
  const [said, setSaid] = useState<{ text: string; path: string } | null>(null);

  // The live region is mounted empty and filled afterwards, so screen readers announce it.
  useEffect(() => {
    if (!announcement) return;
    const frame = requestAnimationFrame(() => {
      setSaid({ text: announcement, path: window.location.pathname });
      onAnnounced?.();
    });
    return () => cancelAnimationFrame(frame);
  }, [announcement, onAnnounced]);
  const shown = said && said.path === path ? said.text : null;

  // After each navigation, move focus to the new page's heading so it is announced and Tab starts there.
  // A page whose code is still downloading (routes.tsx) shows a loading line: wait until it is replaced.
  useEffect(() => {
    const main = mainRef.current;
    let observer: MutationObserver | undefined;
    const focusHeading = () => main?.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
    const frame = requestAnimationFrame(() => {
      if (!main?.querySelector('[data-page-loading]')) return focusHeading();
      observer = new MutationObserver(() => {
        if (main.querySelector('[data-page-loading]')) return;
        observer?.disconnect();
        focusHeading();
      });
      observer.observe(main, { childList: true, subtree: true });
    });
    return () => {
      cancelAnimationFrame(frame);
      observer?.disconnect();
    };
  }, [path]);

  const onSignOut = async () => {
    setSigningOut(true);
    try {
      await signOut();
    } finally {
      setSigningOut(false);
    }
  };

  return (
    <div className="frame">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="banner">
        <Link to="/" className="banner__brand" aria-label="OpenAIMS home">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>OpenAIMS</span>
        </Link>
        <OrgSwitcher />
        <div className="banner__user">
          <span className="banner__user-name">{me.user.displayName}</span>
          <span className="banner__role">{roleLabel(me.role)}</span>
          <button type="button" className="button button--on-dark" onClick={() => void onSignOut()} disabled={signingOut}>
            {signingOut ? 'Logging out…' : 'Log out'}
          </button>
        </div>
      </header>
      <div className="frame__body">
        <nav className="sidenav" aria-label="Main">
          <ul>
            {NAV.filter((item) => !item.needs || can(item.needs)).map((item) => (
              <li key={item.to}>
                <Link to={item.to} className="sidenav__link" aria-current={isActive(item, path) ? 'page' : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
          <p className="sidenav__heading">Developers</p>
          <ul>
            <li>
              <a className="sidenav__link" href="/api/docs" target="_blank" rel="noopener">
                API reference<span className="visually-hidden"> (opens in a new tab)</span>
                <span aria-hidden="true"> ↗</span>
              </a>
            </li>
          </ul>
        </nav>
        <main id="main" ref={mainRef} className="main" tabIndex={-1}>
          <div role="status" className={shown ? 'notice notice--ok' : 'visually-hidden'}>
            {shown}
          </div>
          {children}
        </main>
      </div>
    </div>
  );
}
