import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import type { TextTable } from '../../app/monitoring/offline-drift-report.js';
import { AppError } from '../../domain/shared/app-error.js';

/** Streams a CSV file with a header row into text columns (csv-parse; one row in memory at a time while parsing). */
export async function readCsvTable(path: string, flag: string): Promise<TextTable> {
  const input = createReadStream(path);
  const parser = input.pipe(parse({ bom: true, skip_empty_lines: true, relax_column_count: false }));
  // pipe() does not forward a read error (a missing file); hand it to the parser so the loop ends.
  input.on('error', (error) => parser.destroy(error));
  let columns: string[] | null = null;
  let cells: (string | null)[][] = [];
  let rows = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!columns) {
        columns = record.map((c) => c.trim());
        const seen = new Set<string>();
        for (const c of columns) {
          if (!c) throw AppError.invalidField(flag, `${path}: the header has an empty column name`);
          if (seen.has(c)) throw AppError.invalidField(flag, `${path}: column "${c}" appears twice in the header`);
          seen.add(c);
        }
        cells = columns.map(() => []);
        continue;
      }
      for (let i = 0; i < record.length; i++) (cells[i] as (string | null)[]).push(record[i] ?? null);
      rows++;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw AppError.invalidField(flag, `${path} does not exist`);
    throw AppError.invalidField(flag, `${path} is not valid CSV: ${(error as Error).message}`);
  }
  if (!columns) throw AppError.invalidField(flag, `${path} is empty; it needs a header row`);
  return { columns, cells: new Map(columns.map((c, i) => [c, cells[i] as (string | null)[]])), rows };
}
