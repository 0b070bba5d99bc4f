import { SelectField, TextField, type BaseFieldProps } from '../../components/form-fields.js';
import { ROLE_OPTIONS, roleNeedsExpiry } from './role-options.js';

type FieldBinding = Omit<BaseFieldProps, 'label'>;

/** The role select and the access-end field, whose requirement follows the chosen role (as the server rules). */
export function RoleAndAccessFields({ role, accessExpiresAt, emptyHint }: { role: FieldBinding; accessExpiresAt: FieldBinding; emptyHint: string }) {
  const expiryRequired = roleNeedsExpiry(role.value);
  return (
    <>
      <SelectField {...role} label="Role" required options={ROLE_OPTIONS} />
      <TextField
        {...accessExpiresAt}
        label="Access ends"
        type="datetime-local"
        required={expiryRequired}
        hint={expiryRequired ? 'Required: an external auditor’s access must end.' : emptyHint}
      />
    </>
  );
}
