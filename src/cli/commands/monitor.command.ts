import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { Readable } from 'node:stream';
import type { Command } from 'commander';
import type { PredictionBatchOutput } from '../../contracts/monitoring.contracts.js';
import { AppError } from '../../domain/shared/app-error.js';
import { printResult, type CliIo } from '../cli-io.js';
import { connectRemote, withRemoteFlags, type RemoteOptions } from '../remote-client.js';

interface IngestOptions extends RemoteOptions {
  system: string;
  file: string;
  batchId?: string;
  labels?: boolean;
  json?: boolean;
}

function contentTypeOf(path: string): string {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return 'text/csv';
  if (ext === '.jsonl' || ext === '.ndjson') return 'application/x-ndjson';
  throw AppError.invalidField('file', `${path} must end in .csv, .jsonl or .ndjson`);
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export function registerMonitor(program: Command, io: CliIo) {
  const monitor = program.command('monitor').description('post-market monitoring of AI systems, from a pipeline');
  withRemoteFlags(monitor.command('ingest'))
    .description('send a prediction log (or, with --labels, late labels) to the server, streamed; safe to retry')
    .requiredOption('--system <id>', 'the AI system id')
    .requiredOption('--file <path>', 'a .csv or .jsonl file (see docs/monitoring.md)')
    .option('--batch-id <id>', "the batch's name; a resend with the same id is stored once (default: the file's sha256)")
    .option('--labels', 'the file holds labels (prediction_id,label) for predictions sent before')
    .option('--json', 'print the result as JSON')
    .action(async (options: IngestOptions) => {
      const server = connectRemote(io, options);
      const path = resolve(options.file);
      const info = await stat(path).catch(() => undefined);
      if (!info?.isFile()) throw AppError.invalidField('file', `${options.file} is not a readable file`);
      const contentType = contentTypeOf(path);
      const batchId = options.batchId ?? `sha256-${await sha256Of(path)}`;
      const kind = options.labels ? 'labels' : 'predictions';
      const body = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
      const batch = await server.request<PredictionBatchOutput>('POST', `/systems/${encodeURIComponent(options.system)}/${kind}?batchId=${encodeURIComponent(batchId)}`, body as BodyInit, { 'content-type': contentType });
      printResult(io, Boolean(options.json), batch, `Batch ${batch.batchId}: ${batch.rowCount} ${kind === 'labels' ? 'labels joined' : `predictions stored (${batch.labelledCount} labelled)`}, sha256 ${batch.sha256}.`);
    });
}
