import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { ApiTokenOutput, CreatedApiTokenOutput } from '../../../../src/contracts/identity.contracts.js';
import { errorMessage } from '../../api/api-error.js';
import { listTokens, listUsers, revokeToken } from '../../api/identity.api.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { EmptyState } from '../../components/empty-state.js';
import { Notice } from '../../components/notice.js';
import { PageHeader } from '../../components/page-header.js';
import { StatusBadge } from '../../components/status-badge.js';
import { Breakable } from '../../components/breakable.js';
import { DateTime } from '../../components/date-time.js';
import { shortId } from '../../lib/format.js';
import { roleLabel } from '../../lib/roles.js';
import { useSession } from '../../session/session-context.js';
import { CreateTokenForm } from './create-token-form.js';
import { TokenSecretNotice } from './token-secret-notice.js';

function tokenStatus(t: ApiTokenOutput): { tone: 'ok' | 'warn' | 'danger'; label: string } {
  if (t.revokedAt) return { tone: 'danger', label: 'Revoked' };
  if (t.expiresAt && new Date(t.expiresAt).getTime() <= Date.now()) return { tone: 'warn', label: 'Expired' };
  return { tone: 'ok', label: 'Active' };
}

/** API tokens for pipelines and integrations: list, create (secret shown once) and revoke. */
export function TokensPage() {
  const { me, can } = useSession();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<CreatedApiTokenOutput | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const allowed = can('token:manage');

  const tokens = useInfiniteQuery({
    queryKey: ['tokens', 'list'],
    queryFn: ({ pageParam }) => listTokens(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: allowed,
  });
  const users = useQuery({ queryKey: ['users', 'list', 'owners'], queryFn: () => listUsers(undefined, 200), enabled: allowed });
  const revoke = useMutation({
    mutationFn: revokeToken,
    onSuccess: async () => {
      setConfirming(null);
      await queryClient.invalidateQueries({ queryKey: ['tokens'] });
      await queryClient.invalidateQueries({ queryKey: ['trail'] });
    },
  });

  const rows = useMemo(() => tokens.data?.pages.flatMap((p) => p.items) ?? [], [tokens.data]);
  const emailOf = useMemo(() => new Map((users.data?.items ?? []).map((u) => [u.id, u.email])), [users.data]);

  const columns: Column<ApiTokenOutput>[] = [
    {
      id: 'name',
      header: 'Name',
      sortValue: (t) => t.name,
      filterText: (t) => `${t.name} ${t.prefix}`,
      cell: (t) => (
        <>
          {t.name}
          <br />
          <code className="muted" title="The secret’s first characters">{t.prefix}…</code>
        </>
      ),
    },
    {
      id: 'owner',
      header: 'Acts for',
      breakable: true,
      sortValue: (t) => emailOf.get(t.userId) ?? t.userId,
      cell: (t) => {
        const email = emailOf.get(t.userId);
        return email ? <Breakable text={email} /> : <code title={t.userId}>{shortId(t.userId)}</code>;
      },
    },
    { id: 'role', header: 'Role', sortValue: (t) => roleLabel(t.role), cell: (t) => roleLabel(t.role) },
    { id: 'status', header: 'Status', sortValue: (t) => tokenStatus(t).label, cell: (t) => <StatusBadge tone={tokenStatus(t).tone}>{tokenStatus(t).label}</StatusBadge> },
    {
      id: 'expiresAt',
      header: 'Expires',
      sortValue: (t) => t.expiresAt ?? '9999',
      filterText: (t) => (t.expiresAt ? '' : 'never expires'),
      cell: (t) => (t.expiresAt ? <DateTime iso={t.expiresAt} /> : <StatusBadge tone="warn">Never</StatusBadge>),
    },
    { id: 'lastUsedAt', header: 'Last used', sortValue: (t) => t.lastUsedAt ?? '', filterText: () => '', cell: (t) => (t.lastUsedAt ? <DateTime iso={t.lastUsedAt} /> : 'Never') },
    {
      id: 'actions',
      header: 'Actions',
      headerHidden: true,
      actions: true,
      filterText: () => '',
      cell: (t) => (t.revokedAt ? null : <RevokeCell token={t} confirming={confirming === t.id} busy={revoke.isPending} onAsk={() => setConfirming(t.id)} onCancel={() => setConfirming(null)} onConfirm={() => revoke.mutate(t.id)} />),
    },
  ];

  if (!allowed) {
    return (
      <>
        <PageHeader title="API tokens" organization={me.organization.name} />
        <Notice tone="warn" title="Admins only">Only an admin can see and manage API tokens.</Notice>
      </>
    );
  }

  return (
    <>
      <PageHeader title="API tokens" organization={me.organization.name} description="Tokens let pipelines and integrations call the API (for example the CI release gate). Each acts for one member with a role no greater than theirs." />
      {created ? <TokenSecretNotice token={created} onDismiss={() => setCreated(null)} /> : null}
      {revoke.isError ? <Notice tone="danger" title="Could not revoke the token">{errorMessage(revoke.error)}</Notice> : null}
      <section className="panel" aria-labelledby="tokens-title">
        <h2 id="tokens-title" className="panel__title">
          Tokens
        </h2>
        <DataTable
          caption="API tokens"
          columns={columns}
          rows={rows}
          rowKey={(t) => t.id}
          filterLabel="Filter tokens"
          loading={tokens.isPending}
          error={tokens.error}
          hasMore={tokens.hasNextPage}
          onLoadMore={() => void tokens.fetchNextPage()}
          loadingMore={tokens.isFetchingNextPage}
          empty={<EmptyState title="No API tokens yet" body="Create one for each pipeline or integration, so each can be revoked on its own." />}
        />
      </section>
      <section className="panel" aria-labelledby="create-token-title">
        <h2 id="create-token-title" className="panel__title">
          Create a token
        </h2>
        <CreateTokenForm users={users.data?.items ?? []} defaultEmail={me.user.email ?? ''} onCreated={setCreated} />
      </section>
    </>
  );
}

interface RevokeCellProps {
  token: ApiTokenOutput;
  confirming: boolean;
  busy: boolean;
  onAsk: () => void;
  onCancel: () => void;
  onConfirm: () => void;
}

function RevokeCell({ token, confirming, busy, onAsk, onCancel, onConfirm }: RevokeCellProps) {
  if (!confirming) {
    return (
      <button type="button" className="button button--danger-ghost button--small" onClick={onAsk}>
        Revoke<span className="visually-hidden"> {token.name}</span>
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={`Confirm revoking ${token.name}`}>
      <button type="button" className="button button--danger button--small" onClick={onConfirm} disabled={busy} autoFocus>
        {busy ? 'Revoking…' : 'Yes, revoke'}
      </button>
      <button type="button" className="button button--secondary button--small" onClick={onCancel}>
        Cancel
      </button>
    </span>
  );
}
