/**
 * The `adopt` command line: `adopt check PATH... [--format text|json|sarif] [--max-warnings N]
 * [--config FILE] [--stats]`, `adopt rank PATH [--json] [--config FILE]`, `adopt report FILE
 * [--format html|md] [--edition full|board] [--since REV | --baseline OLD] [--history N]
 * [--out FILE] [--config FILE] [--today DATE]`, `adopt calendar FILE [--out FILE] [--config FILE]
 * [--today DATE]` and `adopt diff OLD NEW | FILE --since REV [--json] [--config FILE]
 * [--today DATE]`. A PATH may be a folder: every `.adopt` file under it (input-paths.ts); the
 * shared files that plans use are read wherever they are, and `check` reports their diagnostics
 * too. Each plan's `adopt.config.json` is found by walking up from its folder; `--config`
 * replaces the search.
 * Exit codes: 0 without errors, 1 with errors in a plan (or more warnings than
 * `--max-warnings` allows), 2 for a usage or input problem (a bad config file included). A file
 * that cannot be read does not stop `check`: every readable plan is checked, each unreadable file
 * is one line on stderr, and the exit code is 2.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { URI, type LangiumDocument } from 'langium';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import { parseConfigText, type ConfigFile } from '../language/config/adopt-config-files.js';
import { planOfDocument } from '../language/model/plan-model.js';
import { buildRankResult, sortedDiagnostics } from '../language/score/rank-result.js';
import { CHECK_FORMATS, type CheckFormat } from '../protocol/check-protocol.js';
import type { FolderRanking, RankResult } from '../protocol/rank-protocol.js';
import { formatCheck } from './check-output.js';
import { PlanWorkspace, configProblemLine, documentPath, exitForErrors, holdsSharedBlock, isError, mustNotBeShared, type BuildStats } from './cli-services.js';
import { inputFiles, isFolder } from './input-paths.js';
import { InputProblem, readPlanFile } from './read-plan-file.js';
import { formatRankTable } from './rank-table.js';
import { writeCalendar } from './calendar-command.js';
import { runDiff } from './diff-command.js';
import { checkHistoryOptions, historySections, type HistoryOptions } from './plan-history.js';
import { REPORT_EDITIONS, REPORT_FORMATS, writeReport, type ReportEdition, type ReportFormat } from './report-command.js';

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_USAGE = 2;

export interface CliIo {
    out(text: string): void;
    err(text: string): void;
}

const processIo: CliIo = {
    out: text => process.stdout.write(text),
    err: text => process.stderr.write(text)
};

export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
    let exitCode = EXIT_OK;
    const program = new Command('adopt')
        .description('Check adoption plans (.adopt files), rank their projects as quick wins, and report on them.')
        .version(packageJson.version, '-v, --version', 'print the version')
        .helpOption('-h, --help', 'show help')
        .exitOverride()
        .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: (text, write) => write(usageError(text)) })
        .allowExcessArguments(false);

    program
        .command('check')
        .description('print every diagnostic as file:line:column: severity code: message')
        .argument('<paths...>', '.adopt files, and folders: every .adopt file under each (skipping node_modules and folders starting with a dot)')
        .addOption(new Option('--format <format>', 'text, json (the diagnostics of rank --json, each with its file) or sarif (SARIF 2.1.0)')
            .choices(CHECK_FORMATS).default('text'))
        .addOption(new Option('--max-warnings <n>', 'exit 1 when there are more than N warnings').argParser(warningLimit))
        .addOption(new Option('--config <file>', 'adopt.config.json to use instead of the one found above each plan'))
        .addOption(todayOption())
        .option('--stats', 'after the diagnostics, print how long each phase took and which parser built each file given')
        .action(async (files: string[], options: CheckOptions) => {
            exitCode = await check(files, options, io);
        });

    program
        .command('rank')
        .description('rank the projects of a plan as quick wins, or of every plan under a folder')
        .argument('<path>', 'the plan\'s .adopt file, or a folder')
        .option('--json', 'print JSON (its shape: docs/command-line.md)')
        .addOption(new Option('--config <file>', 'adopt.config.json to use instead of the one found above the plan ({ "weights", "threshold", "severity" })'))
        .addOption(todayOption())
        .action(async (path: string, options: RankOptions) => {
            exitCode = await rank(path, options, io);
        });

    program
        .command('report')
        .description('write the plan overview as a report: one self-contained HTML page (the default) or GitHub Markdown with Mermaid diagrams')
        .argument('<file>', 'the .adopt file')
        .addOption(new Option('--format <format>', 'html or md').choices(REPORT_FORMATS).default('html'))
        .addOption(new Option('--edition <edition>', 'full (every section, the summary first) or board (the summary, the hurdles, the top quick wins and the overdue and blocked actions by owner, on at most two A4 pages)')
            .choices(REPORT_EDITIONS).default('full'))
        .option('--since <rev>', 'add a section on what changed since the plan\'s version at this git revision')
        .option('--baseline <file>', 'add a section on what changed since this version of the plan (a file)')
        .addOption(new Option('--history <n>', 'add the trend over the last N commits that changed the plan').argParser(historyCount))
        .option('--out <file>', 'write the report to this file instead of standard output')
        .addOption(new Option('--config <file>', 'adopt.config.json to use instead of the one found above the plan'))
        .addOption(todayOption())
        .action(async (file: string, options: { format: ReportFormat; edition: ReportEdition; out?: string; config?: string; today?: string } & HistoryOptions) => {
            checkHistoryOptions(options);
            const input = readPlanAndConfig(file, options.config, io);
            exitCode = typeof input === 'number' ? input : await writeReport({ path: file, text: input.text }, options, input.configFile, io, `Adopt ${packageJson.version}`,
                overview => historySections(file, overview, options, input.configFile, io));
        });

    program
        .command('calendar')
        .description('write the stages with dates and the actions with a due date as iCalendar (.ics), for a calendar program')
        .argument('<file>', 'the .adopt file')
        .option('--out <file>', 'write the calendar to this file instead of standard output')
        .addOption(new Option('--config <file>', 'adopt.config.json to use instead of the one found above the plan'))
        .addOption(todayOption())
        .action(async (file: string, options: { out?: string; config?: string; today?: string }) => {
            const input = readPlanAndConfig(file, options.config, io);
            exitCode = typeof input === 'number' ? input : await writeCalendar({ path: file, text: input.text }, options, input.configFile, io);
        });

    program
        .command('diff')
        .description('what changed between two versions of a plan, by names: projects, actions, metrics, members, stories and diagnostics')
        .argument('<files...>', 'OLD NEW, or one FILE with --since REV')
        .option('--since <rev>', 'compare the file with its version at this git revision')
        .option('--json', 'print JSON (its shape: docs/command-line.md)')
        .addOption(new Option('--config <file>', 'adopt.config.json to use instead of the one found above the plans'))
        .addOption(todayOption())
        .action(async (files: string[], options: { since?: string; json?: boolean; config?: string; today?: string }) => {
            const configFile = options.config !== undefined ? readConfig(options.config) : undefined;
            exitCode = await runDiff(files, options, configFile, io);
        });

    try {
        if (argv.length === 0) {
            // A usage problem: the help goes to stderr, like commander's other usage errors.
            program.outputHelp({ error: true });
            return EXIT_USAGE;
        }
        await program.parseAsync([...argv], { from: 'user' });
        return exitCode;
    } catch (error) {
        if (error instanceof CommanderError) {
            return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
        }
        if (error instanceof InputProblem) {
            io.err(`adopt: ${error.message}\n`);
            return EXIT_USAGE;
        }
        io.err(`adopt: ${error instanceof Error ? error.message : String(error)}\n`);
        return EXIT_USAGE;
    }
}

interface CheckOptions {
    format: CheckFormat;
    maxWarnings?: number;
    config?: string;
    stats?: boolean;
    today?: string;
}

/** `--today YYYY-MM-DD`: the date that overdue actions are judged against (else ADOPT_TODAY, else the local date). */
function todayOption(): Option {
    return new Option('--today <date>', 'the date (YYYY-MM-DD) overdue actions are judged against; default: ADOPT_TODAY, else today');
}

