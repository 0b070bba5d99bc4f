import { useMemo } from 'react';
import { LoginInputSchema, type SessionOutput } from '../../../src/contracts/identity.contracts.js';
import { logIn } from '../api/identity.api.js';
import { Form, TextField, SubmitButton } from '../components/form-fields.js';
import { Notice } from '../components/notice.js';
import { useZodForm } from '../components/use-zod-form.js';
import { PublicFrame } from '../layout/public-frame.js';

interface LoginPageProps {
  notice: { tone: 'info' | 'warn' | 'ok'; text: string } | null;
  initialEmail: string;
  onLoggedIn: (session: SessionOutput) => void;
}

/** Email and password; the server sets the session cookie and returns the CSRF token. */
export function LoginPage({ notice, initialEmail, onLoggedIn }: LoginPageProps) {
  const initial = useMemo(() => ({ email: initialEmail, password: '' }), [initialEmail]);
  const form = useZodForm(LoginInputSchema, initial);
  const submit = form.handleSubmit(async (input) => onLoggedIn(await logIn(input)));

  return (
    <PublicFrame title="Log in">
      <h1 className="public-card__title">Log in</h1>
      <p className="public-card__lead">Sign in to your organization&rsquo;s AI management system.</p>
      {notice ? <Notice tone={notice.tone}>{notice.text}</Notice> : null}
      <Form onSubmit={submit} error={form.formError} attempt={form.attempt} label="Log in">
        <TextField {...form.field('email')} label="Email" type="email" required autoComplete="username" autoFocus={!initialEmail} />
        <TextField {...form.field('password')} label="Password" type="password" required autoComplete="current-password" autoFocus={Boolean(initialEmail)} />
        <div className="form-actions">
          <SubmitButton busy={form.submitting} busyLabel="Logging in…" block>Log in</SubmitButton>
        </div>
      </Form>
    </PublicFrame>
  );
}
