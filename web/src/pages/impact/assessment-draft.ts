import type { z } from 'zod';
import { SaveAssessmentInputSchema, type AssessmentContentInput } from '../../../../src/contracts/impact.contracts.js';
import { ApiError } from '../../api/api-error.js';
import { withRoleLabels } from '../../lib/roles.js';

type Impact = AssessmentContentInput['impacts'][number];
export type FundamentalRights = NonNullable<AssessmentContentInput['fundamentalRights']>;

/** The content being edited: like the contract's, except that a new harm has no scores until chosen. */
export type Draft = Omit<AssessmentContentInput, 'impacts'> & { impacts: Array<Omit<Impact, 'severity' | 'likelihood'> & { severity: number | null; likelihood: number | null }> };

/** Errors by the path the contract and the server use (`content.impacts.0.severity`, `content.stakeholders`). */
export type Problems = Record<string, string>;

export const EMPTY_FUNDAMENTAL_RIGHTS: FundamentalRights = {
  processDescription: '',
  periodAndFrequency: '',
  affectedCategories: '',
  specificRisks: '',
  oversightMeasures: '',
  measuresIfRisksMaterialise: '',
};

export function draftOf(content: AssessmentContentInput, fundamentalRightsRequired: boolean): Draft {
  return { ...content, fundamentalRights: content.fundamentalRights ?? (fundamentalRightsRequired ? { ...EMPTY_FUNDAMENTAL_RIGHTS } : null) };
}

/** Parses the draft with the server's own contract; blank list entries are dropped, as nobody means them. */
export function parseDraft(draft: Draft): { content: AssessmentContentInput } | { problems: Problems } {
  const input = {
    content: {
      ...draft,
      mitigations: draft.mitigations.filter((m) => m.trim() !== ''),
      impacts: draft.impacts.map((i) => ({ ...i, severity: i.severity ?? undefined, likelihood: i.likelihood ?? undefined })),
    },
  };
  const parsed = SaveAssessmentInputSchema.safeParse(input);
  return parsed.success ? { content: parsed.data.content } : { problems: issuesToProblems(parsed.error, input) };
}

/** Each issue by its path; a value that is simply absent "is required", whatever the schema's type message. */
function issuesToProblems(error: z.ZodError, input: unknown): Problems {
  const out: Problems = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.');
    const value = issue.path.reduce<unknown>((at, part) => (at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[part as PropertyKey] : undefined), input);
    out[key] ??= value === undefined ? 'is required' : issue.message;
  }
  return out;
}

/** The server's refusal by field; nothing when it named none. */
export function problemsOf(error: unknown): Problems {
  if (!(error instanceof ApiError)) return {};
  const out: Problems = {};
  for (const { field, reason } of error.fields) out[field] = out[field] ? `${out[field]}; ${withRoleLabels(reason)}` : withRoleLabels(reason);
  return out;
}