async function check(paths: string[], options: CheckOptions, io: CliIo): Promise<number> {
    // Every readable file is checked; each path that cannot be used is one line on stderr, and exit 2.
    const problems: InputProblem[] = [];
    const configFile = options.config !== undefined ? attempt(() => readConfig(options.config as string), problems) : undefined;
    const inputs = readInputs(paths, problems);
    if (options.config !== undefined && configFile === undefined) return reportProblems(problems, io);
    const workspace = PlanWorkspace.prepare(inputs.map(input => input.path), { configFile, today: options.today }, note => io.err(`adopt: ${note}\n`));
    const built: Array<{ document: LangiumDocument; stats?: BuildStats }> = options.stats
        ? await workspace.buildWithStats(inputs)
        : (await workspace.build(inputs)).map(document => ({ document }));
    // The files given, then the used files they led to (read wherever they are), each with its diagnostics.
    const checked = [
        ...built.map(({ document }, index) => ({ path: inputs[index].path, document })),
        ...workspace.usedDocuments(built.map(({ document }) => document)).map(document => ({ path: documentPath(document), document }))
    ].map(({ path, document }) => ({ path, diagnostics: sortedDiagnostics(document.diagnostics ?? []) }));
    io.out(formatCheck(checked, options.format, packageJson.version, problems.map(problem => ({ path: problem.path ?? '', message: problem.message }))));
    // The stats follow the diagnostics; beside JSON or SARIF they go to stderr, so that stdout stays one document.
    const writeStats = options.format === 'text' ? io.out : io.err;
    built.forEach(({ stats }, index) => {
        if (stats) writeStats(formatStats(inputs[index].path, stats));
    });
    if (problems.length > 0) return reportProblems(problems, io);
    const all = checked.flatMap(file => file.diagnostics);
    const errors = all.filter(isError).length;
    const warnings = all.filter(diagnostic => diagnostic.severity === 2).length;
    if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
        io.err(`adopt: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${options.maxWarnings} allows\n`);
        return EXIT_ERRORS;
    }
    return errors > 0 ? EXIT_ERRORS : EXIT_OK;
}

