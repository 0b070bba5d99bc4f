import type { Command } from 'commander';
import { verifyTrail } from '../../app/trail/verify-trail.js';
import type { TrailVerificationOutput } from '../../contracts/trail.contracts.js';
import { withApp } from '../app-session.js';
import { CliExit, EXIT, printResult, type CliIo } from '../cli-io.js';

/** One line per check, the failed one saying what and where. */
export function describeVerification(result: TrailVerificationOutput): string {
  const { firstBreak, state, files } = result;
  if (firstBreak) {
    return `Trail BROKEN in organization ${firstBreak.organizationId} at event #${firstBreak.seq}${firstBreak.eventId ? ` (${firstBreak.eventId})` : ''}: ${firstBreak.message}.`;
  }
  const lines = [`Trail intact: ${result.eventsChecked} events in ${result.organizations} organization(s).`];
  lines.push(
    state.firstMismatch
      ? `Records DO NOT MATCH the trail in organization ${state.firstMismatch.organizationId}: ${state.firstMismatch.message}.`
      : `Records match the trail: ${state.recordsChecked} checked.`,
  );
  if (files) {
    lines.push(
      files.firstMismatch
        ? `Evidence file BAD in organization ${files.firstMismatch.organizationId}: ${files.firstMismatch.message} (sha256 ${files.firstMismatch.sha256}).`
        : `Evidence files match their hashes: ${files.checked} checked.`,
    );
  }
  return lines.join('\n');
}

export function registerTrail(program: Command, io: CliIo) {
  const trail = program.command('trail').description('the hash-chained audit trail');
  trail
    .command('verify')
    .description('check every organization: the hash chain, the records against what the trail recorded, and every evidence file against its hash; exits 1 and names the first problem')
    .option('--json', 'print the result as JSON')
    .action(async (options: { json?: boolean }) => {
      const result = await withApp(io, (deps) => verifyTrail(deps.db, { blobs: deps.blobs }), { existing: true });
      printResult(io, Boolean(options.json), result, describeVerification(result));
      if (!result.ok) throw new CliExit(EXIT.checkFailed);
    });
}
