/**
 * Types of the EU AI Act decision table (catalog/eu-ai-act/classifier-2024-1689.json) and of
 * the classification result. The table is data; these types say what the engine relies on.
 */

export type QuestionType = 'single' | 'multi' | 'boolean';

export type RiskTier = 'out-of-scope' | 'prohibited' | 'high-risk' | 'art6-3-exception' | 'transparency' | 'minimal';

export type ObligationRole = 'provider' | 'deployer' | 'importer' | 'distributor' | 'gpai-provider';

export const OBLIGATION_ROLES: readonly ObligationRole[] = ['provider', 'deployer', 'importer', 'distributor', 'gpai-provider'];

/** The small condition language of the table (`resolution.conditionDsl`). */
export type Condition =
  | { flag: string }
  | { anyFlag: string[] }
  | { flagsOnly: string[] }
  | { answer: { q: string; includes: string } }
  | { tier: RiskTier }
  | { not: Condition }
  | { allOf: Condition[] }
  | { anyOf: Condition[] };

export interface TableOption {
  value: string;
  label: string;
  cite?: string[];
  next?: string;
  terminal?: string;
  setFlags?: string[];
  /** Cannot be combined with other options of a multi question ("None of these"). */
  exclusive?: boolean;
  annexIIIPoint?: string;
  note?: string;
  verify?: boolean;
}

export interface TableQuestion {
  id: string;
  section: string;
  type: QuestionType;
  text: string;
  help?: string;
  cite: string[];
  when?: Condition;
  options: TableOption[];
  next?: string;
}

export interface TableOutcome {
  tier: RiskTier;
  label: string;
  cite: string[];
  /** 'model' for outcomes of the general-purpose model track. */
  track?: 'model';
  penalty?: string;
  obligationKeys?: string[];
  /** Art. 50(6): transparency duties are added on top of this outcome. */
  transparencyCumulative?: boolean;
  appliesFrom?: ApplicationDate[];
}

export interface TableObligation {
  id: string;
  role: ObligationRole;
  text: string;
  cite: string[];
  when?: Condition;
  /** Transparency entries: the flag that triggers it and the Art. 50 paragraph it reports. */
  flag?: string;
  article?: string;
  ossExempt?: boolean;
  verify?: boolean;
}

export interface TierRule {
  if?: Condition;
  else?: string;
  outcome?: string;
  cite?: string[];
}

export interface ApplicationDate {
  date: string;
  what: string;
  cite: string;
  verify?: boolean;
}

export interface IncidentClock {
  id: string;
  case: 'default' | 'death' | 'widespread-or-critical-infrastructure';
  description: string;
  days: number;
  cite: string;
}

export interface ClassifierTable {
  id: string;
  rulesVersion: string;
  asOf: string;
  disclaimer: string;
  sources: { id: string; title: string; celex?: string; eli?: string; url?: string; verify?: boolean }[];
  start: string;
  questions: TableQuestion[];
  outcomes: Record<string, TableOutcome>;
  resolution: {
    terminalPrecedence: string[];
    afterTerminal: { if: Condition; next: string };
    modelOnly: { if: Condition };
    systemTier: TierRule[];
    modelTier: TierRule[];
    cumulativeTransparency: { obligationKey: string; cite: string[] };
    fria: { if: Condition; obligationKey: string; cite: string[] };
    roles: Record<ObligationRole, Condition>;
    gpaiOpenSource: { if: Condition; drop: 'ossExempt'; cite: string[] };
  };
  obligations: Record<string, TableObligation[]>;
  incidentDeadlines: { definition: string; clocks: IncidentClock[]; notes: string };
  applicationDates: ApplicationDate[];
}

/** One question as the questionnaire shows it (no routing internals). */
export interface ClassifierQuestion {
  id: string;
  section: string;
  type: QuestionType;
  text: string;
  help?: string;
  cite: string[];
  options: { value: string; label: string }[];
}

/** Question id -> option value (single, boolean) or option values (multi). */
export type ClassificationAnswers = Record<string, string | string[]>;

export interface ClassificationObligation {
  role: ObligationRole;
  id: string;
  text: string;
  cite: string[];
}

export interface ClassificationResult {
  /** false while a question on the path is unanswered; the other fields then show what is known so far. */
  complete: boolean;
  /** The next unanswered question on the path (later questions depend on its answer). */
  missing: string[];
  tier: RiskTier;
  outcomeId: string;
  label: string;
  /** Annex III points selected, like '5(b)', also when the Art. 6(3) exception applies. */
  annexIIIPoints: string[];
  /** High-risk as (a safety component of) an Annex I product needing third-party assessment. */
  annexI: boolean;
  /** The Art. 6(3) conditions relied on, like 'Art. 6(3)(a)', when the exception was confirmed. */
  art63Reasons: string[];
  /** Art. 50 paragraphs triggered, like 'Art. 50(1)'; empty for prohibited and out-of-scope systems. */
  transparency: string[];
  gpai: 'none' | 'gpai' | 'gpai-systemic';
  /** A fundamental rights impact assessment is required of the deployer (Art. 27). */
  fria: boolean;
  obligations: ClassificationObligation[];
  citations: string[];
  /** Question ids answered along the path, in order. */
  path: string[];
  rulesVersion: string;
}
