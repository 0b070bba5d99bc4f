import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { SOA_EXPORT_FORMATS, type SoaImportResult, type SoaVersionOutput } from '../../contracts/soa.contracts.js';
import type { SoaDocument } from '../../domain/soa/soa-document.js';
import { AppError } from '../../domain/shared/app-error.js';
import { printResult, type CliIo } from '../cli-io.js';
import { connectRemote, withRemoteFlags, type RemoteOptions } from '../remote-client.js';

export function registerSoa(program: Command, io: CliIo) {
  const soa = program.command('soa').description('the Statement of Applicability over ISO/IEC 42001 Annex A');

  withRemoteFlags(soa.command('show').description('the 38 controls with applicability, owner and derived status'))
    .option('--status <status>', 'only controls with this status (not_started, planned, implemented, needs_review, not_applicable)')
    .option('--json', 'print the result as JSON')
    .action(async (options: RemoteOptions & { status?: string; json?: boolean }) => {
      const query = options.status ? `?status=${encodeURIComponent(options.status)}` : '';
      const doc = await connectRemote(io, options).request<SoaDocument>('GET', `/soa${query}`);
      const lines = doc.controls.map((c) => `${c.controlId.padEnd(8)} ${c.applicability.padEnd(10)} ${c.status.padEnd(14)} ${(c.ownerName ?? '-').padEnd(20)} ${c.title}`);
      const header = `SoA version ${doc.version.number} (${doc.version.state}) of ${doc.organization.name}`;
      printResult(io, Boolean(options.json), doc, [header, ...lines].join('\n'));
    });

  withRemoteFlags(soa.command('export').description('write the SoA as CSV, printable HTML, JSON, or OSCAL (catalog, profile and component definition)'))
    .requiredOption('--format <format>', `one of: ${SOA_EXPORT_FORMATS.join(', ')}`)
    .option('--issued <n>', 'the number of an issued version (default: the working draft)')
    .option('--out <path>', 'file to write (for oscal: a directory for the three files); default: standard output')
    .action(async (options: RemoteOptions & { format: string; issued?: string; out?: string }) => {
      if (!(SOA_EXPORT_FORMATS as readonly string[]).includes(options.format)) throw AppError.invalidField('format', `must be one of: ${SOA_EXPORT_FORMATS.join(', ')}`);
      const query = new URLSearchParams({ format: options.format, ...(options.issued ? { version: options.issued } : {}) });
      const body = await connectRemote(io, options).requestText('GET', `/soa/export?${query}`);
      if (!options.out) return io.out(body.endsWith('\n') ? body.slice(0, -1) : body);
      if (options.format !== 'oscal') {
        await writeFile(resolve(options.out), body);
        return io.out(`Wrote ${resolve(options.out)}.`);
      }
      const dir = resolve(options.out);
      await mkdir(dir, { recursive: true });
      const parts = JSON.parse(body) as Record<string, unknown>;
      const written: string[] = [];
      for (const [name, document] of Object.entries(parts)) {
        const file = join(dir, `${name}.json`);
        await writeFile(file, `${JSON.stringify(document, null, 2)}\n`);
        written.push(file);
      }
      io.out(`Wrote ${written.join(', ')}.`);
    });

  withRemoteFlags(soa.command('import').description('apply decisions from a CSV with the header control_id,applicability,justification,owner_email,implementation_plan; applicability is applicable or excluded (excluded needs a justification; undecided rows are skipped); all rows or none. The CSV from "soa export" works as a template'))
    .requiredOption('--file <file>', 'the CSV file')
    .option('--json', 'print the result as JSON')
    .action(async (options: RemoteOptions & { file: string; json?: boolean }) => {
      const text = await readFile(resolve(options.file), 'utf8').catch(() => {
        throw AppError.invalidField('file', `${options.file} is not a readable file`);
      });
      const result = await connectRemote(io, options).request<SoaImportResult>('POST', '/soa/import', text, { 'content-type': 'text/csv' });
      printResult(io, Boolean(options.json), result, `Read ${result.rowsRead} row(s): ${result.controlsChanged} control(s) changed, ${result.controlsUnchanged} unchanged.`);
    });

  withRemoteFlags(soa.command('issue').description('issue the open draft as a frozen version (approvers)'))
    .option('--note <text>', 'what this version changes')
    .option('--json', 'print the result as JSON')
    .action(async (options: RemoteOptions & { note?: string; json?: boolean }) => {
      const version = await connectRemote(io, options).request<SoaVersionOutput>('POST', '/soa/issue', JSON.stringify(options.note ? { note: options.note } : {}), { 'content-type': 'application/json' });
      printResult(io, Boolean(options.json), version, `Issued SoA version ${version.number} (sha256 ${version.documentSha256}).`);
    });
}
