/**
 * `adopt diff OLD NEW [--json] [--today DATE] [--config FILE]` and `adopt diff FILE --since REV`
 * (docs/command-line.md#adopt-diff): what changed between two versions of a plan, by names,
 * both judged on the same day. The old version of `--since` is the file as it was at that git
 * revision. A version with syntax errors is compared as far as it was read, with a note on
 * stderr; a file that is not a plan at all is an input problem (exit 2). Exit 0 otherwise.
 */
import type { ConfigFile } from '../language/config/adopt-config-files.js';
import { isNotAPlan, planDiff } from '../language/overview/plan-diff.js';
import type { PlanDiff } from '../protocol/diff-protocol.js';
import type { PlanOverview } from '../protocol/overview-protocol.js';
import { diffText } from '../report/plan-changes.js';
import { fileAtRevision } from './git-history.js';
import { InputProblem, readPlanFile } from './read-plan-file.js';
import { overviewOfFile, type ReportIo } from './report-command.js';

/** A version of a plan: the file it is read from, a name for it in messages, and its text. */
export interface PlanVersion {
    readonly path: string;
    readonly label: string;
    readonly text: string;
}

/**
 * The overview of a version, with a note on stderr when it has syntax errors (what was read is
 * compared); an InputProblem when nothing of a plan could be read.
 */
export async function versionOverview(version: PlanVersion, options: { readonly today?: string }, configFile: ConfigFile | undefined, io: ReportIo): Promise<PlanOverview> {
    const overview = await overviewOfFile({ path: version.path, text: version.text }, options, configFile, io, 'compare the plans that use it');
    if (isNotAPlan(overview)) throw new InputProblem(`${version.label}: not a plan (nothing of a plan could be read: ${firstSyntaxError(overview)})`, version.path);
    const syntax = overview.diagnostics.filter(d => d.code === 'syntax-error');
    if (syntax.length > 0) {
        io.err(`adopt: ${version.label}: ${syntax.length === 1 ? 'a syntax error' : `${syntax.length} syntax errors`} (the first: line ${syntax[0].line}: ${syntax[0].message.replace(/\.$/, '')}); compared as far as it was read\n`);
    }
    return overview;
}

function firstSyntaxError(overview: PlanOverview): string {
    const first = overview.diagnostics.find(d => d.code === 'syntax-error');
    return first ? `line ${first.line}: ${first.message.replace(/\.$/, '')}` : 'no plan';
}

/** The old version of `adopt diff FILE --since REV`: the file at that revision. */
export async function versionAtRevision(path: string, revision: string): Promise<PlanVersion & { readonly date: string }> {
    const found = await fileAtRevision(path, revision);
    return { path, label: `${path} at ${revision}`, text: found.text, date: found.date };
}

export interface DiffOptions {
    readonly json?: boolean;
    readonly since?: string;
    readonly today?: string;
}

/** Reads both versions (files, or the file and its version at `--since`), compares them and prints the diff. */
export async function runDiff(files: readonly string[], options: DiffOptions, configFile: ConfigFile | undefined, io: ReportIo): Promise<number> {
    let versions: [PlanVersion, PlanVersion];
    if (options.since !== undefined) {
        if (files.length !== 1) throw new InputProblem(`diff --since ${options.since} takes one file (the plan to compare with its version at that revision), not ${files.length}`);
        const [path] = files;
        const current = { path, label: path, text: readPlanFile(path) };
        versions = [await versionAtRevision(path, options.since), current];
    } else {
        if (files.length !== 2) throw new InputProblem(`diff takes two files (OLD NEW), or one file with --since REV; ${files.length === 1 ? 'one was given' : `${files.length} were given`}`);
        const problems: InputProblem[] = [];
        const read = (path: string): PlanVersion | undefined => {
            try {
                return { path, label: path, text: readPlanFile(path) };
            } catch (error) {
                if (!(error instanceof InputProblem)) throw error;
                problems.push(error);
                return undefined;
            }
        };
        const [before, after] = [read(files[0]), read(files[1])];
        if (!before || !after) throw new InputProblems(problems);
        versions = [before, after];
    }
    const overviews: PlanOverview[] = [];
    const problems: InputProblem[] = [];
    for (const version of versions) {
        try {
            overviews.push(await versionOverview(version, options, configFile, io));
        } catch (error) {
            if (!(error instanceof InputProblem)) throw error;
            problems.push(error);
        }
    }
    if (problems.length > 0) throw new InputProblems(problems);
    const diff: PlanDiff = planDiff(overviews[0], overviews[1]);
    io.out(options.json ? JSON.stringify(diff, null, 2) + '\n' : diffText(diff, versions[0].label, versions[1].label));
    return 0;
}

/** Several input problems at once, each its own line. */
export class InputProblems extends InputProblem {
    constructor(readonly problems: readonly InputProblem[]) {
        super(problems.map(problem => problem.message).join('\nadopt: '));
    }
}
