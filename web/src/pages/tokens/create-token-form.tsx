import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { CreateApiTokenInputSchema, type CreatedApiTokenOutput, type UserOutput } from '../../../../src/contracts/identity.contracts.js';
import { createToken } from '../../api/identity.api.js';
import { Form, SelectField, TextField, SubmitButton } from '../../components/form-fields.js';
import { omitBlank, useZodForm } from '../../components/use-zod-form.js';
import { humanize } from '../../lib/format.js';
import { ROLE_OPTIONS } from '../people/role-options.js';

interface CreateTokenFormProps {
  users: readonly UserOutput[];
  defaultEmail: string;
  onCreated: (token: CreatedApiTokenOutput) => void;
}

/** Issues a token for a member; its role may not exceed the owner's (the server enforces it). */
export function CreateTokenForm({ users, defaultEmail, onCreated }: CreateTokenFormProps) {
  const queryClient = useQueryClient();
  const initial = useMemo(() => ({ email: defaultEmail, name: '', role: 'contributor', expiresInDays: '90' }), [defaultEmail]);
  const form = useZodForm(CreateApiTokenInputSchema, initial, {
    toInput: (v) => {
      const { expiresInDays, ...rest } = omitBlank(v);
      return expiresInDays === undefined ? rest : { ...rest, expiresInDays: Number(expiresInDays) };
    },
  });
  const owners = users.map((u) => ({ value: u.email, label: `${u.displayName} <${u.email}> · ${humanize(u.role)}` }));

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
        <TextField {...form.field('expiresInDays')} label="Expires after (days)" type="number" required={false} hint="1–3650; leave empty for a token that never expires." />
      </div>
      <div className="form-actions">
        <SubmitButton busy={form.submitting} busyLabel="Creating…">Create token</SubmitButton>
      </div>
    </Form>
  );
}
