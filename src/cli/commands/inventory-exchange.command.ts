import type { Command } from 'commander';
import { exportMlbom } from '../../app/inventory/export-mlbom.js';
import { ADMIN_HELP, actAsAdmin } from '../admin-actor.js';
import { withApp } from '../app-session.js';
import { printResult, type CliIo } from '../cli-io.js';
import { connectRemote } from '../remote-client.js';
import { api, readJsonFile, readUserFile, remoteCommand, writeUserFile, type RemoteFlags } from './inventory-cli-support.js';

interface ImportSummary {
  created: Record<string, number>;
  updated: Record<string, number>;
}

const summarize = (counts: Record<string, number>) => Object.entries(counts).filter(([, n]) => n > 0).map(([kind, n]) => `${n} ${kind}`).join(', ') || 'nothing';

/** `aims export mlbom` and `aims import mlbom|systems`: CycloneDX ML-BOM and CSV, through the server's API. */
export function registerInventoryExchange(program: Command, io: CliIo) {
  const exporter = program.command('export').description('export records in standard formats');
  remoteCommand(
    exporter
      .command('mlbom')
      .description('the inventory (or one system) as a CycloneDX 1.6 ML-BOM, e.g. for a release pipeline')
      .option('--system <id>', 'only this system and what it uses')
      .option('--out <file>', 'write the BOM to a file instead of printing it')
      .option('--admin-email <email>', 'without --url: read the local database (AIMS_DATA_DIR or DATABASE_URL) as this member (env AIMS_ADMIN_EMAIL)')
      .option('--org <id>', 'without --url: organization id, when the member belongs to several')
      .addHelpText('after', `\nWithout --url or AIMS_URL it reads the local installation instead.${ADMIN_HELP}`),
  ).action(async (o: RemoteFlags & { system?: string; out?: string; adminEmail?: string; org?: string }) => {
    const local = !o.url && !io.env.AIMS_URL && Boolean(o.adminEmail ?? io.env.AIMS_ADMIN_EMAIL);
    const bom = local
      ? await withApp(io, async (deps) => exportMlbom(deps, await actAsAdmin(io, deps, o), { systemId: o.system }), { existing: true })
      : await api<Record<string, unknown>>(io, o, 'GET', o.system ? `/systems/${encodeURIComponent(o.system)}/mlbom` : '/mlbom');
    const text = `${JSON.stringify(bom, null, 2)}\n`;
    if (!o.out) return io.out(text.trimEnd());
    await writeUserFile('out', o.out, text);
    const components = (bom.components as unknown[] | undefined)?.length ?? 0;
    printResult(io, Boolean(o.json), { written: o.out, components }, `Wrote a CycloneDX 1.6 ML-BOM with ${components} component(s) to ${o.out}.`);
  });

  const importer = program.command('import').description('create or update records from standard formats');
  remoteCommand(importer.command('mlbom').description('create or update inventory entries from a CycloneDX ML-BOM (validated against its schema)').requiredOption('--file <file.json>', 'the BOM')).action(
    async (o: RemoteFlags & { file: string }) => {
      const result = await api<ImportSummary>(io, o, 'POST', '/mlbom/import', await readJsonFile('file', o.file));
      printResult(io, Boolean(o.json), result, `Imported: created ${summarize(result.created)}; updated ${summarize(result.updated)}.`);
    },
  );
  remoteCommand(
    importer.command('systems').description('import AI systems from CSV, all or nothing; every bad row is reported with its row and column').requiredOption('--file <file.csv>', 'the CSV, with a header row'),
  ).action(async (o: RemoteFlags & { file: string }) => {
    const csv = await readUserFile('file', o.file);
    const result = await connectRemote(io, o).request<{ created: Array<{ id: string; name: string }> }>('POST', '/systems/import', csv, { 'content-type': 'text/csv' });
    printResult(io, Boolean(o.json), result, `Imported ${result.created.length} system(s):\n${result.created.map((s) => `  ${s.id}  ${s.name}`).join('\n')}`);
  });
}
