import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { CreateOrganizationInputSchema, type OrganizationOutput } from '../../../../src/contracts/identity.contracts.js';
import { errorMessage } from '../../api/api-error.js';
import { createOrganization } from '../../api/identity.api.js';
import { Form, SubmitButton, TextField } from '../../components/form-fields.js';
import { Notice } from '../../components/notice.js';
import { PageHeader } from '../../components/page-header.js';
import { useZodForm } from '../../components/use-zod-form.js';
import { MY_ORGANIZATIONS } from '../../layout/org-switcher.js';
import { Link } from '../../router/router.js';
import { useSession } from '../../session/session-context.js';

const INITIAL = { name: '' };

/** An admin creates a further organization (they become its admin), then may switch into it. */
export function NewOrganizationPage() {
  const { me, can } = useSession();
  const [created, setCreated] = useState<OrganizationOutput | null>(null);

  if (!can('organization:create')) {
    return (
      <>
        <PageHeader title="New organization" organization={me.organization.name} />
        <Notice tone="warn" title="Admins only">
          Only an admin can create an organization.
        </Notice>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="New organization"
        organization={me.organization.name}
        description={`A further organization has its own people, evidence, tokens and trail; nothing is shared with ${me.organization.name}. You become its admin.`}
      />
      {created ? <CreatedNotice organization={created} current={me.organization.name} onAnother={() => setCreated(null)} /> : <NewOrganizationForm onCreated={setCreated} />}
    </>
  );
}

function NewOrganizationForm({ onCreated }: { onCreated: (organization: OrganizationOutput) => void }) {
  const queryClient = useQueryClient();
  const form = useZodForm(CreateOrganizationInputSchema, INITIAL);
  const submit = form.handleSubmit(async (input) => {
    const organization = await createOrganization(input);
    await queryClient.invalidateQueries({ queryKey: MY_ORGANIZATIONS });
    onCreated(organization);
  });
  return (
    <section className="panel" aria-labelledby="new-org-title">
      <h2 id="new-org-title" className="panel__title">
        Create an organization
      </h2>
      <Form onSubmit={submit} error={form.formError} attempt={form.attempt} label="Create an organization">
        <div className="form-grid">
          <TextField {...form.field('name')} label="Organization name" required autoComplete="organization" hint="Unique across this installation." />
        </div>
        <div className="form-actions">
          <SubmitButton busy={form.submitting} busyLabel="Creating…">
            Create organization
          </SubmitButton>
          <Link to="/people" className="button button--secondary">
            Cancel
          </Link>
        </div>
      </Form>
    </section>
  );
}

function CreatedNotice({ organization, current, onAnother }: { organization: OrganizationOutput; current: string; onAnother: () => void }) {
  const { switchOrganization } = useSession();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => headingRef.current?.focus(), [organization.id]);

  const switchNow = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await switchOrganization(organization.id);
    } catch (error) {
      setFailure(errorMessage(error));
      setBusy(false);
    }
  };

  return (
    <section className="panel created-org" aria-labelledby="created-org-title">
      <h2 id="created-org-title" ref={headingRef} tabIndex={-1} className="panel__title">
        “{organization.name}” is ready
      </h2>
      <p>You are its admin. Switch to it now to add people and evidence, or stay in {current}; you can switch at any time from the organization menu at the top.</p>
      {failure ? (
        <p role="alert" className="form-alert">
          Could not switch: {failure}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button" onClick={() => void switchNow()} disabled={busy}>
          {busy ? 'Switching…' : `Switch to ${organization.name}`}
        </button>
        <Link to="/" className="button button--secondary">
          Stay in {current}
        </Link>
        <button type="button" className="button button--secondary" onClick={onAnother}>
          Create another
        </button>
      </div>
    </section>
  );
}
