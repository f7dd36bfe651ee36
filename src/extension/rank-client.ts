/**
 * Asks the language server for the ranking of a plan (`adopt/rankQuickWins`) or of every plan of
 * the workspace (`adopt/rankWorkspace`) and checks the answer against the shared zod schema, so
 * the view never renders a malformed result.
 */
import type * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import {
    RANK_QUICK_WINS_REQUEST, RANK_WORKSPACE_REQUEST, rankedProjectsSchema, rankResultWithSettingsSchema, workspaceRankingSchema, type RankedProjects,
    type RankQuickWinsParams, type RankResult, type SettingsInForce, type WorkspaceRanking
} from '../protocol/rank-protocol.js';

/** The ranking of a plan, and the weights and threshold in force for it (the view's scale). */
export interface RankAnswer {
    readonly result: RankResult;
    readonly settings: SettingsInForce;
}

export type RankSource = (document: vscode.TextDocument) => Promise<RankAnswer>;
/** The ranking without diagnostics, for views that only count or list projects. */
export type ProjectsSource = (document: vscode.TextDocument) => Promise<RankedProjects>;

/** The ranking of every plan the server knows, grouped by plan. */
export type WorkspaceRankSource = () => Promise<WorkspaceRanking>;

export function workspaceRankSourceFor(client: LanguageClient): WorkspaceRankSource {
    return async () => workspaceRankingSchema.parse(await client.sendRequest(RANK_WORKSPACE_REQUEST, {}));
}

export function rankSourceFor(client: LanguageClient): RankSource {
    return document => askServer(client, { uri: document.uri.toString(), settings: true }, raw => {
        const { settings, ...result } = rankResultWithSettingsSchema.parse(raw);
        return { result, settings };
    });
}

export function projectsSourceFor(client: LanguageClient): ProjectsSource {
    return document => askServer(client, { uri: document.uri.toString(), diagnostics: false }, raw => rankedProjectsSchema.parse(raw));
}

/** Asks and checks the answer against its schema. */
function askServer<T>(client: LanguageClient, params: RankQuickWinsParams, check: (raw: unknown) => T): Promise<T> {
    return askAboutDocument(client, RANK_QUICK_WINS_REQUEST, params, check);
}

/**
 * A request about one document (its `uri` in the params), checked by `check`. The server answers
 * once the document is built, also one the client has only just opened (its didOpen goes first).
 */
export async function askAboutDocument<T>(client: LanguageClient, method: string, params: { readonly uri: string; readonly [field: string]: unknown }, check: (raw: unknown) => T): Promise<T> {
    return check(await client.sendRequest(method, params));
}

export function quickWinCount(result: RankedProjects): number {
    return result.projects.filter(project => project.quickWin).length;
}
