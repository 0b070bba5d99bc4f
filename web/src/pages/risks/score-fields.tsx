import type { ScoringMethodVersionOutput } from '../../../../src/contracts/risk.contracts.js';
import { SelectField, type SelectOption } from '../../components/form-fields.js';

type Scale = ScoringMethodVersionOutput['method']['likelihood'];
type Dimension = 'likelihood' | 'severity' | 'stakeholderImpact';

/** "3 – Possible": each point of one of the organization's scales, with its label. */
export function scaleOptions(scale: Scale): SelectOption[] {
  const out: SelectOption[] = [];
  for (let n = scale.min; n <= scale.max; n++) {
    const label = scale.labels[n - scale.min];
    out.push({ value: String(n), label: label ? `${n} – ${label}` : String(n) });
  }
  return out;
}

export const DIMENSION_LABEL: Record<Dimension, string> = { likelihood: 'Likelihood', severity: 'Severity', stakeholderImpact: 'Stakeholder impact' };

const DIMENSION_HINT: Record<Dimension, string> = {
  likelihood: 'How likely the harm is to happen.',
  severity: 'How bad it would be for the organization.',
  stakeholderImpact: 'How bad it would be for the people the system affects.',
};

interface FieldProps {
  name: string;
  value: string;
  onValueChange: (value: string) => void;
  error?: string | undefined;
}

/**
 * The three scores on the organization's scales. There is no score or level here: the server
 * computes both (likelihood × the worse of severity and stakeholder impact) when it saves.
 */
export function ScoreFields({ method, field, prefix = '', labelPrefix = '' }: { method: ScoringMethodVersionOutput['method']; field: (name: string) => FieldProps; prefix?: string; labelPrefix?: string }) {
  return (
    <div className="form-grid form-grid--3">
      {(['likelihood', 'severity', 'stakeholderImpact'] as const).map((dimension) => (
        <SelectField
          key={dimension}
          {...field(`${prefix}${dimension}`)}
          label={`${labelPrefix}${labelPrefix ? DIMENSION_LABEL[dimension].toLowerCase() : DIMENSION_LABEL[dimension]}`}
          required
          options={scaleOptions(method[dimension])}
          placeholder="Choose…"
          hint={DIMENSION_HINT[dimension]}
        />
      ))}
    </div>
  );
}

/** Form strings to whole numbers; a blank stays undefined so the contract says "is required". */
export function toWhole(value: string): number | undefined {
  return value === '' ? undefined : Number(value);
}