/** The text of every file that the paths name (folders expanded); each file that cannot be read is an InputProblem in `problems`. */
function readInputs(paths: readonly string[], problems: InputProblem[]): Array<{ path: string; text: string }> {
    return inputFiles(paths, problems).flatMap(path => {
        const text = attempt(() => readPlanFile(path), problems);
        return text === undefined ? [] : [{ path, text }];
    });
}

/** The value `read` answers, or undefined after adding its InputProblem to `problems`. */
function attempt<T>(read: () => T, problems: InputProblem[]): T | undefined {
    try {
        return read();
    } catch (error) {
        if (!(error instanceof InputProblem)) throw error;
        problems.push(error);
        return undefined;
    }
}

/** Each input problem on its own line of stderr; the exit code of input problems. */
function reportProblems(problems: readonly InputProblem[], io: CliIo): number {
    for (const problem of problems) io.err(`adopt: ${problem.message}\n`);
    return EXIT_USAGE;
}

/**
 * The plan file and the `--config` file of `rank` and `report`, both read before either is given
 * up on, so that one run names every file that cannot be read.
 */
function readPlanAndConfig(file: string, config: string | undefined, io: CliIo): { text: string; configFile?: ConfigFile } | number {
    const problems: InputProblem[] = [];
    const configFile = config !== undefined ? attempt(() => readConfig(config), problems) : undefined;
    const text = attempt(() => readPlanFile(file), problems);
    if (text === undefined || problems.length > 0) return reportProblems(problems, io);
    return { text, configFile };
}

