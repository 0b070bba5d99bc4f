import type { AssessmentSection, AssessmentState } from '../../../../src/domain/impact/impact-assessment.js';
import type { Tone } from '../../components/status-badge.js';

export const STATE_LABEL: Record<AssessmentState, string> = {
  draft: 'Draft',
  submitted: 'Submitted for approval',
  approved: 'Approved',
  changes_requested: 'Changes requested',
  superseded: 'Superseded',
};

export const STATE_TONE: Record<AssessmentState, Tone> = {
  draft: 'info',
  submitted: 'warn',
  approved: 'ok',
  changes_requested: 'danger',
  superseded: 'neutral',
};

/** The guided sections, after ISO/IEC 42005, with the question each one answers. */
export const SECTION_TITLE: Record<AssessmentSection, string> = {
  purpose: 'Purpose',
  intendedUse: 'Intended use',
  foreseeableMisuse: 'Foreseeable misuse',
  stakeholders: 'Stakeholders',
  impacts: 'Harms and benefits',
  fundamentalRights: 'Fundamental rights (EU AI Act Art. 27)',
  mitigations: 'Mitigations',
  humanOversight: 'Human oversight',
};

export const SECTION_QUESTION: Record<AssessmentSection, string> = {
  purpose: 'What is the system for, and what decision or output does it produce?',
  intendedUse: 'Who uses it, where, how, and within which limits?',
  foreseeableMisuse: 'How could it reasonably be used in ways it was not meant for?',
  stakeholders: 'Which people and groups does it affect, directly or indirectly? Mark vulnerable groups (for example children, older people, people in financial difficulty).',
  impacts: 'What could go wrong or right for individuals, groups and society? Rate each on the organization’s severity and likelihood scales.',
  fundamentalRights: 'As a deployer of a high-risk system, describe the six elements of the fundamental-rights impact assessment.',
  mitigations: 'What measures reduce the harms you listed?',
  humanOversight: 'Who can monitor, intervene, override or stop the system, and how?',
};

export const FUNDAMENTAL_RIGHTS_FIELDS = [
  ['processDescription', 'Processes the system is used in', '(a) the deployer’s processes in which the system is used for its intended purpose'],
  ['periodAndFrequency', 'Period and frequency of use', '(b) how long and how often the system is meant to be used'],
  ['affectedCategories', 'People and groups likely affected', '(c) categories of natural persons and groups likely affected in this context'],
  ['specificRisks', 'Specific risks of harm', '(d) risks of harm likely to affect those categories'],
  ['oversightMeasures', 'How human oversight is carried out', '(e) how human oversight is carried out, following the instructions for use'],
  ['measuresIfRisksMaterialise', 'Measures if the risks materialise', '(f) what happens then, including internal governance and complaint handling'],
] as const;

export function assessmentPath(id: string): string {
  return `/impact-assessments/${encodeURIComponent(id)}`;
}

/** The server names Art. 27 fields by key ("specificRisks is empty"); shown with the form's labels instead. */
export function withFieldLabels(text: string): string {
  return FUNDAMENTAL_RIGHTS_FIELDS.reduce((out, [key, label]) => out.replace(new RegExp(`\\b${key}\\b`, 'g'), `“${label}”`), text);
}
