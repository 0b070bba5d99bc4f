import type { Command } from 'commander';
import { verifyTrail } from '../../app/trail/verify-trail.js';
import { withApp } from '../app-session.js';
import { CliExit, EXIT, printResult, type CliIo } from '../cli-io.js';

export function registerTrail(program: Command, io: CliIo) {
  const trail = program.command('trail').description('the hash-chained audit trail');
  trail
    .command('verify')
    .description('check every organization\'s hash chain; exits 1 and names the first broken event if any was edited, deleted or reordered')
    .option('--json', 'print the result as JSON')
    .action(async (options: { json?: boolean }) => {
      const result = await withApp(io, (deps) => verifyTrail(deps.db), { existing: true });
      const text = result.ok
        ? `Trail intact: ${result.eventsChecked} events in ${result.organizations} organization(s).`
        : `Trail BROKEN in organization ${result.firstBreak!.organizationId} at event #${result.firstBreak!.seq}${result.firstBreak!.eventId ? ` (${result.firstBreak!.eventId})` : ''}: ${result.firstBreak!.message}.`;
      printResult(io, Boolean(options.json), result, text);
      if (!result.ok) throw new CliExit(EXIT.checkFailed);
    });
}
