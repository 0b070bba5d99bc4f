import type { Command } from 'commander';
import type { Page } from '../../contracts/common.contracts.js';
import type { ClassificationRecordOutput } from '../../contracts/classification.contracts.js';
import {
  MoveStageInputSchema,
  RegisterSystemInputSchema,
  WaveOverrideInputSchema,
  type SystemDetailOutput,
  type SystemOutput,
  type WaveProposalOutput,
} from '../../contracts/inventory.contracts.js';
import { LIFECYCLE_STAGES, ORGANIZATION_ROLES } from '../../domain/inventory/inventory-terms.js';
import { AppError } from '../../domain/shared/app-error.js';
import { printResult, type CliIo } from '../cli-io.js';
import { api, defined, parseFlags, list, readJsonFile, remoteCommand, type RemoteFlags } from './inventory-cli-support.js';

const SYSTEM_FLAGS: Record<string, string> = {
  name: '--name', purpose: '--purpose', organizationRoles: '--roles', lifecycleStage: '--stage', intendedUse: '--intended-use', foreseeableMisuse: '--misuse',
  businessUnit: '--business-unit', regions: '--regions', autonomyLevel: '--autonomy', humanOversight: '--oversight', impactOnPeople: '--impact',
  safetyImpact: '--safety', peopleAffected: '--people', decisionsPerMonth: '--decisions', modelIds: '--models', inAimsScope: '--out-of-scope',
};

function count(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw AppError.invalidField(flag, `must be a whole number, got ${text}`);
  return Number(text);
}

function describeSystem(s: SystemOutput & Partial<Pick<SystemDetailOutput, 'classification' | 'ranking'>>): string {
  const lines = [`${s.name} (${s.id})`, `  stage: ${s.lifecycleStage}${s.stageReason ? ` (${s.stageReason})` : ''}; roles: ${s.organizationRoles.join(', ')}; in AIMS scope: ${s.inAimsScope ? 'yes' : 'no'}`, `  purpose: ${s.purpose}`];
  if (s.classification) lines.push(`  EU AI Act screening v${s.classification.version}: ${s.classification.tier}${s.classification.annexIIIPoints.length ? `, Annex III ${s.classification.annexIIIPoints.join(', ')}` : ''}${s.classification.complete ? '' : ' (incomplete)'}`);
  if (s.ranking) lines.push(`  ranking score ${s.ranking.score}, proposed wave ${s.ranking.proposedWave}, wave ${s.ranking.wave}`);
  if (s.waveOverride) lines.push(`  wave override: ${s.waveOverride.wave ?? 'cleared'} (${s.waveOverride.reason}, by ${s.waveOverride.by})`);
  return lines.join('\n');
}

/** `--answer Q_ID=value` or `--answer Q_ID=a,b` for a multiple-choice question. */
function parseAnswer(text: string, all: Record<string, string | string[]>): Record<string, string | string[]> {
  const [id, value] = [text.slice(0, text.indexOf('=')), text.slice(text.indexOf('=') + 1)];
  if (!text.includes('=') || !id || !value) throw AppError.invalidField('answer', `"${text}" must be QUESTION_ID=value (or =a,b for several)`);
  return { ...all, [id]: value.includes(',') ? list(value)! : value };
}

