/**
 * `adopt report FILE [--format html|md] [--edition full|board] [--since REV | --baseline OLD]
 * [--history N] [--out FILE] [--config FILE] [--today DATE]`: the plan
 * overview as a report (docs/command-line.md#adopt-report), HTML by default, to standard output or a file. The
 * report is written even when the plan has errors (they are listed in it); the exit code is
 * that of `check`: 1 with errors in the plan or a file it uses, else 0.
 */
import { writeFileSync } from 'node:fs';
import type { ConfigFile } from '../language/config/adopt-config-files.js';
import { buildPlanOverview } from '../language/overview/plan-overview.js';
import type { PlanOverview } from '../protocol/overview-protocol.js';
import { reportHtml, type ReportExtra } from '../report/report-html.js';
import { md, reportMarkdown } from '../report/report-markdown.js';
import { boardHtml, boardMarkdown } from '../report/board-edition.js';
import type { LangiumDocument } from 'langium';
import { PlanWorkspace, exitForErrors, mustNotBeShared } from './cli-services.js';
import { fileErrorInWords } from './file-errors.js';
import { InputProblem } from './read-plan-file.js';

export const REPORT_FORMATS = ['html', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
/** `full`: every section, the summary first; `board`: the summary, the hurdles, the top quick wins and the actions pressing each owner, on two A4 pages. */
export const REPORT_EDITIONS = ['full', 'board'] as const;
export type ReportEdition = (typeof REPORT_EDITIONS)[number];

export interface ReportOptions {
    readonly format: ReportFormat;
    readonly edition?: ReportEdition;
    readonly out?: string;
    readonly today?: string;
}

export interface ReportIo {
    out(text: string): void;
    err(text: string): void;
}

/**
 * Builds the plan (its path and the text read from it), writes its report, and answers the exit
 * code (0, or 1 when the plan or a file it uses has errors). `extrasOf`: the sections to add after the summary
 * (the changes since a baseline, the trend), from the plan's overview.
 */
export async function writeReport(
    plan: { path: string; text: string }, options: ReportOptions, configFile: ConfigFile | undefined, io: ReportIo, generator: string,
    extrasOf: (overview: PlanOverview) => Promise<readonly ReportExtra[]> = async () => []
): Promise<number> {
    const { overview, exitCode } = await overviewAndExit(plan, options, configFile, io);
    const extras = await extrasOf(overview);
    writeOutput(reportText(overview, options, generator, extras), options.out, io);
    return exitCode;
}

/** The report of an overview in the format and edition asked for, with the extra sections after the summary. */
export function reportText(overview: PlanOverview, options: Pick<ReportOptions, 'format' | 'edition'>, generator: string, extras: readonly ReportExtra[] = []): string {
    if (options.edition === 'board') return options.format === 'md' ? boardMarkdown(overview, md, generator, extras) : boardHtml(overview, generator, extras);
    return options.format === 'md' ? reportMarkdown(overview, generator, extras) : reportHtml(overview, generator, extras);
}

/** Builds the plan (its path and text) as every command does (`--config`, `--today`) and answers its overview. */
export async function overviewOfFile(
    plan: { path: string; text: string }, options: { readonly today?: string }, configFile: ConfigFile | undefined, io: ReportIo,
    sharedHint = 'report on a plan that uses it'
): Promise<PlanOverview> {
    const { workspace, document } = await builtPlan(plan, options, configFile, io, sharedHint);
    return buildPlanOverview(document, workspace.services);
}

/**
 * The overview, and the exit code of a command that answers with it: 1 when the plan or a file it
 * uses has errors (those of used files said on stderr), else 0.
 */
export async function overviewAndExit(
    plan: { path: string; text: string }, options: { readonly today?: string }, configFile: ConfigFile | undefined, io: ReportIo,
    sharedHint = 'report on a plan that uses it'
): Promise<{ overview: PlanOverview; exitCode: number }> {
    const { workspace, document } = await builtPlan(plan, options, configFile, io, sharedHint);
    return { overview: buildPlanOverview(document, workspace.services), exitCode: exitForErrors(workspace.errorsWithUsed([document]), [document], io) };
}

async function builtPlan(
    plan: { path: string; text: string }, options: { readonly today?: string }, configFile: ConfigFile | undefined, io: ReportIo, sharedHint: string
): Promise<{ workspace: PlanWorkspace; document: LangiumDocument }> {
    const workspace = PlanWorkspace.prepare([plan.path], { configFile, today: options.today }, note => io.err(`adopt: ${note}\n`));
    const [document] = await workspace.build([plan]);
    mustNotBeShared(document, plan.path, sharedHint);
    return { workspace, document };
}

/** Writes the text to the file `out`, or to standard output without one. */
export function writeOutput(text: string, out: string | undefined, io: ReportIo): void {
    if (out === undefined) {
        io.out(text);
        return;
    }
    try {
        writeFileSync(out, text);
    } catch (error) {
        throw new InputProblem(`${out}: cannot be written (${fileErrorInWords(error, out, 'write')})`);
    }
}
