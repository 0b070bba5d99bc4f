import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { errorMessage } from '../api/api-error.js';
import { listMyOrganizations } from '../api/identity.api.js';
import { roleLabel } from '../lib/roles.js';
import { Link } from '../router/router.js';
import { useSession } from '../session/session-context.js';

export const MY_ORGANIZATIONS = ['my-organizations'] as const;

/**
 * The current organization in the banner. For someone in more than one it is a button that opens
 * a list of their organizations (a disclosure: Tab, arrow keys, Enter, and Escape to close) and
 * switches the session to the one chosen; admins also find "New organization" there.
 */
export function OrgSwitcher() {
  const { me, can, switchOrganization } = useSession();
  const organizations = useQuery({ queryKey: MY_ORGANIZATIONS, queryFn: listMyOrganizations, staleTime: 60_000 });
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const others = (organizations.data ?? []).filter((o) => !o.current);

  // Closes on a click or focus outside, as a menu would.
  useEffect(() => {
    if (!open) return;
    const away = (event: Event) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    document.addEventListener('focusin', away);
    return () => {
      document.removeEventListener('pointerdown', away);
      document.removeEventListener('focusin', away);
    };
  }, [open]);

  useEffect(() => {
    if (open) panelRef.current?.querySelector<HTMLElement>('button, a')?.focus();
  }, [open]);

  if (others.length === 0) {
    return (
      <div className="banner__org">
        <span className="banner__label">Organization</span>
        <span className="banner__org-name">{me.organization.name}</span>
      </div>
    );
  }

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  const choose = async (organizationId: string) => {
    setBusy(organizationId);
    setFailure(null);
    try {
      await switchOrganization(organizationId);
    } catch (error) {
      setFailure(errorMessage(error));
      setBusy(null);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const items = [...(panelRef.current?.querySelectorAll<HTMLElement>('button:not(:disabled), a') ?? [])];
    if (items.length === 0) return;
    event.preventDefault();
    const at = items.indexOf(document.activeElement as HTMLElement);
    const next = event.key === 'ArrowDown' ? (at + 1) % items.length : (at - 1 + items.length) % items.length;
    items[next]?.focus();
  };

  return (
    <div className="banner__org org-switcher" ref={rootRef} onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        className="org-switcher__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => (open ? close() : setOpen(true))}
      >
        <span className="banner__label">Organization</span>
        <span className="org-switcher__current">
          <span className="banner__org-name">{me.organization.name}</span>
          <span aria-hidden="true" className="org-switcher__caret">
            ▾
          </span>
        </span>
        <span className="visually-hidden"> (switch organization)</span>
      </button>
      <div ref={panelRef} id={panelId} className="org-switcher__panel" hidden={!open}>
        <p className="org-switcher__heading" id={`${panelId}-title`}>
          Your organizations
        </p>
        <ul className="org-switcher__list" aria-labelledby={`${panelId}-title`}>
          {(organizations.data ?? []).map((o) =>
            o.current ? (
              <li key={o.id} className="org-switcher__item org-switcher__item--current" aria-current="true">
                <span aria-hidden="true" className="org-switcher__check">
                  ✓
                </span>
                <span className="org-switcher__name">
                  {o.name}
                  <span className="org-switcher__role">
                    {roleLabel(o.role)} · current
                  </span>
                </span>
              </li>
            ) : (
              <li key={o.id}>
                <button type="button" className="org-switcher__item" onClick={() => void choose(o.id)} disabled={busy !== null}>
                  <span aria-hidden="true" className="org-switcher__check" />
                  <span className="org-switcher__name">
                    <span className="visually-hidden">Switch to </span>
                    {o.name}
                    <span className="org-switcher__role">{busy === o.id ? 'Switching…' : roleLabel(o.role)}</span>
                  </span>
                </button>
              </li>
            ),
          )}
        </ul>
        {failure ? (
          <p role="alert" className="org-switcher__error">
            Could not switch: {failure}
          </p>
        ) : null}
        {can('organization:create') ? (
          <Link to="/organizations/new" className="org-switcher__new" onClick={() => setOpen(false)}>
            + New organization
          </Link>
        ) : null}
      </div>
    </div>
  );
}
