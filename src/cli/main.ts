/**
 * The `adopt` command line: `adopt check FILE... [--stats]` and `adopt rank FILE [--json] [--config FILE]`.
 * Exit codes: 0 without errors, 1 with errors in a plan, 2 for a usage or input problem.
 */
import { Command, CommanderError, Option } from 'commander';
import type { LangiumDocument } from 'langium';
import { resolve } from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import type { Plan } from '../language/generated/ast.js';
import { parseQuickWinSettings, type QuickWinSettings } from '../language/score/quick-win-settings.js';
import { buildRankResult, sortedDiagnostics, toRankDiagnostic } from '../language/score/rank-result.js';
import type { RankResult } from '../protocol/rank-protocol.js';
import { PlanWorkspace, type BuildStats } from './cli-services.js';
import { InputProblem, readPlanFile } from './read-plan-file.js';
import { formatRankTable } from './rank-table.js';

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
        .description('Check adoption plans (.adopt files) and rank their projects as quick wins.')
        .version(packageJson.version, '-v, --version', 'print the version')
        .helpOption('-h, --help', 'show help')
        .exitOverride()
        .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: (text, write) => write(usageError(text)) })
        .allowExcessArguments(false);

    program
        .command('check')
        .description('print every diagnostic as file:line:column: severity code: message')
        .argument('<files...>', '.adopt files to check')
        .option('--stats', 'after the diagnostics, print how long each phase took and which parser built each plan')
        .action(async (files: string[], options: { stats?: boolean }) => {
            exitCode = await check(files, options, io);
        });

    program
        .command('rank')
        .description('rank the projects of a plan as quick wins')
        .argument('<file>', 'the .adopt file')
        .option('--json', 'print JSON (see the README for its shape)')
        .addOption(new Option('--config <file>', 'JSON file with { "weights": {...}, "threshold": N }'))
        .action(async (file: string, options: { json?: boolean; config?: string }) => {
            exitCode = await rank(file, options, io);
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

async function check(files: string[], options: { stats?: boolean }, io: CliIo): Promise<number> {
    const inputs = distinctFiles(files).map(path => ({ path, text: readPlanFile(path) }));
    const workspace = new PlanWorkspace();
    // With --stats each plan is built on its own, to time it (plans never refer to each other).
    const built: Array<{ document: LangiumDocument<Plan>; stats?: BuildStats }> = [];
    if (options.stats) {
        for (const input of inputs) built.push(await workspace.buildWithStats(input));
    } else {
        for (const document of await workspace.build(inputs)) built.push({ document });
    }
    let errors = 0;
    built.forEach(({ document }, index) => {
        for (const { code, severity, message, line, column } of sortedDiagnostics(document.diagnostics ?? []).map(toRankDiagnostic)) {
            if (severity === 'error') errors++;
            io.out(`${inputs[index].path}:${line}:${column}: ${severity} ${code}: ${message}\n`);
        }
    });
    built.forEach(({ stats }, index) => {
        if (stats) io.out(formatStats(inputs[index].path, stats));
    });
    return errors > 0 ? EXIT_ERRORS : EXIT_OK;
}

/** The stats of one plan: a heading, then one `name: value` line per phase, then `parser: fast` or `parser: langium`. */
export function formatStats(path: string, stats: BuildStats): string {
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    return `stats for ${path}\nparse: ${ms(stats.parse)}\nlink: ${ms(stats.link)}\nscore: ${ms(stats.score)}\nvalidate: ${ms(stats.validate)}\nparser: ${stats.parser}\n`;
}

/** Commander's `error: …` as one line in the CLI's own voice, with where to find the usage. */
function usageError(text: string): string {
    return `adopt: ${text.trim().replace(/^error:\s*/, '')} (run adopt --help for usage)\n`;
}

/** The files in the order given, each file once (`a.adopt ./a.adopt` is one file). */
function distinctFiles(files: readonly string[]): string[] {
    const seen = new Set<string>();
    return files.filter(file => {
        const key = resolve(file);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
    });
}

async function rank(file: string, options: { json?: boolean; config?: string }, io: CliIo): Promise<number> {
    const settings = options.config ? readConfig(options.config) : undefined;
    const text = readPlanFile(file);
    const workspace = new PlanWorkspace(settings);
    const [document] = await workspace.build([{ path: file, text }]);
    const result: RankResult = buildRankResult(document, workspace.services);
    if (options.json) {
        io.out(JSON.stringify(result, null, 2) + '\n');
    } else {
        io.out(formatRankTable(result, workspace.services.score.Settings.current));
    }
    return result.diagnostics.some(d => d.severity === 'error') ? EXIT_ERRORS : EXIT_OK;
}

function readConfig(path: string): QuickWinSettings {
    const text = readPlanFile(path, 'config file');
    let raw: unknown;
    try {
        raw = JSON.parse(text);
    } catch (error) {
        throw new InputProblem(`${path}: not valid JSON (${(error as Error).message})`);
    }
    if (raw === null) {
        // The editor treats null as "not set"; a config file that says nothing is a mistake.
        throw new InputProblem(`${path}: the config must be an object { "weights": {...}, "threshold": N }, not null`);
    }
    const result = parseQuickWinSettings(raw);
    if (!result.ok) {
        throw new InputProblem(`${path}: ${result.problems.join('; ')}`);
    }
    return result.settings;
}
