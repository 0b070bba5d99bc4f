import { useEffect, type ReactNode } from 'react';

/** Sets the document title for the current page, e.g. "Evidence · Acme · OpenAIMS". */
export function usePageTitle(title: string, organization?: string): void {
  useEffect(() => {
    document.title = [title, organization, 'OpenAIMS'].filter(Boolean).join(' · ');
  }, [title, organization]);
}

/** The page's one h1 (the frame focuses it after each navigation), a description and actions. */
export function PageHeader({ title, description, actions, organization }: { title: string; description?: ReactNode; actions?: ReactNode; organization?: string | undefined }) {
  usePageTitle(title, organization);
  return (
    <div className="page-header">
      <div>
        <h1 tabIndex={-1} className="page-header__title">
          {title}
        </h1>
        {description ? <p className="page-header__description">{description}</p> : null}
      </div>
      {actions ? <div className="page-header__actions">{actions}</div> : null}
    </div>
  );
}
