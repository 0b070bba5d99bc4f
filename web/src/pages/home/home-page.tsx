import { useQuery } from '@tanstack/react-query';
import { listEvidence } from '../../api/evidence.api.js';
import { listUsers } from '../../api/identity.api.js';
import { listTrail, verifyTrail } from '../../api/trail.api.js';
import { PageHeader } from '../../components/page-header.js';
import { Link } from '../../router/router.js';
import { useSession } from '../../session/session-context.js';
import { HomeActivity } from './home-activity.js';
import { HomeEvidenceAttention } from './home-evidence-attention.js';
import { HomeSummary } from './home-summary.js';

const SAMPLE = 200;

/** The landing page: who you are, the state of the trail, what exists and what needs attention. */
export function HomePage() {
  const { me, can } = useSession();
  const verification = useQuery({ queryKey: ['trail', 'verify'], queryFn: verifyTrail, enabled: can('trail:read') });
  const evidence = useQuery({ queryKey: ['evidence', 'list', 'home'], queryFn: () => listEvidence({}, undefined, SAMPLE), enabled: can('evidence:read') });
  const users = useQuery({ queryKey: ['users', 'list', 'home'], queryFn: () => listUsers(undefined, SAMPLE), enabled: can('user:read') });
  const trail = useQuery({ queryKey: ['trail', 'list', 'home'], queryFn: () => listTrail({}, undefined, SAMPLE), enabled: can('trail:read') });

  const firstName = me.user.displayName.split(' ')[0] ?? me.user.displayName;
  return (
    <>
      <PageHeader
        title="Home"
        organization={me.organization.name}
        description={
          <>
            Welcome, {firstName}. This is the AI management system of <strong>{me.organization.name}</strong>.
          </>
        }
        actions={
          can('evidence:write') ? (
            <Link to="/evidence#upload" className="button">
              Upload evidence
            </Link>
          ) : null
        }
      />
      <HomeSummary verification={verification} evidence={evidence} users={users} />
      <div className="grid-2">
        {can('trail:read') ? <HomeActivity trail={trail} /> : null}
        {can('evidence:read') ? <HomeEvidenceAttention evidence={evidence} /> : null}
      </div>
    </>
  );
}
