import { SetupInputSchema } from '../../../src/contracts/identity.contracts.js';
import { runSetup } from '../api/identity.api.js';
import { Form, TextField, SubmitButton } from '../components/form-fields.js';
import { omitBlank, useZodForm } from '../components/use-zod-form.js';
import { PublicFrame } from '../layout/public-frame.js';

const INITIAL = { setupCode: '', organizationName: '', adminName: '', adminEmail: '', adminPassword: '', adminPasswordConfirm: '' };

/** First run: claims a fresh installation with the one-time code the server printed at start. */
export function SetupPage({ onDone }: { onDone: (adminEmail: string) => void }) {
  const form = useZodForm(SetupInputSchema, INITIAL, {
    toInput: ({ adminPasswordConfirm: _confirm, ...rest }) => omitBlank(rest),
    check: (v) => ({ adminPasswordConfirm: v.adminPasswordConfirm !== v.adminPassword ? 'does not match the password' : undefined }),
  });

  const submit = form.handleSubmit(async (input) => {
    await runSetup(input);
    onDone(input.adminEmail);
  });

  return (
    <PublicFrame title="Set up OpenAIMS" wide>
      <h1 className="public-card__title">Set up OpenAIMS</h1>
      <p className="public-card__lead">
        This installation has no organization yet. Create the first one and its administrator. You need the one-time
        <strong> setup code</strong> the server printed in its log when it started (or run <code>aims init</code> on the server instead).
      </p>
      <Form onSubmit={submit} error={form.formError} attempt={form.attempt} label="First-run setup">
        <TextField {...form.field('setupCode')} label="Setup code" required autoComplete="one-time-code" hint="From the server log: “enter setup code …”." />
        <fieldset className="fieldset">
          <legend>Organization</legend>
          <TextField {...form.field('organizationName')} label="Organization name" required autoComplete="organization" />
        </fieldset>
        <fieldset className="fieldset">
          <legend>Administrator</legend>
          <div className="form-grid">
            <TextField {...form.field('adminName')} label="Full name" required autoComplete="name" />
            <TextField {...form.field('adminEmail')} label="Email" type="email" required autoComplete="email" />
            <TextField {...form.field('adminPassword')} label="Password" type="password" required autoComplete="new-password" hint="At least 12 characters." />
            <TextField {...form.field('adminPasswordConfirm')} label="Repeat password" type="password" required autoComplete="new-password" />
          </div>
        </fieldset>
        <div className="form-actions">
          <SubmitButton busy={form.submitting} busyLabel="Creating…">Create organization</SubmitButton>
        </div>
      </Form>
    </PublicFrame>
  );
}
