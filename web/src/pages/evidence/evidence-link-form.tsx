import { useQueryClient } from '@tanstack/react-query';
import { LINKABLE_ENTITY_TYPES, LinkEvidenceInputSchema } from '../../../../src/contracts/evidence.contracts.js';
import { linkEvidence } from '../../api/evidence.api.js';
import { Form, SelectField, TextField, SubmitButton } from '../../components/form-fields.js';
import { useZodForm } from '../../components/use-zod-form.js';
import { humanize } from '../../lib/format.js';

const INITIAL = { entityType: 'organization', entityId: '' };
const TYPE_OPTIONS = LINKABLE_ENTITY_TYPES.map((t) => ({ value: t, label: humanize(t) }));

/** Links the evidence to an entity it supports (as the entity areas grow, so does the type list). */
export function EvidenceLinkForm({ evidenceId, organizationId }: { evidenceId: string; organizationId: string }) {
  const queryClient = useQueryClient();
  const form = useZodForm(LinkEvidenceInputSchema, INITIAL);
  const submit = form.handleSubmit(async (input) => {
    await linkEvidence(evidenceId, input);
    await queryClient.invalidateQueries({ queryKey: ['evidence'] });
    await queryClient.invalidateQueries({ queryKey: ['trail'] });
    form.reset();
  });
  const useOrganization = () => {
    form.set('entityType', 'organization');
    form.set('entityId', organizationId);
  };
  return (
    <Form onSubmit={submit} error={form.formError} attempt={form.attempt} label="Link evidence" className="form">
      <div className="form-grid form-grid--3">
        <SelectField {...form.field('entityType')} label="Entity type" required options={TYPE_OPTIONS} />
        <TextField {...form.field('entityId')} label="Entity id" required hint="The id of the thing this evidence supports." />
      </div>
      <div className="form-actions">
        <SubmitButton busy={form.submitting} busyLabel="Linking…">Add link</SubmitButton>
        <button type="button" className="button button--secondary" onClick={useOrganization}>
          Use this organization
        </button>
      </div>
    </Form>
  );
}
