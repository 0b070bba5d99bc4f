import type { Command } from 'commander';
import { buildOfflineDriftReport } from '../../app/monitoring/offline-drift-report.js';
import { AppError } from '../../domain/shared/app-error.js';
import { CliExit, EXIT, type CliIo } from '../cli-io.js';
import { readCsvTable } from './drift-csv.js';
import { reportHtml, reportJson, reportText } from './drift-format.js';

const list = (value: string, previous: string[] = []) => [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];

interface DriftFlags {
  format?: string;
  json?: boolean;
  preset?: string;
  correction?: string;
  sensitive?: string[];
  categorical?: string[];
  label?: string;
  prediction?: string;
  minGroupSize?: string;
}

/**
 * `aims drift REFERENCE.csv CURRENT.csv`: the offline drift (and fairness) report, no server needed.
 * Exit codes: 0 no dataset drift, 1 dataset drift (at least half the columns drifted), 2 bad input.
 */
export function registerDrift(program: Command, io: CliIo) {
  program
    .command('drift')
    .description('compare CURRENT.csv with REFERENCE.csv column by column: every applicable drift test, the deciding one marked; fairness and performance when asked; exits 1 on dataset drift')
    .argument('<reference>', 'reference CSV with a header row')
    .argument('<current>', 'current CSV with the same columns')
    .option('--format <format>', 'text, json or html', 'text')
    .option('--json', 'same as --format json')
    .option('--preset <preset>', 'default or evidently', 'default')
    .option('--correction <method>', 'multiple-testing correction: none, bonferroni or bh', 'none')
    .option('--categorical <columns>', 'treat these numeric-looking columns as categories (comma-separated, repeatable)', list)
    .option('--sensitive <columns>', 'sensitive attribute(s) for fairness; several make intersectional groups (comma-separated, repeatable)', list)
    .option('--label <column>', 'the label column (performance, and TPR/FPR/PPV in fairness)')
    .option('--prediction <column>', 'the prediction column (0/1 for classification)')
    .option('--min-group-size <n>', 'groups smaller than this report "not enough data"', '30')
    .addHelpText('after', '\nExit codes: 0 no dataset drift, 1 dataset drift detected, 2 bad input. Statistic conventions: docs/monitoring-statistics.md')
    .action(async (referencePath: string, currentPath: string, o: DriftFlags) => {
      const format = o.json ? 'json' : (o.format ?? 'text');
      if (!['text', 'json', 'html'].includes(format)) throw AppError.invalidField('--format', 'must be text, json or html');
      if (o.preset !== 'default' && o.preset !== 'evidently') throw AppError.invalidField('--preset', 'must be default or evidently');
      const correction = o.correction === 'bh' ? 'benjamini-hochberg' : o.correction;
      if (correction !== 'none' && correction !== 'bonferroni' && correction !== 'benjamini-hochberg') throw AppError.invalidField('--correction', 'must be none, bonferroni or bh');
      const minGroupSize = Number(o.minGroupSize);
      if (!Number.isInteger(minGroupSize) || minGroupSize < 1) throw AppError.invalidField('--min-group-size', 'must be a positive integer');
      const [reference, current] = await Promise.all([readCsvTable(referencePath, 'reference'), readCsvTable(currentPath, 'current')]);
      const report = buildOfflineDriftReport(reference, current, {
        preset: o.preset,
        correction,
        categorical: o.categorical,
        sensitive: o.sensitive,
        label: o.label,
        prediction: o.prediction,
        minGroupSize,
      });
      io.out(format === 'json' ? reportJson(report) : format === 'html' ? reportHtml(report) : reportText(report));
      if (report.decision.drifted) throw new CliExit(EXIT.checkFailed);
    });
}
