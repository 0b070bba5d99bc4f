import { CsvError, parse } from 'csv-parse/sync';
import { RegisterSystemInputSchema, type RegisterSystemInput, type SystemOutput } from '../../contracts/inventory.contracts.js';
import { fieldIssues } from '../../contracts/parse.js';
import { AppError } from '../../domain/shared/app-error.js';
import { listAiSystems } from '../../storage/repositories/ai-system.repository.js';
import { listModels } from '../../storage/repositories/model.repository.js';
import { findUserByEmail, findMember } from '../../storage/repositories/user.repository.js';
import { inTransaction } from '../../storage/transaction.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { registerSystemIn } from './register-system.js';

/** Columns a systems CSV may have; lists are separated by semicolons. `name`, `purpose` and `organizationRoles` are required. */
export const SYSTEM_CSV_COLUMNS = [
  'name', 'purpose', 'intendedUse', 'foreseeableMisuse', 'businessObjectives', 'successMetrics', 'ownerEmail', 'businessUnit', 'regions',
  'lifecycleStage', 'organizationRoles', 'affectedStakeholders', 'decisionsAndOutputs', 'autonomyLevel', 'humanOversight', 'regulatoryExposure',
  'inAimsScope', 'impactOnPeople', 'safetyImpact', 'peopleAffected', 'decisionsPerMonth', 'models',
] as const;
type Column = (typeof SYSTEM_CSV_COLUMNS)[number];

const LISTS: Column[] = ['successMetrics', 'regions', 'organizationRoles', 'affectedStakeholders', 'regulatoryExposure', 'models'];
const NUMBERS: Column[] = ['peopleAffected', 'decisionsPerMonth'];
const MAX_ROWS = 5000;

export interface RowIssue {
  row: number;
  column: string;
  reason: string;
}

const split = (text: string) => text.split(';').map((s) => s.trim()).filter(Boolean);

/**
 * Imports AI systems from CSV (one per row, a header row naming the columns). All or nothing:
 * every row is checked first, and if any is bad nothing is written and every bad row is reported
 * with its row number (the header is row 1) and column.
 */
export async function importSystemsCsv(deps: AppDeps, actor: Actor, csv: string): Promise<{ created: SystemOutput[] }> {
  requirePermission(actor, 'system:write');
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parse(csv, { columns: true, bom: true, skip_empty_lines: true, trim: true, info: true }) as typeof records;
  } catch (error) {
    const line = error instanceof CsvError ? (error as CsvError & { lines?: number }).lines : undefined;
    throw new AppError('VALIDATION_FAILED', `file: not readable as CSV${line ? ` (line ${line})` : ''}: ${(error as Error).message}`, { fields: [{ field: 'file', reason: 'is not readable as CSV' }], rows: line ? [{ row: line, column: '(row)', reason: (error as Error).message }] : [] });
  }
  if (records.length === 0) throw AppError.invalidField('file', 'has no data rows under the header');
  if (records.length > MAX_ROWS) throw AppError.invalidField('file', `has ${records.length} rows; import at most ${MAX_ROWS} at a time`);
  const unknown = Object.keys(records[0]!.record).filter((c) => !(SYSTEM_CSV_COLUMNS as readonly string[]).includes(c));
  if (unknown.length) {
    throw new AppError('VALIDATION_FAILED', `file: unknown column(s) ${unknown.join(', ')}; the columns are ${SYSTEM_CSV_COLUMNS.join(', ')}`, {
      fields: unknown.map((c) => ({ field: `columns.${c}`, reason: 'is not a known column' })),
      rows: unknown.map((c) => ({ row: 1, column: c, reason: 'is not a known column' })),
    });
  }

  const org = actor.organizationId;
  const modelIdsByName = new Map((await listModels(deps.db, org)).map((m) => [m.name, m.id]));
  const takenNames = new Set((await listAiSystems(deps.db, org)).map((s) => s.name));
  const issues: RowIssue[] = [];
  const inputs: RegisterSystemInput[] = [];
  const namesInFile = new Map<string, number>();

  for (const { record, info } of records) {
    const row = info.lines;
    const bad = (column: string, reason: string) => issues.push({ row, column, reason });
    const value: Record<string, unknown> = {};
    for (const [column, text] of Object.entries(record) as Array<[Column, string]>) {
      if (text === '' || column === 'ownerEmail' || column === 'models') continue;
      if (LISTS.includes(column)) value[column] = split(text);
      else if (NUMBERS.includes(column)) value[column] = /^\d+$/.test(text) ? Number(text) : text;
      else if (column === 'inAimsScope') value[column] = ({ yes: true, true: true, no: false, false: false } as Record<string, boolean>)[text.toLowerCase()] ?? text;
      else value[column] = text;
    }
    if (record.ownerEmail) {
      const user = await findUserByEmail(deps.db, record.ownerEmail.toLowerCase());
      const member = user ? await findMember(deps.db, org, user.id) : undefined;
      if (member) value.ownerUserId = user!.id;
      else bad('ownerEmail', `${record.ownerEmail} is not a member of this organization`);
    }
    if (record.models) {
      const ids = split(record.models).map((name) => {
        const id = modelIdsByName.get(name);
        if (!id) bad('models', `no model named "${name}" in the inventory`);
        return id;
      });
      value.modelIds = ids.filter((id): id is string => id !== undefined);
    }
    const parsed = RegisterSystemInputSchema.safeParse(value);
    if (!parsed.success) {
      for (const issue of fieldIssues(parsed.error)) {
        const column = issue.field === 'ownerUserId' ? 'ownerEmail' : issue.field === 'modelIds' || issue.field.startsWith('modelIds.') ? 'models' : issue.field.split('.')[0]!;
        bad(column, issue.reason);
      }
      continue;
    }
    const name = parsed.data.name;
    if (takenNames.has(name)) bad('name', `an AI system named "${name}" is already in the inventory`);
    else if (namesInFile.has(name)) bad('name', `repeats the name in row ${namesInFile.get(name)}`);
    namesInFile.set(name, namesInFile.get(name) ?? row);
    inputs.push(parsed.data);
  }

  if (issues.length > 0) {
    const rows = [...new Set(issues.map((i) => i.row))];
    throw new AppError('VALIDATION_FAILED', `${rows.length} row(s) of the CSV are invalid; nothing was imported. ${issues.map((i) => `row ${i.row}, ${i.column}: ${i.reason}`).join('; ')}`, {
      rows: issues,
      fields: issues.map((i) => ({ field: `row ${i.row}.${i.column}`, reason: i.reason })),
    });
  }
  const created = await inTransaction(deps.db, async (tx) => {
    const out: SystemOutput[] = [];
    for (const input of inputs) out.push(await registerSystemIn(tx, deps, actor, input));
    return out;
  });
  return { created };
}
