import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef } from 'react';
import { UpdateUserInputSchema, type UserOutput } from '../../../../src/contracts/identity.contracts.js';
import { ApiError, errorMessage } from '../../api/api-error.js';
import { removeUser, updateUser } from '../../api/identity.api.js';
import { Form, SubmitButton } from '../../components/form-fields.js';
import { useZodForm } from '../../components/use-zod-form.js';
import { localInputToIso } from '../../lib/format.js';
import { RoleAndAccessFields } from './role-and-access-fields.js';
import { roleNeedsExpiry } from './role-options.js';

export type MemberAction = 'change' | 'remove';

/** The id of a row's action button, so focus can go back to it when its panel closes. */
export function actionButtonId(action: MemberAction, userId: string): string {
  return `member-${action}-${userId}`;
}

export function actionPanelId(userId: string): string {
  return `member-panel-${userId}`;
}

/** An ISO instant as a datetime-local value in the browser's time zone ("2026-01-31T12:00"). */
function isoToLocalInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

interface ActionButtonsProps {
  user: UserOutput;
  open: MemberAction | null;
  canRemove: boolean;
  onToggle: (action: MemberAction) => void;
}

/** A row's "Change role" and "Remove" buttons; each opens its panel under the row. */
export function MemberActionButtons({ user, open, canRemove, onToggle }: ActionButtonsProps) {
  return (
    <span>
      <button
        type="button"
        id={actionButtonId('change', user.id)}
        className="button button--secondary button--small"
        aria-expanded={open === 'change'}
        aria-controls={open === 'change' ? actionPanelId(user.id) : undefined}
        onClick={() => onToggle('change')}
      >
        Change role<span className="visually-hidden"> of {user.displayName}</span>
      </button>
      {canRemove ? ' ' : null}
      {canRemove ? (
        <button
          type="button"
          id={actionButtonId('remove', user.id)}
          className="button button--danger-ghost button--small"
          aria-expanded={open === 'remove'}
          aria-controls={open === 'remove' ? actionPanelId(user.id) : undefined}
          onClick={() => onToggle('remove')}
        >
          Remove<span className="visually-hidden"> {user.displayName}</span>
        </button>
      ) : null}
    </span>
  );
}

/** Puts focus on the first control of a panel when it opens. */
function useFocusFirst<T extends HTMLElement>(selector: string) {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>(selector)?.focus();
  }, [selector]);
  return ref;
}

interface ChangeRoleFormProps {
  user: UserOutput;
  onChanged: (user: UserOutput) => Promise<void> | void;
  onCancel: () => void;
}

/** Changes a member's role and access end; an external auditor's access must end. */
export function ChangeRoleForm({ user, onChanged, onCancel }: ChangeRoleFormProps) {
  const initial = useMemo(() => ({ role: user.role, accessExpiresAt: isoToLocalInput(user.accessExpiresAt) }), [user.role, user.accessExpiresAt]);
  const form = useZodForm(UpdateUserInputSchema, initial, {
    toInput: (v) => ({ role: v.role, accessExpiresAt: v.accessExpiresAt ? (localInputToIso(v.accessExpiresAt) ?? v.accessExpiresAt) : null }),
    check: (v) => ({ accessExpiresAt: roleNeedsExpiry(v.role) && !v.accessExpiresAt ? 'is required for an external auditor' : undefined }),
  });
  const ref = useFocusFirst<HTMLDivElement>('select');
  const submit = form.handleSubmit(async (input) => {
    try {
      const changed = await updateUser(user.id, input);
      await onChanged(changed);
    } catch (error) {
      form.showServerError(error);
      // A conflict (the last admin) says why in a sentence; keep it above the fields too.
      if (error instanceof ApiError && error.status === 409) form.setFormError(errorMessage(error));
    }
  });
  return (
    <div ref={ref} id={actionPanelId(user.id)}>
      <p className="change__title">
        Change the role of <strong>{user.displayName}</strong>
      </p>
      <Form onSubmit={submit} error={form.formError} attempt={form.attempt} label={`Change role of ${user.displayName}`}>
        <div className="form-grid">
          <RoleAndAccessFields role={form.field('role')} accessExpiresAt={form.field('accessExpiresAt')} emptyHint="Leave empty for no end." />
        </div>
        <div className="form-actions">
          <SubmitButton busy={form.submitting} busyLabel="Saving…">
            Save change
          </SubmitButton>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </Form>
    </div>
  );
}

interface RemoveConfirmProps {
  user: UserOutput;
  organization: string;
  onRemoved: (user: UserOutput) => Promise<void> | void;
  onCancel: () => void;
}

/** Asks before removing: says that their sessions end and their tokens are revoked. */
export function RemoveConfirm({ user, organization, onRemoved, onCancel }: RemoveConfirmProps) {
  const questionId = useId();
  const ref = useFocusFirst<HTMLDivElement>('[data-autofocus]');
  const remove = useMutation({
    mutationFn: () => removeUser(user.id),
    onSuccess: () => onRemoved(user),
  });
  return (
    <div ref={ref} id={actionPanelId(user.id)} role="group" aria-labelledby={questionId}>
      <p id={questionId} className="change__title" tabIndex={-1} data-autofocus>
        Remove <strong>{user.displayName}</strong> ({user.email}) from {organization}?
      </p>
      <p>
        Their sessions here end at once and their API tokens are revoked. Their past actions stay in the trail, and they keep any other organization they belong to.
      </p>
      {remove.isError ? (
        <div className="form-alert" role="alert">
          {errorMessage(remove.error)}
        </div>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button button--danger" onClick={() => remove.mutate()} disabled={remove.isPending}>
          {remove.isPending ? 'Removing…' : `Yes, remove ${user.displayName}`}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
