/**
 * Asks the language server for the ranking of a plan (`adopt/rankQuickWins`) or of every plan of
 * the workspace (`adopt/rankWorkspace`) and checks the answer against the shared zod schema, so
 * the view never renders a malformed result.
 */
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
    RANK_QUICK_WINS_REQUEST, RANK_WORKSPACE_REQUEST, rankedProjectsSchema, rankResultWithSettingsSchema, workspaceRankingSchema, type RankedProjects,
    type RankQuickWinsParams, type RankResult, type SettingsInForce, type WorkspaceRanking
} from '../protocol/rank-protocol.js';

/** How often to ask again while the server has not yet taken in a just-opened document. */
const ATTEMPTS = 5;
const RETRY_DELAY_MS = 200;
/** JSON-RPC InvalidParams: the server's answer for a document it does not know (yet). */
const INVALID_PARAMS = -32602;

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

/** Asks, checks the answer against its schema, and asks again while the server does not know the document yet. */
function askServer<T>(client: LanguageClient, params: RankQuickWinsParams, check: (raw: unknown) => T): Promise<T> {
    return askAboutDocument(client, RANK_QUICK_WINS_REQUEST, params, check);
}

/** A request about one document (its `uri` in the params), checked by `check`, asked again while the server does not know the document yet. */
export async function askAboutDocument<T>(client: LanguageClient, method: string, params: { readonly uri: string }, check: (raw: unknown) => T): Promise<T> {
    for (let attempt = 1; ; attempt++) {
        try {
            const raw: unknown = await client.sendRequest(method, params);
            return check(raw);
        } catch (error) {
            if (attempt >= ATTEMPTS || !isUnknownDocument(error)) throw error;
            await delay(RETRY_DELAY_MS);
        }
    }
}

function isUnknownDocument(error: unknown): boolean {
    return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === INVALID_PARAMS;
}

function delay(ms: number): Promise<void> {
    return new Promise(resolve => setTimeout(resolve, ms));
}

export function quickWinCount(result: RankedProjects): number {
    return result.projects.filter(project => project.quickWin).length;
}
