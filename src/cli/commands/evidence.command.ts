import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import type { Page } from '../../contracts/common.contracts.js';
import { EVIDENCE_KINDS, LINKABLE_ENTITY_TYPES, type EvidenceLinkOutput, type EvidenceOutput } from '../../contracts/evidence.contracts.js';
import { AppError } from '../../domain/shared/app-error.js';
import { printResult, type CliIo } from '../cli-io.js';
import { connectRemote, withRemoteFlags, type RemoteOptions } from '../remote-client.js';


interface UploadOptions extends RemoteOptions {
  title?: string;
  kind: string;
  description?: string;
  validFrom?: string;
  validUntil?: string;
  link: string[];
  json?: boolean;
}

/** `--link user:ID` parsed into the link body; the server checks the entity exists. */
function parseLink(text: string): { entityType: string; entityId: string } {
  const [entityType, ...rest] = text.split(':');
  const entityId = rest.join(':');
  if (!entityType || !entityId || !(LINKABLE_ENTITY_TYPES as readonly string[]).includes(entityType)) {
    throw AppError.invalidField('link', `"${text}" must be TYPE:ID with TYPE one of ${LINKABLE_ENTITY_TYPES.join(', ')}`);
  }
  return { entityType, entityId };
}

export function registerEvidence(program: Command, io: CliIo) {
  const evidence = program.command('evidence').description('evidence files, from a pipeline or a shell');
  withRemoteFlags(evidence.command('upload'))
    .description('upload a file as evidence, optionally linking it to entities')
    .argument('<file>', 'the file to upload')
    .option('--title <title>', 'title (default: the file name)')
    .option('--kind <kind>', `one of: ${EVIDENCE_KINDS.join(', ')}`, 'record')
    .option('--description <text>', 'what the file shows')
    .option('--valid-from <date>', 'YYYY-MM-DD')
    .option('--valid-until <date>', 'YYYY-MM-DD')
    .option('--link <type:id>', 'link to an entity (repeatable), e.g. organization:ID', (value: string, all: string[]) => [...all, value], [])
    .option('--json', 'print the result as JSON')
    .action(async (file: string, options: UploadOptions) => {
      const links = options.link.map(parseLink);
      const server = connectRemote(io, options);
      const path = resolve(file);
      const info = await stat(path).catch(() => undefined);
      if (!info?.isFile()) throw AppError.invalidField('file', `${file} is not a readable file`);
      const form = new FormData();
      form.set('file', new File([await readFile(path)], basename(path)));
      form.set('title', options.title ?? basename(path));
      form.set('kind', options.kind);
      for (const [key, value] of [['description', options.description], ['validFrom', options.validFrom], ['validUntil', options.validUntil]] as const) {
        if (value !== undefined) form.set(key, value);
      }
      const stored = await server.request<EvidenceOutput>('POST', '/evidence', form);
      const linked: EvidenceLinkOutput[] = [];
      for (const link of links) {
        linked.push(await server.request<EvidenceLinkOutput>('POST', `/evidence/${stored.id}/links`, JSON.stringify(link), { 'content-type': 'application/json' }));
      }
      printResult(io, Boolean(options.json), { ...stored, links: linked }, `Stored "${stored.title}" as evidence ${stored.id} (sha256 ${stored.sha256})${linked.length ? `, linked to ${linked.map((l) => `${l.entityType} ${l.entityId}`).join(', ')}` : ''}.`);
    });

  withRemoteFlags(evidence.command('list'))
    .description("list the organization's evidence, newest first")
    .option('--limit <n>', 'how many (1-200)', '50')
    .option('--json', 'print the result as JSON')
    .action(async (options: RemoteOptions & { limit: string; json?: boolean }) => {
      const page = await connectRemote(io, options).request<Page<EvidenceOutput>>('GET', `/evidence?limit=${encodeURIComponent(options.limit)}`);
      const lines = page.items.map((e) => `${e.id}  ${e.kind.padEnd(11)}  ${e.sha256.slice(0, 12)}  ${e.title}`);
      printResult(io, Boolean(options.json), page, lines.length ? lines.join('\n') : 'No evidence yet.');
    });
}
