import { runCli } from './main.js';
import { terminalPrompt } from './cli-io.js';

/** The `aims` binary: real streams, real environment, real exit code. */
const prompt = terminalPrompt();
const { exitCode, stop } = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  ...(prompt ? { promptSecret: prompt } : {}),
});
if (stop) {
  const shutdown = () => void stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} else {
  process.exitCode = exitCode;
}
