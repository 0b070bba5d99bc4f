/**
 * Walks the decision table along the answers given, the way the questionnaire asks: which
 * questions lie on the path, which flags the answers set, where the path ends.
 */
import { CLASSIFIER_TABLE, END } from './classifier-table.js';
import { holds } from './classifier-conditions.js';
import type { ClassificationAnswers, TableOption, TableQuestion } from './classifier-types.js';

const QUESTIONS_BY_ID = new Map(CLASSIFIER_TABLE.questions.map((q) => [q.id, q]));

export function findQuestion(id: string): TableQuestion | undefined {
  return QUESTIONS_BY_ID.get(id);
}

/** Question ids that can still come after `id` on some path (itself included). */
export function reachableFrom(id: string): Set<string> {
  const seen = new Set<string>();
  const queue = [id];
  for (let current = queue.pop(); current !== undefined; current = queue.pop()) {
    const q = findQuestion(current);
    if (!q || seen.has(current)) continue;
    seen.add(current);
    const targets = [q.next, ...q.options.map((o) => o.next)];
    if (q.options.some((o) => o.terminal !== undefined)) targets.push(CLASSIFIER_TABLE.resolution.afterTerminal.next);
    for (const t of targets) if (t !== undefined && t !== END) queue.push(t);
  }
  return seen;
}

/** Why an answer cannot be used for its question, or undefined when it is well formed. */
export function answerProblem(q: TableQuestion, answer: string | string[]): string | undefined {
  if (q.type === 'multi') {
    if (!Array.isArray(answer)) return 'a multiple-choice question takes a list of option values';
    if (answer.length === 0) return 'select at least one option (or "none")';
    if (new Set(answer).size !== answer.length) return 'an option is selected twice';
  } else if (Array.isArray(answer)) {
    return 'a single-choice question takes one option value, not a list';
  }
  const values = Array.isArray(answer) ? answer : [answer];
  const unknown = values.filter((v) => !q.options.some((o) => o.value === v));
  if (unknown.length > 0) return `unknown option ${unknown.map((v) => `"${v}"`).join(', ')}`;
  const exclusive = q.options.find((o) => o.exclusive && values.includes(o.value));
  if (exclusive && values.length > 1) return `"${exclusive.value}" cannot be combined with other options`;
  return undefined;
}

export interface Walk {
  /** Answered questions on the path, in order. */
  path: string[];
  /** The first question on the path without a usable answer. */
  pending?: TableQuestion;
  /** True when the pending question has an answer, but not a usable one. */
  pendingIsInvalid: boolean;
  flags: Set<string>;
  answers: Map<string, string[]>;
  selected: { question: TableQuestion; option: TableOption }[];
  /** The outcome a terminal option ended the AI-system track with. */
  terminal?: string;
}

function pickTerminal(options: TableOption[]): string | undefined {
  const terminals = options.flatMap((o) => (o.terminal === undefined ? [] : [o.terminal]));
  const ranked = CLASSIFIER_TABLE.resolution.terminalPrecedence.find((id) => terminals.includes(id));
  return ranked ?? terminals[0];
}

export function walkQuestionnaire(given: ClassificationAnswers): Walk {
  const walk: Walk = { path: [], pendingIsInvalid: false, flags: new Set(), answers: new Map(), selected: [] };
  const ctx = { flags: walk.flags, answers: walk.answers };
  let current = CLASSIFIER_TABLE.start;
  // The table is acyclic (checked by the integrity tests); the bound guards a broken edit.
  for (let step = 0; step <= CLASSIFIER_TABLE.questions.length && current !== END; step++) {
    const q = findQuestion(current);
    if (!q) throw new Error(`classifier table: no question ${current}`);
    if (q.when && !holds(q.when, ctx)) {
      current = q.next ?? END;
      continue;
    }
    const answer = given[q.id];
    if (answer === undefined || answerProblem(q, answer) !== undefined) {
      walk.pending = q;
      walk.pendingIsInvalid = answer !== undefined;
      return walk;
    }
    const values = Array.isArray(answer) ? answer : [answer];
    const chosen = q.options.filter((o) => values.includes(o.value));
    walk.path.push(q.id);
    walk.answers.set(q.id, values);
    for (const option of chosen) {
      walk.selected.push({ question: q, option });
      for (const flag of option.setFlags ?? []) walk.flags.add(flag);
    }
    const terminal = walk.terminal === undefined ? pickTerminal(chosen) : undefined;
    if (terminal !== undefined) {
      walk.terminal = terminal;
      const after = CLASSIFIER_TABLE.resolution.afterTerminal;
      current = holds(after.if, ctx) ? after.next : END;
      continue;
    }
    current = chosen.find((o) => o.next !== undefined)?.next ?? q.next ?? END;
  }
  return walk;
}