/** `aims system add|list|show|stage|classify|rank`: the inventory of AI systems, through the server's API. */
export function registerSystem(program: Command, io: CliIo) {
  const system = program.command('system').description('the AI system inventory: add, list, show, move through the lifecycle, classify, rank');

  remoteCommand(
    system
      .command('add')
      .description('add an AI system to the inventory')
      .option('--file <file.json>', 'the full system as JSON (the API body); flags override its fields')
      .option('--name <name>', 'name')
      .option('--purpose <text>', 'what it is for')
      .option('--roles <list>', `the organization's roles, comma-separated: ${ORGANIZATION_ROLES.join(', ')}`)
      .option('--stage <stage>', `stage when it enters the inventory: ${LIFECYCLE_STAGES.join(', ')} (default planning)`)
      .option('--intended-use <text>', 'intended use')
      .option('--misuse <text>', 'reasonably foreseeable misuse')
      .option('--business-unit <name>', 'business unit')
      .option('--regions <list>', 'regions, comma-separated, e.g. EU,DE')
      .option('--autonomy <level>', 'advisory, human_approved, supervised or autonomous')
      .option('--oversight <mode>', 'human_in_the_loop, human_on_the_loop, human_in_command or none')
      .option('--impact <level>', 'impact on people: none, low, medium, high, critical')
      .option('--safety <level>', 'safety impact: none, low, medium, high, critical')
      .option('--people <n>', 'people affected a year')
      .option('--decisions <n>', 'decisions a month')
      .option('--models <ids>', 'model ids it uses, comma-separated')
      .option('--out-of-scope', 'outside the AIMS scope'),
  ).action(async (o: RemoteFlags & Record<string, string | boolean | undefined>) => {
    const base = o.file ? ((await readJsonFile('file', String(o.file))) as Record<string, unknown>) : {};
    const flags = defined({
      name: o.name, purpose: o.purpose, organizationRoles: list(o.roles as string | undefined), lifecycleStage: o.stage, intendedUse: o.intendedUse, foreseeableMisuse: o.misuse,
      businessUnit: o.businessUnit, regions: list(o.regions as string | undefined), autonomyLevel: o.autonomy, humanOversight: o.oversight, impactOnPeople: o.impact, safetyImpact: o.safety,
      peopleAffected: count('people', o.people as string | undefined), decisionsPerMonth: count('decisions', o.decisions as string | undefined), modelIds: list(o.models as string | undefined),
      inAimsScope: o.outOfScope ? false : undefined,
    });
    const body = parseFlags(RegisterSystemInputSchema, { ...base, ...flags }, o.file ? {} : SYSTEM_FLAGS);
    const created = await api<SystemOutput>(io, o, 'POST', '/systems', body);
    printResult(io, Boolean(o.json), created, `Added ${created.name} to the inventory as ${created.id} (stage ${created.lifecycleStage}).`);
  });

  remoteCommand(system.command('list').description('the inventory, highest ranking score first').option('--wave <n>', 'only this wave').option('--stage <stage>', 'only this stage').option('--limit <n>', 'how many (1-200)', '200')).action(
    async (o: RemoteFlags & { wave?: string; stage?: string; limit: string }) => {
      const query = new URLSearchParams(defined({ limit: o.limit, wave: o.wave, stage: o.stage }) as Record<string, string>);
      const page = await api<Page<SystemDetailOutput>>(io, o, 'GET', `/systems?${query.toString()}`);
      const lines = page.items.map((s) => `${s.id}  ${String(s.ranking.score).padStart(5)}  wave ${s.ranking.wave}  ${s.lifecycleStage.padEnd(11)}  ${(s.classification?.tier ?? 'unscreened').padEnd(16)}  ${s.name}`);
      printResult(io, Boolean(o.json), page, lines.length ? lines.join('\n') : 'No AI systems in the inventory yet.');
    },
  );

  remoteCommand(system.command('show').description('one system with its classification and ranking').argument('<id>', 'system id')).action(async (id: string, o: RemoteFlags) => {
    const detail = await api<SystemDetailOutput>(io, o, 'GET', `/systems/${encodeURIComponent(id)}`);
    printResult(io, Boolean(o.json), detail, describeSystem(detail));
  });

  remoteCommand(
    system
      .command('stage')
      .description('move a system through its lifecycle: forward one stage at a time; back, or out of retired, with --reason')
      .argument('<id>', 'system id')
      .requiredOption('--to <stage>', LIFECYCLE_STAGES.join(', '))
      .option('--reason <text>', 'why (required to move back)'),
  ).action(async (id: string, o: RemoteFlags & { to: string; reason?: string }) => {
    const body = parseFlags(MoveStageInputSchema, defined({ stage: o.to, reason: o.reason }), { stage: '--to', reason: '--reason' });
    const moved = await api<SystemOutput>(io, o, 'POST', `/systems/${encodeURIComponent(id)}/stage`, body);
    printResult(io, Boolean(o.json), moved, `${moved.name} is now in ${moved.lifecycleStage}.`);
  });

  remoteCommand(
    system
      .command('classify')
      .description('screen a system under the EU AI Act and store the answers and result as a new version (screening, not legal advice)')
      .argument('<id>', 'system id')
      .option('--answers <file.json>', 'the answers as JSON: { "QUESTION_ID": "value" or ["a", "b"] }')
      .option('--answer <Q=value>', 'one answer (repeatable); =a,b for several', (value: string, all: Record<string, string | string[]>) => parseAnswer(value, all), {}),
  ).action(async (id: string, o: RemoteFlags & { answers?: string; answer: Record<string, string | string[]> }) => {
    const fromFile = o.answers ? ((await readJsonFile('answers', o.answers)) as Record<string, unknown>) : {};
    const record = await api<ClassificationRecordOutput & { disclaimer: string }>(io, o, 'POST', `/systems/${encodeURIComponent(id)}/classifications`, { answers: { ...fromFile, ...o.answer } });
    const r = record.result;
    const text = [
      `Classification version ${record.version}: ${r.tier}${r.annexIIIPoints.length ? `, Annex III ${r.annexIIIPoints.join(', ')}` : ''}${r.complete ? '' : ` (incomplete: next question ${r.missing.join(', ')})`}.`,
      `${r.obligations.length} obligation(s) by role: ${[...new Set(r.obligations.map((x) => x.role))].join(', ') || 'none'}.`,
      record.disclaimer,
    ].join('\n');
    printResult(io, Boolean(o.json), record, text);
  });

  remoteCommand(
    system
      .command('rank')
      .description('show the ranked inventory and the wave-1 proposal, or override one system\'s wave with a reason')
      .option('--override <id>', 'the system to put in another wave')
      .option('--wave <n|none>', 'the wave for --override; none returns it to the proposal')
      .option('--reason <text>', 'why the proposal is overridden (required with --override)'),
  ).action(async (o: RemoteFlags & { override?: string; wave?: string; reason?: string }) => {
    if (o.override) {
      if (o.wave === undefined) throw AppError.invalidField('wave', 'is required with --override: a wave number, or none');
      const wave = o.wave === 'none' ? null : /^\d+$/.test(o.wave) ? Number(o.wave) : o.wave;
      const body = parseFlags(WaveOverrideInputSchema, defined({ wave, reason: o.reason }), { wave: '--wave', reason: '--reason' });
      const changed = await api<SystemOutput>(io, o, 'POST', `/systems/${encodeURIComponent(o.override)}/wave`, body);
      printResult(io, Boolean(o.json), changed, `${changed.name}: wave ${changed.waveOverride?.wave ?? 'as proposed'} (${changed.waveOverride?.reason ?? ''}).`);
      return;
    }
    const proposal = await api<WaveProposalOutput>(io, o, 'GET', '/waves');
    const lines = [
      `Wave 1 (threshold ${proposal.settings.wave1Threshold}, at most ${proposal.settings.wave1MaxSize}; settings v${proposal.settings.version}):`,
      ...proposal.wave1.map((s) => `  ${String(s.score).padStart(5)}  ${s.name}${s.overridden ? '  (override)' : ''}`),
      'All systems:',
      ...proposal.ranked.map((s) => `  ${String(s.score).padStart(5)}  proposed ${s.proposedWave}, wave ${s.wave}  ${s.name}`),
    ];
    printResult(io, Boolean(o.json), proposal, lines.join('\n'));
  });
}
