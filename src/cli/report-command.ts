/**
 * `adopt report FILE [--format html|md] [--out FILE] [--config FILE] [--today DATE]`: the plan
 * overview as a report (docs/command-line.md#adopt-report), HTML by default, to standard output or a file. The
 * report is written even when the plan has errors (they are listed in it); the exit code is
 * that of `check`: 1 with errors in the plan, else 0.
 */
import { writeFileSync } from 'node:fs';
import type { ConfigFile } from '../language/config/adopt-config-files.js';
import { buildPlanOverview } from '../language/overview/plan-overview.js';
import { reportHtml } from '../report/report-html.js';
import { reportMarkdown } from '../report/report-markdown.js';
import { PlanWorkspace, mustNotBeShared } from './cli-services.js';
import { fileErrorInWords } from './file-errors.js';
import { InputProblem } from './read-plan-file.js';

export const REPORT_FORMATS = ['html', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportOptions {
    readonly format: ReportFormat;
    readonly out?: string;
    readonly today?: string;
}

export interface ReportIo {
    out(text: string): void;
    err(text: string): void;
}

/** Builds the plan (its path and the text read from it), writes its report, and answers the exit code (0, or 1 when the plan has errors). */
export async function writeReport(plan: { path: string; text: string }, options: ReportOptions, configFile: ConfigFile | undefined, io: ReportIo, generator: string): Promise<number> {
    const workspace = PlanWorkspace.prepare([plan.path], { configFile, today: options.today }, note => io.err(`adopt: ${note}\n`));
    const [document] = await workspace.build([plan]);
    mustNotBeShared(document, plan.path, 'report on a plan that uses it');
    const overview = buildPlanOverview(document, workspace.services);
    const report = options.format === 'md' ? reportMarkdown(overview, generator) : reportHtml(overview, generator);
    if (options.out !== undefined) {
        try {
            writeFileSync(options.out, report);
        } catch (error) {
            throw new InputProblem(`${options.out}: cannot be written (${fileErrorInWords(error, options.out, 'write')})`);
        }
    } else {
        io.out(report);
    }
    return overview.counts.errors > 0 ? 1 : 0;
}
