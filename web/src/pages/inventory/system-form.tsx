import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { ChangeSystemInputSchema, RegisterSystemInputSchema, type SystemOutput } from '../../../../src/contracts/inventory.contracts.js';
import { listUsers } from '../../api/identity.api.js';
import { INVENTORY_KEYS, changeSystem, listModels, registerSystem } from '../../api/inventory.api.js';
import { CheckboxField, Form, SelectField, SubmitButton, TextAreaField, TextField } from '../../components/form-fields.js';
import { useZodForm } from '../../components/use-zod-form.js';
import { roleLabel } from '../../lib/roles.js';
import { CheckGroup, errorFor, lines, numberOrText, textOrNull, topLevelFields } from './inventory-forms.js';
import { AUTONOMY_LABEL, IMPACT_LABEL, OVERSIGHT_LABEL, ROLE_LABEL, STAGE_LABEL, options } from './inventory-labels.js';
import { invalidateInventory } from './invalidate.js';

type Values = {
  name: string;
  purpose: string;
  intendedUse: string;
  foreseeableMisuse: string;
  businessObjectives: string;
  successMetrics: string;
  ownerUserId: string;
  businessUnit: string;
  regions: string;
  lifecycleStage: string;
  affectedStakeholders: string;
  decisionsAndOutputs: string;
  autonomyLevel: string;
  humanOversight: string;
  regulatoryExposure: string;
  inAimsScope: string;
  impactOnPeople: string;
  safetyImpact: string;
  peopleAffected: string;
  decisionsPerMonth: string;
};

function valuesOf(system: SystemOutput | undefined): Values {
  return {
    name: system?.name ?? '',
    purpose: system?.purpose ?? '',
    intendedUse: system?.intendedUse ?? '',
    foreseeableMisuse: system?.foreseeableMisuse ?? '',
    businessObjectives: system?.businessObjectives ?? '',
    successMetrics: system?.successMetrics.join('\n') ?? '',
    ownerUserId: system?.ownerUserId ?? '',
    businessUnit: system?.businessUnit ?? '',
    regions: system?.regions.join('\n') ?? '',
    lifecycleStage: system?.lifecycleStage ?? 'planning',
    affectedStakeholders: system?.affectedStakeholders.join('\n') ?? '',
    decisionsAndOutputs: system?.decisionsAndOutputs ?? '',
    // The server's defaults for a new system, shown so nothing is implied.
    autonomyLevel: system?.autonomyLevel ?? 'not_assessed',
    humanOversight: system?.humanOversight ?? 'not_assessed',
    regulatoryExposure: system?.regulatoryExposure.join('\n') ?? '',
    inAimsScope: (system?.inAimsScope ?? true) ? 'yes' : '',
    impactOnPeople: system?.impactOnPeople ?? '',
    safetyImpact: system?.safetyImpact ?? '',
    peopleAffected: system?.peopleAffected?.toString() ?? '',
    decisionsPerMonth: system?.decisionsPerMonth?.toString() ?? '',
  };
}

/** The form's strings as the contract's body: every field sent, blanks as null or [], so what you see is what is stored. */
function toBody(v: Values, roles: string[], modelIds: string[], isNew: boolean) {
  const body: Record<string, unknown> = {
    name: v.name,
    purpose: v.purpose,
    intendedUse: textOrNull(v.intendedUse),
    foreseeableMisuse: textOrNull(v.foreseeableMisuse),
    businessObjectives: textOrNull(v.businessObjectives),
    successMetrics: lines(v.successMetrics),
    businessUnit: textOrNull(v.businessUnit),
    regions: lines(v.regions),
    organizationRoles: roles,
    affectedStakeholders: lines(v.affectedStakeholders),
    decisionsAndOutputs: textOrNull(v.decisionsAndOutputs),
    autonomyLevel: v.autonomyLevel,
    humanOversight: v.humanOversight,
    regulatoryExposure: lines(v.regulatoryExposure),
    inAimsScope: v.inAimsScope === 'yes',
    impactOnPeople: v.impactOnPeople || null,
    safetyImpact: v.safetyImpact || null,
    peopleAffected: numberOrText(v.peopleAffected) ?? null,
    decisionsPerMonth: numberOrText(v.decisionsPerMonth) ?? null,
    modelIds,
  };
  if (v.ownerUserId) body.ownerUserId = v.ownerUserId;
  if (isNew) body.lifecycleStage = v.lifecycleStage;
  return body;
}

const LIST_HINT = 'One per line.';

interface SystemFormProps {
  /** The system to change; a new one is registered when absent. */
  system?: SystemOutput;
  onSaved: (system: SystemOutput) => void;
  onCancel?: () => void;
}

/**
 * The full inventory record of an AI system (ISO/IEC 42001 A.4.5, A.6.2), checked with the same
 * contract the server uses; the server's own refusals land beside the same fields.
 */
