import type { ScoringMethodVersionOutput } from '../../../../src/contracts/risk.contracts.js';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/form-fields.js';
import { scaleOptions } from '../risks/score-fields.js';
import type { Draft, FundamentalRights, Problems } from './assessment-draft.js';
import { FUNDAMENTAL_RIGHTS_FIELDS } from './impact-labels.js';

type Method = ScoringMethodVersionOutput['method'];

interface EditorProps {
  draft: Draft;
  problems: Problems;
  change: (next: Partial<Draft>) => void;
}

/** Field props for a path the contract names; its error comes from the same path. */
function bind(problems: Problems, path: string, value: string, onValueChange: (value: string) => void) {
  return { name: path, value, onValueChange, error: problems[path] };
}

export function TextSection({ section, label, draft, problems, change, rows = 4 }: EditorProps & { section: 'purpose' | 'intendedUse' | 'foreseeableMisuse' | 'humanOversight'; label: string; rows?: number }) {
  return <TextAreaField {...bind(problems, `content.${section}`, draft[section], (v) => change({ [section]: v }))} label={label} required rows={rows} />;
}

export function StakeholdersEditor({ draft, problems, change }: EditorProps) {
  const list = draft.stakeholders;
  const set = (i: number, patch: Partial<(typeof list)[number]>) => change({ stakeholders: list.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  return (
    <>
      {list.map((s, i) => (
        <fieldset key={i} className="fieldset item-box">
          <legend>Group {i + 1}</legend>
          <div className="form-grid">
            <TextField {...bind(problems, `content.stakeholders.${i}.group`, s.group, (v) => set(i, { group: v }))} label={`Group ${i + 1} name`} required />
            <TextField {...bind(problems, `content.stakeholders.${i}.notes`, s.notes ?? '', (v) => set(i, { notes: v === '' ? undefined : v }))} label={`Group ${i + 1} notes`} required={false} />
          </div>
          <CheckboxField {...bind(problems, `content.stakeholders.${i}.vulnerable`, s.vulnerable ? 'yes' : '', (v) => set(i, { vulnerable: v === 'yes' }))} label={`Group ${i + 1} is a vulnerable group`} />
          <button type="button" className="button button--danger-ghost button--small" onClick={() => change({ stakeholders: list.filter((_, j) => j !== i) })}>
            Remove group {i + 1}
          </button>
        </fieldset>
      ))}
      <button type="button" className="button button--secondary button--small" onClick={() => change({ stakeholders: [...list, { group: '', vulnerable: false }] })}>
        Add a stakeholder group
      </button>
    </>
  );
}

const KIND_OPTIONS = [
  { value: 'harm', label: 'Harm' },
  { value: 'benefit', label: 'Benefit' },
];
const AFFECTS_OPTIONS = [
  { value: 'individuals', label: 'Individuals' },
  { value: 'groups', label: 'Groups' },
  { value: 'society', label: 'Society' },
];

export function ImpactsEditor({ draft, problems, change, method }: EditorProps & { method: Method }) {
  const list = draft.impacts;
  const set = (i: number, patch: Partial<(typeof list)[number]>) => change({ impacts: list.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  const num = (v: string) => (v === '' ? null : Number(v));
  return (
    <>
      {list.map((item, i) => {
        const n = i + 1;
        return (
          <fieldset key={i} className="fieldset item-box">
            <legend>Item {n}</legend>
            <div className="form-grid">
              <SelectField {...bind(problems, `content.impacts.${i}.kind`, item.kind, (v) => set(i, { kind: v as 'harm' | 'benefit' }))} label={`Item ${n}: harm or benefit`} required options={KIND_OPTIONS} />
              <SelectField {...bind(problems, `content.impacts.${i}.affects`, item.affects, (v) => set(i, { affects: v as 'individuals' | 'groups' | 'society' }))} label={`Item ${n} affects`} required options={AFFECTS_OPTIONS} />
            </div>
            <TextAreaField {...bind(problems, `content.impacts.${i}.description`, item.description, (v) => set(i, { description: v }))} label={`Item ${n} description`} required rows={2} />
            <div className="form-grid">
              <SelectField {...bind(problems, `content.impacts.${i}.severity`, item.severity === null ? '' : String(item.severity), (v) => set(i, { severity: num(v) }))} label={`Item ${n} severity`} required options={scaleOptions(method.severity)} placeholder="Choose…" />
              <SelectField {...bind(problems, `content.impacts.${i}.likelihood`, item.likelihood === null ? '' : String(item.likelihood), (v) => set(i, { likelihood: num(v) }))} label={`Item ${n} likelihood`} required options={scaleOptions(method.likelihood)} placeholder="Choose…" />
            </div>
            <button type="button" className="button button--danger-ghost button--small" onClick={() => change({ impacts: list.filter((_, j) => j !== i) })}>
              Remove item {n}
            </button>
          </fieldset>
        );
      })}
      <button type="button" className="button button--secondary button--small" onClick={() => change({ impacts: [...list, { kind: 'harm', description: '', affects: 'individuals', severity: null, likelihood: null }] })}>
        Add a harm or benefit
      </button>
    </>
  );
}

export function FundamentalRightsEditor({ draft, problems, change }: EditorProps) {
  const fr = draft.fundamentalRights;
  if (!fr) return null;
  const set = (key: keyof FundamentalRights, value: string) => change({ fundamentalRights: { ...fr, [key]: value } });
  return (
    <>
      {FUNDAMENTAL_RIGHTS_FIELDS.map(([key, label, hint]) => (
        <TextAreaField key={key} {...bind(problems, `content.fundamentalRights.${key}`, fr[key], (v) => set(key, v))} label={label} hint={`Art. 27(1)${hint}.`} required rows={2} />
      ))}
    </>
  );
}

export function MitigationsEditor({ draft, problems, change }: EditorProps) {
  const list = draft.mitigations;
  return (
    <>
      {list.map((m, i) => (
        <div key={i} className="item-row">
          <TextField {...bind(problems, `content.mitigations.${i}`, m, (v) => change({ mitigations: list.map((x, j) => (j === i ? v : x)) }))} label={`Mitigation ${i + 1}`} required />
          <button type="button" className="button button--danger-ghost button--small" onClick={() => change({ mitigations: list.filter((_, j) => j !== i) })}>
            Remove mitigation {i + 1}
          </button>
        </div>
      ))}
      <button type="button" className="button button--secondary button--small" onClick={() => change({ mitigations: [...list, ''] })}>
        Add a mitigation
      </button>
    </>
  );
}
