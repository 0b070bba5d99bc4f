import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
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
import { ChangeRoleForm, MemberActionButtons, RemoveConfirm, actionButtonId, type MemberAction } from './member-actions.js';

interface OpenAction {
  userId: string;
  action: MemberAction;
}

interface Manage {
  open: OpenAction | null;
  onToggle: (user: UserOutput, action: MemberAction) => void;
}

function columns(myId: string | null, manage: Manage | null): Column<UserOutput>[] {
  const base: Column<UserOutput>[] = [
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
  if (!manage) return base;
  return [
    ...base,
    {
      id: 'actions',
      header: 'Actions',
      headerHidden: true,
      actions: true,
      filterText: () => '',
      cell: (u) => (
        <MemberActionButtons
          user={u}
          open={manage.open?.userId === u.id ? manage.open.action : null}
          // Removing yourself would end this session; another admin does that.
          canRemove={u.id !== myId}
          onToggle={(action) => manage.onToggle(u, action)}
        />
      ),
    },
  ];
}

type Outcome = { tone: 'ok'; title: string; body: string } | null;

/** The organization's members and their roles (ISO/IEC 42001 5.3); admins add people here. */
export function PeoplePage() {
  const { me, can } = useSession();
  const queryClient = useQueryClient();
  const [added, setAdded] = useState<UserOutput | null>(null);
  const [open, setOpen] = useState<OpenAction | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  // Where focus goes once a panel closes: back to its button, or to the list after a removal.
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const membersHeading = useRef<HTMLHeadingElement>(null);
  const manages = can('user:manage');
  const list = useInfiniteQuery({
    queryKey: ['users', 'list'],
    queryFn: ({ pageParam }) => listUsers(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const manage = useMemo<Manage | null>(
    () =>
      manages
        ? {
            open,
            onToggle: (user, action) => {
              setOutcome(null);
              if (open?.userId === user.id && open.action === action) {
                setOpen(null);
                setFocusTarget(actionButtonId(action, user.id));
              } else setOpen({ userId: user.id, action });
            },
          }
        : null,
    [manages, open],
  );
  const cols = useMemo(() => columns(me.user.id, manage), [me.user.id, manage]);

  useEffect(() => {
    if (!focusTarget) return;
    const target = focusTarget === 'members' ? membersHeading.current : document.getElementById(focusTarget);
    target?.focus();
    setFocusTarget(null);
  }, [focusTarget, rows]);

  const close = (action: MemberAction, userId: string) => {
    setOpen(null);
    setFocusTarget(actionButtonId(action, userId));
  };
  const refresh = async (self: boolean) => {
    await queryClient.invalidateQueries({ queryKey: ['users'] });
    await queryClient.invalidateQueries({ queryKey: ['tokens'] });
    await queryClient.invalidateQueries({ queryKey: ['trail'] });
    // Changing your own role changes what this session may do.
    if (self) await queryClient.invalidateQueries({ queryKey: ['me'] });
  };

  const rowDetail = (user: UserOutput) => {
    if (!manage || open?.userId !== user.id) return null;
    if (open.action === 'change') {
      return (
        <ChangeRoleForm
          key={user.id}
          user={user}
          onCancel={() => close('change', user.id)}
          onChanged={async (changed) => {
            close('change', user.id);
            setOutcome({
              tone: 'ok',
              title: 'Role changed',
              body: `${changed.displayName} is now ${roleLabel(changed.role)}${changed.accessExpiresAt ? `, until ${formatDateTime(changed.accessExpiresAt)}` : ''}.`,
            });
            await refresh(changed.id === me.user.id);
          }}
        />
      );
    }
    return (
      <RemoveConfirm
        key={user.id}
        user={user}
        organization={me.organization.name}
        onCancel={() => close('remove', user.id)}
        onRemoved={async (removed) => {
          setOpen(null);
          setOutcome({ tone: 'ok', title: 'Person removed', body: `${removed.displayName} (${removed.email}) was removed: their sessions ended and their API tokens were revoked.` });
          await refresh(false);
          setFocusTarget('members');
        }}
      />
    );
  };

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
      {outcome ? (
        <Notice tone={outcome.tone} title={outcome.title}>
          {outcome.body}
        </Notice>
      ) : null}
      <section className="panel" aria-labelledby="people-title">
        <h2 id="people-title" className="panel__title" ref={membersHeading} tabIndex={-1}>
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
          rowDetail={manage ? rowDetail : undefined}
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
