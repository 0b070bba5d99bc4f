import { useQueryClient } from '@tanstack/react-query';
import { AddUserInputSchema, type UserOutput } from '../../../../src/contracts/identity.contracts.js';
import { addUser } from '../../api/identity.api.js';
import { Form, TextField, SubmitButton } from '../../components/form-fields.js';
import { omitBlank, useZodForm } from '../../components/use-zod-form.js';
import { localInputToIso } from '../../lib/format.js';
import { RoleAndAccessFields } from './role-and-access-fields.js';

const INITIAL = { displayName: '', email: '', role: 'contributor', password: '', accessExpiresAt: '' };

/** Adds a member with a role; external auditors get an end date for their access. */
export function AddUserForm({ onAdded }: { onAdded: (user: UserOutput) => void }) {
  const queryClient = useQueryClient();
  const form = useZodForm(AddUserInputSchema, INITIAL, {
    toInput: (v) => omitBlank({ ...v, accessExpiresAt: localInputToIso(v.accessExpiresAt) ?? '' }),
  });
  const submit = form.handleSubmit(async (input) => {
    const user = await addUser(input);
    await queryClient.invalidateQueries({ queryKey: ['users'] });
    await queryClient.invalidateQueries({ queryKey: ['trail'] });
    form.reset();
    onAdded(user);
  });
  return (
    <Form onSubmit={submit} error={form.formError} attempt={form.attempt} label="Add a person">
      <div className="form-grid form-grid--3">
        <TextField {...form.field('displayName')} label="Full name" required autoComplete="off" />
        <TextField {...form.field('email')} label="Email" type="email" required autoComplete="off" />
        <TextField {...form.field('password')} label="Initial password" type="password" required autoComplete="new-password" hint="At least 12 characters; share it with them securely." />
        <RoleAndAccessFields role={form.field('role')} accessExpiresAt={form.field('accessExpiresAt')} emptyHint="When their access stops." />
      </div>
      <div className="form-actions">
        <SubmitButton busy={form.submitting} busyLabel="Adding…">Add person</SubmitButton>
      </div>
    </Form>
  );
}
