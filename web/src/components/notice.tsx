import type { ReactNode } from 'react';
import type { Tone } from './status-badge.js';

/** A block message. Danger and warning notices are alerts; the others are announced politely. */
export function Notice({ tone = 'info', title, children }: { tone?: Tone; title?: string; children?: ReactNode }) {
  const urgent = tone === 'danger' || tone === 'warn';
  return (
    <div className={`notice notice--${tone}`} role={urgent ? 'alert' : 'status'}>
      {title ? <p className="notice__title">{title}</p> : null}
      {children ? <div className="notice__body">{children}</div> : null}
    </div>
  );
}
