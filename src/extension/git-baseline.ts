/**
 * The plan as it was at the last commit, read through VS Code's built-in git extension
 * (`vscode.git`, its API version 1: `getRepository`, `getCommit`, `show`), and the plan compared
 * with it (docs/editor.md). Where git is not there (the extension disabled, no repository, a
 * file never committed), there is nothing to compare with: undefined, never an error.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { PLAN_COMPARISON_REQUEST, planComparisonSchema } from '../protocol/diff-protocol.js';
import { sinceSection } from '../report/history-sections.js';
import type { ReportExtra } from '../report/report-html.js';
import { md } from '../report/report-markdown.js';
import { spokenDate } from '../language/model/plan-dates.js';
import { askAboutDocument } from './rank-client.js';

/** The little of the git extension's API that is used (its full typing ships with VS Code's git extension). */
interface GitRepository {
    show(ref: string, path: string): Promise<string>;
    getCommit(ref: string): Promise<{ readonly hash: string; readonly commitDate?: Date }>;
}
interface GitApi {
    getRepository(uri: vscode.Uri): GitRepository | null;
}
interface GitExtension {
    readonly enabled: boolean;
    getAPI(version: 1): GitApi;
}

/** An earlier text of a plan and how to name it (`the last commit (4 January 2027)`). */
export interface Baseline {
    readonly text: string;
    readonly label: string;
}

/** The repository of a file through the git extension, or undefined. */
async function repositoryOf(uri: vscode.Uri): Promise<GitRepository | undefined> {
    if (uri.scheme !== 'file') return undefined;
    const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
    if (!extension) return undefined;
    const git = extension.isActive ? extension.exports : await extension.activate();
    if (!git?.enabled) return undefined;
    return git.getAPI(1).getRepository(uri) ?? undefined;
}

/** The plan's text at the last commit (HEAD), or undefined when git cannot give it. */
export async function lastCommitBaseline(document: vscode.TextDocument): Promise<Baseline | undefined> {
    try {
        const repository = await repositoryOf(document.uri);
        if (!repository) return undefined;
        const [text, commit] = await Promise.all([repository.show('HEAD', document.uri.fsPath), repository.getCommit('HEAD')]);
        const date = commit.commitDate ? ` (${spokenDate(commit.commitDate.toISOString().slice(0, 10))})` : '';
        return { text, label: `the last commit${date}` };
    } catch {
        return undefined;
    }
}

/** The "Since …" section of a plan compared with its last commit; undefined when there is none to compare with. */
export type ComparisonSource = (document: vscode.TextDocument) => Promise<ReportExtra | undefined>;

export function comparisonSourceFor(client: LanguageClient, baselineOf: (document: vscode.TextDocument) => Promise<Baseline | undefined> = lastCommitBaseline): ComparisonSource {
    return async document => {
        const baseline = await baselineOf(document);
        if (!baseline) return undefined;
        const answer = await askAboutDocument(client, PLAN_COMPARISON_REQUEST, { uri: document.uri.toString(), baseline: baseline.text }, raw => planComparisonSchema.parse(raw));
        return sinceSection(baseline.label, answer.diff, new Map(Object.entries(answer.titles)), md);
    };
}
