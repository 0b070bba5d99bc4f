import type { ReactNode } from 'react';

export type Tone = 'ok' | 'warn' | 'danger' | 'info' | 'neutral';

const ICON: Record<Tone, string> = { ok: '✓', warn: '!', danger: '✕', info: 'i', neutral: '•' };

/** A status in words with a colour and an icon, so it never relies on colour alone. */
export function StatusBadge({ tone, children, title }: { tone: Tone; children: ReactNode; title?: string }) {
  return (
    <span className={`badge badge--${tone}`} title={title}>
      <span aria-hidden="true" className="badge__icon">
        {ICON[tone]}
      </span>
      {children}
    </span>
  );
}
