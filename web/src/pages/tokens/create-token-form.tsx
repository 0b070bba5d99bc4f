import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { CreateApiTokenInputSchema, type CreatedApiTokenOutput, type UserOutput } from '../../../../src/contracts/identity.contracts.js';
import { createToken } from '../../api/identity.api.js';
import { CheckboxField, Form, SelectField, TextField, SubmitButton } from '../../components/form-fields.js';
import { StatusBadge } from '../../components/status-badge.js';
import { omitBlank, useZodForm } from '../../components/use-zod-form.js';
import { formatDate, localDay } from '../../lib/format.js';
import { ROLE_OPTIONS, roleLabel } from '../../lib/roles.js';

interface CreateTokenFormProps {
  users: readonly UserOutput[];
  defaultEmail: string;
  onCreated: (token: CreatedApiTokenOutput) => void;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The day a token made now would stop working, or null while the number is not a valid day count. */
function expiryDay(days: string): string | null {
  if (!/^\d+$/.test(days.trim())) return null;
  const n = Number(days);
  return n >= 1 && n <= 3650 ? localDay(new Date(Date.now() + n * DAY_MS)) : null;
}

/**
 * Issues a token for a member; its role may not exceed the owner's (the server enforces it).
 * A token that never expires is a deliberate choice: an empty expiry is refused until
 * "No expiry" is ticked, and the form says plainly that the token will never expire.
 */
export function CreateTokenForm({ users, defaultEmail, onCreated }: CreateTokenFormProps) {
  const queryClient = useQueryClient();
  const initial = useMemo(() => ({ email: defaultEmail, name: '', role: 'contributor', expiresInDays: '90', noExpiry: '' }), [defaultEmail]);
  const form = useZodForm(CreateApiTokenInputSchema, initial, {
    toInput: ({ noExpiry, ...v }) => {
      const { expiresInDays, ...rest } = omitBlank(v);
      return noExpiry === 'yes' || expiresInDays === undefined ? rest : { ...rest, expiresInDays: Number(expiresInDays) };
    },
    check: (v) => ({
      expiresInDays: v.noExpiry !== 'yes' && v.expiresInDays.trim() === '' ? 'is required: enter 1–3650 days, or tick “No expiry”' : undefined,
    }),
  });
  const owners = users.map((u) => ({ value: u.email, label: `${u.displayName} <${u.email}> · ${roleLabel(u.role)}` }));
  const neverExpires = form.values.noExpiry === 'yes';
  const until = neverExpires ? null : expiryDay(form.values.expiresInDays);

  const setNoExpiry = (value: string) => {
    form.set('noExpiry', value);
    if (value === 'yes') form.setErrors((current) => ({ ...current, expiresInDays: undefined }));
  };

  const submit = form.handleSubmit(async (input) => {
    const created = await createToken(input);
    await queryClient.invalidateQueries({ queryKey: ['tokens'] });
    await queryClient.invalidateQueries({ queryKey: ['trail'] });
    form.reset();
    onCreated(created);
  });

  return (
    <Form onSubmit={submit} error={form.formError} attempt={form.attempt} label="Create an API token">
      <div className="form-grid">
        <TextField {...form.field('name')} label="Name" required hint="What uses it, e.g. “CI release gate”." autoComplete="off" />
        {owners.length ? (
          <SelectField {...form.field('email')} label="Acts for" required options={owners} hint="The member the token acts as." />
        ) : (
          <TextField {...form.field('email')} label="Acts for (email)" type="email" required />
        )}
        <SelectField {...form.field('role')} label="Role" required options={ROLE_OPTIONS} hint="No more than the owner’s own role." />
        <div className="expiry">
          <TextField
            {...form.field('expiresInDays')}
            label="Expires after (days)"
            type="number"
            required={neverExpires ? undefined : true}
            disabled={neverExpires}
            hint={neverExpires ? 'Not used: “No expiry” is ticked.' : '1–3650 days.'}
          />
          <CheckboxField {...form.field('noExpiry')} onValueChange={setNoExpiry} label="No expiry" />
        </div>
      </div>
      <p className="expiry-summary" role="status">
        {neverExpires ? (
          <>
            <StatusBadge tone="warn">Never expires</StatusBadge> This token will work until someone revokes it.
          </>
        ) : until ? (
          <>Expires on {formatDate(until)}.</>
        ) : (
          <span className="muted">Enter how many days the token should work, or tick “No expiry”.</span>
        )}
      </p>
      <div className="form-actions">
        <SubmitButton busy={form.submitting} busyLabel="Creating…">{neverExpires ? 'Create token that never expires' : 'Create token'}</SubmitButton>
      </div>
    </Form>
  );
}
