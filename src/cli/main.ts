import { Command, CommanderError } from 'commander';
import { CliExit, EXIT, reportError, type CliIo } from './cli-io.js';
import { registerBackup } from './commands/backup.command.js';
import { registerDb } from './commands/db.command.js';
import { registerDrift } from './commands/drift.command.js';
import { registerEvidence } from './commands/evidence.command.js';
import { registerMonitor } from './commands/monitor.command.js';
import { registerInit } from './commands/init.command.js';
import { registerServe } from './commands/serve.command.js';
import { registerSoa } from './commands/soa.command.js';
import { registerRisk } from './commands/risk.command.js';
import { registerToken } from './commands/token.command.js';
import { registerTrail } from './commands/trail.command.js';
import { registerUser } from './commands/user.command.js';
import { registerSystem } from './commands/system.command.js';
import { registerInventoryAssets } from './commands/inventory-assets.command.js';
import { registerInventoryExchange } from './commands/inventory-exchange.command.js';
import { registerJobs } from './commands/jobs.command.js';
import { registerWorker } from './commands/worker.command.js';
import { registerSso } from './commands/sso.command.js';

export interface CliRun {
  exitCode: number;
  /** Set when `serve` or `worker` started something that is still running. */
  stop?: () => Promise<void>;
}

/** Runs `aims` with the given arguments. Exit codes: 0 ok, 1 check failed, 2 usage or input error, 3 internal error. */
export async function runCli(argv: string[], io: CliIo): Promise<CliRun> {
  let stop: (() => Promise<void>) | undefined;
  const program = new Command('aims')
    .description('OpenAIMS: an ISO/IEC 42001 AI management system')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', '\nEvery command takes --help and --json. Exit codes: 0 ok, 1 check failed, 2 usage or input error, 3 internal error.')
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  registerServe(program, io, (s) => (stop = s));
  registerInit(program, io);
  registerDb(program, io);
  registerUser(program, io);
  registerToken(program, io);
  registerTrail(program, io);
  registerBackup(program, io);
  registerEvidence(program, io);
  registerMonitor(program, io);
  registerSoa(program, io);
  registerRisk(program, io);
  registerSystem(program, io);
  registerInventoryAssets(program, io);
  registerInventoryExchange(program, io);
  registerWorker(program, io, (s) => (stop = s));
  registerJobs(program, io);
  registerSso(program, io);
  registerDrift(program, io);
  for (const command of program.commands) command.exitOverride();

  const json = argv.includes('--json');
  try {
    await program.parseAsync(argv, { from: 'user' });
    return { exitCode: EXIT.ok, ...(stop ? { stop } : {}) };
  } catch (error) {
    if (error instanceof CliExit) return { exitCode: error.code };
    if (error instanceof CommanderError) {
      const helpOrVersion = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code);
      return { exitCode: helpOrVersion ? EXIT.ok : EXIT.usage };
    }
    return { exitCode: reportError(io, json, error) };
  }
}
