import { EmptyState } from '../components/empty-state.js';
import { PageHeader } from '../components/page-header.js';
import { Link, useLocation } from '../router/router.js';
import { useSession } from '../session/session-context.js';

export function NotFoundPage() {
  const { me } = useSession();
  const { path } = useLocation();
  return (
    <>
      <PageHeader title="Page not found" organization={me.organization.name} />
      <EmptyState title={`There is no page at ${path}`} body="It may have moved, or the link may be mistyped." action={<Link to="/">Go to the home page</Link>} />
    </>
  );
}