export function SystemForm({ system, onSaved, onCancel }: SystemFormProps) {
  const queryClient = useQueryClient();
  const isNew = !system;
  const initial = useMemo(() => valuesOf(system), [system]);
  const [roles, setRoles] = useState<string[]>(system?.organizationRoles ?? []);
  const [modelIds, setModelIds] = useState<string[]>(system?.modelIds ?? []);
  const users = useQuery({ queryKey: ['users', 'all'], queryFn: () => listUsers() });
  const models = useQuery({ queryKey: INVENTORY_KEYS.models, queryFn: listModels });
  const form = useZodForm(isNew ? RegisterSystemInputSchema : ChangeSystemInputSchema, initial, {
    toInput: (v) => toBody(v, roles, modelIds, isNew),
    extraFields: ['organizationRoles', 'modelIds'],
  });
  const bind = (name: keyof Values) => ({ ...form.field(name), error: errorFor(form.errors, name) });

  const submit = form.handleSubmit(async (input) => {
    let saved: SystemOutput;
    try {
      saved = system ? await changeSystem(system.id, input) : await registerSystem(input as Parameters<typeof registerSystem>[0]);
    } catch (error) {
      throw topLevelFields(error);
    }
    await invalidateInventory(queryClient);
    onSaved(saved);
  });

  const ownerOptions = (users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (${roleLabel(u.role)})` }));
  const modelOptions = (models.data ?? []).map((m) => ({ value: m.id, label: m.name }));
  const label = isNew ? 'Register an AI system' : `Edit ${system.name}`;

  return (
    <Form onSubmit={submit} error={form.formError} attempt={form.attempt} label={label} className="form inventory-form">
      <fieldset className="fieldset">
        <legend>What it is for</legend>
        <TextField {...bind('name')} label="Name" required />
        <TextAreaField {...bind('purpose')} label="Purpose" required rows={2} />
        <TextAreaField {...bind('intendedUse')} label="Intended use" required={false} rows={2} />
        <TextAreaField {...bind('foreseeableMisuse')} label="Foreseeable misuse" required={false} rows={2} hint="Uses you can reasonably foresee but do not intend (EU AI Act Art. 3(13)); the model card's out-of-scope use." />
        <div className="form-grid inventory-grid-2">
          <TextAreaField {...bind('businessObjectives')} label="Business objectives" required={false} rows={2} />
          <TextAreaField {...bind('successMetrics')} label="Success metrics" required={false} rows={2} hint={LIST_HINT} />
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend>Who and where</legend>
        <div className="form-grid">
          <SelectField {...bind('ownerUserId')} label="Owner" required={false} options={ownerOptions} placeholder={isNew ? 'Me' : 'Keep the owner'} />
          <TextField {...bind('businessUnit')} label="Business unit" required={false} />
          <TextAreaField {...bind('regions')} label="Regions" required={false} rows={2} hint="Where it is used or placed on the market, e.g. EU, DE. One per line." />
          {isNew ? <SelectField {...bind('lifecycleStage')} label="Lifecycle stage" options={options(STAGE_LABEL)} hint="Its stage today; later moves go forward one stage at a time." /> : null}
        </div>
        <CheckGroup legend="Our roles for it" options={options(ROLE_LABEL)} chosen={roles} onChange={setRoles} error={form.errors.organizationRoles} hint="Several may apply (EU AI Act Art. 3)." />
        <TextAreaField {...bind('affectedStakeholders')} label="Affected stakeholders" required={false} rows={2} hint={LIST_HINT} />
      </fieldset>
      <fieldset className="fieldset">
        <legend>What it decides and who oversees it</legend>
        <TextAreaField {...bind('decisionsAndOutputs')} label="Decisions and outputs" required={false} rows={2} />
        <div className="form-grid inventory-grid-2">
          <SelectField {...bind('autonomyLevel')} label="Autonomy" options={options(AUTONOMY_LABEL)} />
          <SelectField {...bind('humanOversight')} label="Human oversight" options={options(OVERSIGHT_LABEL)} hint="EU AI Act Art. 14." />
        </div>
        <TextAreaField {...bind('regulatoryExposure')} label="Regulatory exposure" required={false} rows={2} hint="Regimes it is exposed to, e.g. EU AI Act, GDPR. One per line." />
        <CheckboxField {...bind('inAimsScope')} label="In the AIMS scope" hint="Only systems in scope are ranked into certification waves (ISO/IEC 42001 4.3)." />
      </fieldset>
      <fieldset className="fieldset">
        <legend>Impact and scale (for the wave ranking)</legend>
        <div className="form-grid">
          <SelectField {...bind('impactOnPeople')} label="Impact on people" required={false} options={options(IMPACT_LABEL)} placeholder="Not assessed" />
          <SelectField {...bind('safetyImpact')} label="Safety impact" required={false} options={options(IMPACT_LABEL)} placeholder="Not assessed" />
          <TextField {...bind('peopleAffected')} label="People affected a year" type="number" required={false} />
          <TextField {...bind('decisionsPerMonth')} label="Decisions a month" type="number" required={false} />
        </div>
      </fieldset>
      <CheckGroup
        legend="Models it uses"
        required={false}
        options={modelOptions}
        chosen={modelIds}
        onChange={setModelIds}
        error={errorFor(form.errors, 'modelIds')}
        none={models.isPending ? 'Loading models…' : 'No models in the inventory yet: record one under Models.'}
      />
      <div className="form-actions">
        <SubmitButton busy={form.submitting} busyLabel={isNew ? 'Registering…' : 'Saving…'}>
          {isNew ? 'Register system' : 'Save changes'}
        </SubmitButton>
        {onCancel ? (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </Form>
  );
}
