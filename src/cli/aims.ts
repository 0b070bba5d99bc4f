import { runCli } from './main.js';
import { terminalPrompt } from './cli-io.js';

/** The `aims` binary: real streams, real environment, real exit code. */
// `aims … | head` closes the pipe early; that is the reader's choice, not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const prompt = terminalPrompt();
const { exitCode, stop } = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  ...(prompt ? { promptSecret: prompt } : {}),
});
if (stop) {
  // First signal: graceful stop (in-flight requests and jobs finish); a second one: stop now.
  const shutdown = () => {
    process.once('SIGINT', () => process.exit(130));
    process.once('SIGTERM', () => process.exit(143));
    void stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`error while stopping: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} else {
  process.exitCode = exitCode;
}
