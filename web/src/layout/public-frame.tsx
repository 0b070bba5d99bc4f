import type { ReactNode } from 'react';
import { usePageTitle } from '../components/page-header.js';

/** The frame of pages seen before login (setup, login): brand banner and one centred card. */
export function PublicFrame({ title, children, wide }: { title: string; children: ReactNode; wide?: boolean }) {
  usePageTitle(title);
  return (
    <div className="public">
      <header className="public__banner">
        <img src="/favicon.svg" alt="" width={32} height={32} />
        <span className="public__brand">OpenAIMS</span>
        <span className="public__tagline">AI management system · ISO/IEC 42001</span>
      </header>
      <main id="main" className={`public-card${wide ? ' public-card--wide' : ''}`}>
        {children}
      </main>
      <footer className="public__footer">
        <a href="/api/docs">API reference</a>
      </footer>
    </div>
  );
}
