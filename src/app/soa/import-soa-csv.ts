import { parse } from 'csv-parse/sync';
import { SOA_CSV_COLUMNS, SOA_CSV_IMPORTED, type DecideControlInput, type SoaImportResult } from '../../contracts/soa.contracts.js';
import { findAnnexAControl } from '../../domain/catalog/index.js';
import { AppError, type FieldIssue } from '../../domain/shared/app-error.js';
import { listMembers } from '../../storage/repositories/user.repository.js';
import { inTransaction } from '../../storage/transaction.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { applyControlDecision } from './decide-soa-control.js';

const MAX_ROWS = 500;
const LIMITS: Record<string, number> = { justification: 2000, implementation_plan: 4000 };

/**
 * Imports SoA decisions from a spreadsheet (the CSV the export writes, or one with just the
 * imported columns). Every row is checked first and every problem is reported by row and column;
 * one bad row means nothing is written.
 */
export async function importSoaCsv(deps: AppDeps, actor: Actor, csvText: string): Promise<SoaImportResult> {
  requirePermission(actor, 'soa:write');
  const records = parseCsv(csvText);
  const emails = new Map((await listMembers(deps.db, actor.organizationId, undefined, 1_000_000)).map((m) => [m.email.toLowerCase(), m.id]));
  const problems: FieldIssue[] = [];
  const decisions: Array<{ controlId: string; input: DecideControlInput }> = [];
  const seen = new Map<string, number>();

  records.rows.forEach((record, index) => {
    const row = index + 2; // the header is row 1
    const problem = (column: string, reason: string) => problems.push({ field: `row ${row}.${column}`, reason });
    const cell = (column: string) => unescapeFormula(record[column] ?? '').trim();
    const controlId = cell('control_id');
    if (!findAnnexAControl(controlId)) problem('control_id', controlId ? `${controlId} is not an ISO/IEC 42001 Annex A control ID` : 'is required');
    else if (seen.has(controlId)) problem('control_id', `${controlId} appears again (first on row ${seen.get(controlId)})`);
    else seen.set(controlId, row);
    const applicability = cell('applicability');
    // An exported draft lists undecided controls; they are left as they are, not refused.
    if (applicability === 'undecided' && !cell('justification') && !cell('owner_email') && !cell('implementation_plan')) return;
    if (applicability !== 'applicable' && applicability !== 'excluded') problem('applicability', 'must be applicable or excluded (or undecided with the other columns empty, to leave the control as it is)');
    const justification = cell('justification');
    if (applicability === 'excluded' && !justification) problem('justification', 'is required to exclude a control');
    const email = cell('owner_email').toLowerCase();
    const ownerUserId = email ? emails.get(email) : null;
    if (ownerUserId === undefined) problem('owner_email', `${email} is not a member of this organization`);
    for (const [column, max] of Object.entries(LIMITS)) if (cell(column).length > max) problem(column, `must be at most ${max} characters`);
    decisions.push({
      controlId,
      input: { applicability: applicability as 'applicable' | 'excluded', justification: justification || null, ownerUserId: ownerUserId ?? null, implementationPlan: cell('implementation_plan') || null },
    });
  });
  if (problems.length > 0) {
    throw new AppError('VALIDATION_FAILED', `the CSV has ${problems.length} problem(s); nothing was imported. First: ${problems[0]!.field} ${problems[0]!.reason}`, { fields: problems });
  }

  return inTransaction(deps.db, async (tx) => {
    let changed = 0;
    for (const { controlId, input } of decisions) if ((await applyControlDecision(tx, deps, actor, controlId, input)).changed) changed += 1;
    return { rowsRead: records.rows.length, controlsChanged: changed, controlsUnchanged: records.rows.length - changed };
  });
}

function parseCsv(text: string): { rows: Array<Record<string, string>> } {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false }) as string[][];
  } catch (error) {
    const { lines, message } = error as { lines?: number; message: string };
    throw new AppError('VALIDATION_FAILED', `the CSV could not be read: ${message}`, { fields: [{ field: `row ${lines ?? '?'}`, reason: message }] });
  }
  const [header, ...body] = rows;
  if (!header) throw AppError.invalidField('csv', 'is empty; the first row must name the columns');
  const columns = header.map((h) => h.trim().toLowerCase());
  const unknown = columns.filter((c) => !(SOA_CSV_COLUMNS as readonly string[]).includes(c));
  const missing = SOA_CSV_IMPORTED.filter((c) => c !== 'owner_email' && c !== 'implementation_plan' && c !== 'justification' && !columns.includes(c));
  const issues = [...unknown.map((c) => ({ field: `row 1.${c}`, reason: 'is not a known column' })), ...missing.map((c) => ({ field: `row 1.${c}`, reason: 'column is required' }))];
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', `the CSV header is not usable: ${issues.map((i) => `${i.field} ${i.reason}`).join('; ')}`, { fields: issues });
  if (body.length > MAX_ROWS) throw AppError.invalidField('csv', `has ${body.length} rows; at most ${MAX_ROWS}`);
  return { rows: body.map((cells) => Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']))) };
}

/** Undoes the export's guard against spreadsheet formulas (a quote before = + - @). */
function unescapeFormula(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}
