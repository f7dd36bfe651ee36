/**
 * Asks the language server for the overview of a plan (`adopt/planOverview`) and checks the
 * answer against the shared zod schema, so the view and the exported report never render a
 * malformed overview.
 */
import type * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { PLAN_OVERVIEW_REQUEST, planOverviewSchema, type PlanOverview } from '../protocol/overview-protocol.js';
import { askAboutDocument } from './rank-client.js';

export type OverviewSource = (document: vscode.TextDocument) => Promise<PlanOverview>;

export function overviewSourceFor(client: LanguageClient): OverviewSource {
    return document => askAboutDocument(client, PLAN_OVERVIEW_REQUEST, { uri: document.uri.toString() }, raw => planOverviewSchema.parse(raw));
}