/** The stats of one plan: a heading, then one `name: value` line per phase, then `parser: fast` or `parser: langium`. */
export function formatStats(path: string, stats: BuildStats): string {
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    return `stats for ${path}\nparse: ${ms(stats.parse)}\nlink: ${ms(stats.link)}\nscore: ${ms(stats.score)}\nvalidate: ${ms(stats.validate)}\nparser: ${stats.parser}\n`;
}

/** `--history N`: a whole number of commits, at least 1. */
function historyCount(value: string): number {
    if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new InvalidArgumentError('It must be a whole number of commits, at least 1.');
    return Number(value);
}

function warningLimit(value: string): number {
    if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError('It must be a whole number of at least 0.');
    return Number(value);
}

/** Commander's `error: …` as one line in the CLI's own voice, with where to find the usage. */
function usageError(text: string): string {
    return `adopt: ${text.trim().replace(/^error:\s*/, '')} (run adopt --help for usage)\n`;
}

interface RankOptions {
    json?: boolean;
    config?: string;
    today?: string;
}

async function rank(path: string, options: RankOptions, io: CliIo): Promise<number> {
    // A path that names nothing is said as for a folder: "no such file or folder".
    if (isFolder(path) || !existsSync(path)) return rankFolder(path, options, io);
    const input = readPlanAndConfig(path, options.config, io);
    if (typeof input === 'number') return input;
    const workspace = PlanWorkspace.prepare([path], { configFile: input.configFile, today: options.today }, note => io.err(`adopt: ${note}\n`));
    const [document] = await workspace.build([{ path, text: input.text }]);
    mustNotBeShared(document, path, 'rank a plan that uses it, or a folder to rank every plan under it');
    const result: RankResult = buildRankResult(document, workspace.services);
    if (options.json) {
        io.out(JSON.stringify(result, null, 2) + '\n');
    } else {
        io.out(formatRankTable(result, workspace.services.score.QuickWins.analyze(planOfDocument(document)).settings, path));
    }
    return exitForErrors(workspace.errorsWithUsed([document]), [document], io);
}

/**
 * `adopt rank FOLDER`: every plan under the folder (its shared files are read, not ranked), in
 * path order; with `--json`, `{ "plans": [ ... ] }`, each plan's ranking with its `file`.
 */
async function rankFolder(folder: string, options: RankOptions, io: CliIo): Promise<number> {
    const problems: InputProblem[] = [];
    const configFile = options.config !== undefined ? attempt(() => readConfig(options.config as string), problems) : undefined;
    const inputs = readInputs([folder], problems);
    if (inputs.length === 0 || (options.config !== undefined && configFile === undefined)) return reportProblems(problems, io);
    const workspace = PlanWorkspace.prepare(inputs.map(input => input.path), { configFile, today: options.today }, note => io.err(`adopt: ${note}\n`));
    const documents = await workspace.build(inputs);
    const plans = documents.map((document, index) => ({ document, file: inputs[index].path })).filter(({ document }) => !holdsSharedBlock(document));
    if (plans.length === 0 && problems.length === 0) {
        throw new InputProblem(`${folder}: no plan in this folder or below it, only shared files (rank ranks the projects of plans)`, folder);
    }
    const ranked = plans.map(({ document, file }) => ({ file, ...buildRankResult(document, workspace.services) }));
    if (options.json) {
        const result: FolderRanking = { plans: ranked };
        io.out(JSON.stringify(result, null, 2) + '\n');
    } else {
        io.out(ranked.map(({ file, ...result }, index) =>
            `${file}\n${formatRankTable(result, workspace.services.score.QuickWins.analyze(planOfDocument(plans[index].document)).settings, file)}`).join('\n'));
    }
    const exit = exitForErrors(workspace.errorsWithUsed(documents), plans.map(({ document }) => document), io);
    return problems.length > 0 ? reportProblems(problems, io) : exit;
}

/** `--config FILE`: an `adopt.config.json` (any name) that must be valid, else exit 2 naming the field. */
function readConfig(path: string): ConfigFile {
    const file = parseConfigText(URI.file(resolve(path)), readPlanFile(path, 'config file'));
    if (file.problem) throw new InputProblem(configProblemLine(path, file.problem), path);
    return file;
}
