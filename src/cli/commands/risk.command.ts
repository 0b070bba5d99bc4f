import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { RiskOutput } from '../../contracts/risk.contracts.js';
import type { ReviewItem } from '../../app/risk/reviews.js';
import { AppError } from '../../domain/shared/app-error.js';
import { printResult, type CliIo } from '../cli-io.js';
import { connectRemote, withRemoteFlags, type RemoteOptions } from '../remote-client.js';

export function registerRisk(program: Command, io: CliIo) {
  const risk = program.command('risk').description('the AI risk register');

  withRemoteFlags(risk.command('list').description('risks, highest current score first, with their derived status'))
    .option('--status <status>', 'open, treated, acceptance_required, accepted, review_due or closed')
    .option('--system <id>', 'only this AI system')
    .option('--json', 'print the result as JSON')
    .action(async (options: RemoteOptions & { status?: string; system?: string; json?: boolean }) => {
      const query = new URLSearchParams({ ...(options.status ? { status: options.status } : {}), ...(options.system ? { systemId: options.system } : {}) });
      const risks = await connectRemote(io, options).request<RiskOutput[]>('GET', `/risks?${query}`);
      const lines = risks.map((r) => {
        const current = r.residual ?? r.inherent;
        return `${String(current.score).padStart(3)} ${current.level.padEnd(8)} ${r.status.padEnd(19)} ${r.systemName} — ${r.title}${r.flags.length ? `  [${r.flags.join('; ')}]` : ''}`;
      });
      printResult(io, Boolean(options.json), risks, lines.length ? lines.join('\n') : 'No risks.');
    });

  withRemoteFlags(risk.command('export').description('the register as CSV or a printable HTML document'))
    .requiredOption('--format <format>', 'csv or html')
    .option('--out <file>', 'file to write (default: standard output)')
    .action(async (options: RemoteOptions & { format: string; out?: string }) => {
      if (options.format !== 'csv' && options.format !== 'html') throw AppError.invalidField('format', 'must be csv or html');
      const body = await connectRemote(io, options).requestText('GET', `/risks/export?format=${options.format}`);
      if (!options.out) return io.out(body.trimEnd());
      await writeFile(resolve(options.out), body);
      io.out(`Wrote ${resolve(options.out)}.`);
    });

  withRemoteFlags(risk.command('import').description('register risks from a CSV (system, title, owner_email, likelihood, severity, stakeholder_impact); all rows or none'))
    .requiredOption('--file <file>', 'the CSV file')
    .option('--json', 'print the result as JSON')
    .action(async (options: RemoteOptions & { file: string; json?: boolean }) => {
      const text = await readFile(resolve(options.file), 'utf8').catch(() => {
        throw AppError.invalidField('file', `${options.file} is not a readable file`);
      });
      const result = await connectRemote(io, options).request<{ imported: number }>('POST', '/risks/import', text, { 'content-type': 'text/csv' });
      printResult(io, Boolean(options.json), result, `Registered ${result.imported} risk(s).`);
    });

  withRemoteFlags(risk.command('reviews').description('risks and impact assessments due for review, overdue first'))
    .option('--json', 'print the result as JSON')
    .action(async (options: RemoteOptions & { json?: boolean }) => {
      const items = await connectRemote(io, options).request<ReviewItem[]>('GET', '/reviews');
      const lines = items.map((i) => `${i.overdue ? 'OVERDUE ' : 'due     '}${i.kind.padEnd(18)} ${i.systemName} — ${i.title}: ${i.reasons.join('; ')}`);
      printResult(io, Boolean(options.json), items, lines.length ? lines.join('\n') : 'Nothing is due for review.');
    });
}
