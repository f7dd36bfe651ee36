/**
 * The sections of `adopt report` about the plan's history (docs/command-line.md#adopt-report):
 * `--since REV` or `--baseline OLD`, the changes since that version in words; `--history N`, the
 * trend over the last N commits that changed the plan.
 */
import type { ConfigFile } from '../language/config/adopt-config-files.js';
import { declarationTitles, planDiff } from '../language/overview/plan-diff.js';
import type { PlanOverview } from '../protocol/overview-protocol.js';
import { sinceSection, trendSection, type TrendPoint } from '../report/history-sections.js';
import { problemCount } from '../report/overview-sections.js';
import { spokenDate } from '../report/report-blocks.js';
import type { ReportExtra } from '../report/report-html.js';
import { md } from '../report/report-markdown.js';
import { versionAtRevision, versionOverview, type PlanVersion } from './diff-command.js';
import { fileHistory } from './git-history.js';
import { InputProblem, readPlanFile } from './read-plan-file.js';
import { overviewOfFile, type ReportIo } from './report-command.js';

export interface HistoryOptions {
    readonly since?: string;
    readonly baseline?: string;
    readonly history?: number;
    readonly today?: string;
}

/** Checks the options before anything is built: `--since` and `--baseline` name one baseline, not two. */
export function checkHistoryOptions(options: HistoryOptions): void {
    if (options.since !== undefined && options.baseline !== undefined) {
        throw new InputProblem(`--since and --baseline both name the version to compare with: give one`);
    }
}

/** The sections to add after the summary of the report on `path`, whose overview is `current`. */
export async function historySections(path: string, current: PlanOverview, options: HistoryOptions, configFile: ConfigFile | undefined, io: ReportIo): Promise<ReportExtra[]> {
    const extras: ReportExtra[] = [];
    let baseline: { version: PlanVersion; label: string } | undefined;
    if (options.since !== undefined) {
        const version = await versionAtRevision(path, options.since);
        baseline = { version, label: `${options.since} (${spokenDate(version.date)})` };
    } else if (options.baseline !== undefined) {
        baseline = { version: { path: options.baseline, label: options.baseline, text: readPlanFile(options.baseline) }, label: options.baseline };
    }
    if (baseline) {
        const old = await versionOverview(baseline.version, options, configFile, io);
        const titles = new Map([...declarationTitles(old), ...declarationTitles(current)]);
        extras.push(sinceSection(baseline.label, planDiff(old, current), titles, md));
    }
    if (options.history !== undefined) {
        const versions = await fileHistory(path, options.history);
        const points: TrendPoint[] = [];
        // The oldest first; each commit's plan as it was, judged on the report's day.
        for (const version of [...versions].reverse()) {
            const overview = await overviewOfFile({ path, text: version.text }, options, configFile, { out: io.out, err: () => undefined });
            points.push({
                revision: version.revision,
                date: version.date,
                actionsDone: overview.counts.actionsDone,
                overdueActions: overview.counts.overdueActions,
                quickWins: overview.counts.quickWins,
                problems: problemCount(overview.counts)
            });
        }
        extras.push(trendSection(points, md));
    }
    return extras;
}
