import type { Ref } from 'react';
import type { FieldError } from '../api/api-error.js';
import { DataTable, type Column } from './data-table.js';

/** One problem in an uploaded file: by row and column for a CSV, by place (no row) otherwise. */
export interface ImportProblem {
  key: string;
  row?: string;
  column: string;
  reason: string;
}

/** The server names each CSV problem `row N.<column>` (row 1 is the header); anything else is shown whole. */
export function rowProblems(fields: readonly FieldError[]): ImportProblem[] {
  return fields.map((f, i) => {
    const match = /^row (\d+)\.(.+)$/.exec(f.field);
    return { key: `${i}`, row: match?.[1] ?? '—', column: match?.[2] ?? f.field, reason: f.reason };
  });
}

interface ProblemsTableProps {
  problems: readonly ImportProblem[];
  /** The heading above the table and, by default, its caption. */
  title: string;
  caption?: string;
  /** Header of the place column ("Column" for a CSV); the Row column shows only when `byRow`. */
  placeHeader: string;
  byRow: boolean;
  headingRef?: Ref<HTMLHeadingElement>;
}

/** The problems of a refused upload, so that each can be found and fixed in the file. */
export function ProblemsTable({ problems, title, caption, placeHeader, byRow, headingRef }: ProblemsTableProps) {
  const columns: Column<ImportProblem>[] = [
    ...(byRow ? [{ id: 'row', header: 'Row', align: 'end' as const, cell: (p: ImportProblem) => p.row ?? '—' }] : []),
    { id: 'column', header: placeHeader, cell: (p) => <code>{p.column}</code> },
    { id: 'reason', header: 'Problem', cell: (p) => p.reason },
  ];
  return (
    <>
      <h3 ref={headingRef} tabIndex={-1} className="panel__subtitle">
        {title}
      </h3>
      <DataTable caption={caption ?? title} columns={columns} rows={problems} rowKey={(p) => p.key} />
    </>
  );
}
