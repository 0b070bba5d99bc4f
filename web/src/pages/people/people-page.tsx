import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { UserOutput } from '../../../../src/contracts/identity.contracts.js';
import { listUsers } from '../../api/identity.api.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { Notice } from '../../components/notice.js';
import { PageHeader } from '../../components/page-header.js';
import { StatusBadge } from '../../components/status-badge.js';
import { Breakable } from '../../components/breakable.js';
import { DateTime } from '../../components/date-time.js';
import { formatDateTime } from '../../lib/format.js';
import { roleLabel } from '../../lib/roles.js';
import { Link } from '../../router/router.js';
import { useSession } from '../../session/session-context.js';
import { AddUserForm } from './add-user-form.js';

function columns(myId: string | null): Column<UserOutput>[] {
  return [
    {
      id: 'name',
      header: 'Name',
      sortValue: (u) => u.displayName,
      cell: (u) => (
        <>
          {u.displayName} {u.id === myId ? <span className="muted">(you)</span> : null}
        </>
      ),
    },
    { id: 'email', header: 'Email', breakable: true, sortValue: (u) => u.email, cell: (u) => <Breakable text={u.email} /> },
    { id: 'role', header: 'Role', sortValue: (u) => roleLabel(u.role), cell: (u) => roleLabel(u.role) },
    {
      id: 'access',
      header: 'Access',
      sortValue: (u) => u.accessExpiresAt ?? '',
      filterText: () => '',
      cell: (u) => {
        if (!u.accessExpiresAt) return <StatusBadge tone="ok">Active</StatusBadge>;
        const ended = new Date(u.accessExpiresAt).getTime() <= Date.now();
        return <StatusBadge tone={ended ? 'danger' : 'warn'}>{`${ended ? 'Ended' : 'Until'} ${formatDateTime(u.accessExpiresAt)}`}</StatusBadge>;
      },
    },
    { id: 'createdAt', header: 'Added', sortValue: (u) => u.createdAt, filterText: () => '', cell: (u) => <DateTime iso={u.createdAt} /> },
  ];
}

/** The organization's members and their roles (ISO/IEC 42001 5.3); admins add people here. */
export function PeoplePage() {
  const { me, can } = useSession();
  const [added, setAdded] = useState<UserOutput | null>(null);
  const list = useInfiniteQuery({
    queryKey: ['users', 'list'],
    queryFn: ({ pageParam }) => listUsers(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const cols = useMemo(() => columns(me.user.id), [me.user.id]);

  return (
    <>
      <PageHeader
        title="People"
        organization={me.organization.name}
        description="Who takes part in the AI management system, and in which role."
        actions={
          can('organization:create') ? (
            <Link to="/organizations/new" className="button button--secondary">
              New organization
            </Link>
          ) : undefined
        }
      />
      {added ? <Notice tone="ok" title="Person added">{`${added.displayName} (${added.email}) can now log in as ${roleLabel(added.role)}.`}</Notice> : null}
      <section className="panel" aria-labelledby="people-title">
        <h2 id="people-title" className="panel__title">
          Members
        </h2>
        <DataTable
          caption="Members"
          columns={cols}
          rows={rows}
          rowKey={(u) => u.id}
          filterLabel="Filter people"
          loading={list.isPending}
          error={list.error}
          hasMore={list.hasNextPage}
          onLoadMore={() => void list.fetchNextPage()}
          loadingMore={list.isFetchingNextPage}
          initialSort={{ id: 'name', direction: 'asc' }}
        />
      </section>
      {can('user:manage') ? (
        <section className="panel" aria-labelledby="add-person-title">
          <h2 id="add-person-title" className="panel__title">
            Add a person
          </h2>
          <AddUserForm onAdded={setAdded} />
        </section>
      ) : null}
    </>
  );
}
