/**
 * The custom request `adopt/rankQuickWins` (params `{ uri, diagnostics?, settings? }`): the same
 * data as `adopt rank --json`, for the document the client names, once it is built; built once
 * per document version and settings. With `diagnostics: false`, the answer leaves them out; with
 * `settings: true`, it adds the weights and threshold in force for the plan.
 * And `adopt/rankWorkspace` (params `{ diagnostics? }`): the same for every plan the server
 * knows, once the workspace is built, by plan name.
 */
import { DocumentState, URI } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { ResponseError, ErrorCodes } from 'vscode-languageserver';
import type { AdoptServices } from '../adopt-module.js';
import { validatedDocument } from './validated-document.js';
import { planOfDocument } from '../model/plan-model.js';
import { usedFilesOf } from '../score/rank-result.js';
import { isAdoptFile, type AdoptFile } from '../generated/ast.js';
import {
    RANK_QUICK_WINS_REQUEST, RANK_WORKSPACE_REQUEST, rankQuickWinsParamsSchema, rankWorkspaceParamsSchema, type RankedProjects, type RankResult,
    type RankResultWithSettings, type WorkspaceProjects, type WorkspaceRanking
} from '../../protocol/rank-protocol.js';

export function registerRankRequest(connection: Connection, services: AdoptServices): void {
    const shared = services.shared;
    connection.onRequest(RANK_QUICK_WINS_REQUEST, async (params: unknown, token): Promise<RankResult | RankedProjects | RankResultWithSettings> => {
        const parsed = rankQuickWinsParamsSchema.safeParse(params);
        if (!parsed.success) {
            throw new ResponseError(ErrorCodes.InvalidParams, 'adopt/rankQuickWins expects { "uri": string, "diagnostics"?: boolean, "settings"?: boolean }');
        }
        const uri = URI.parse(parsed.data.uri);
        const document = await validatedDocument(shared, uri, token);
        if (!document) throw new ResponseError(ErrorCodes.InvalidParams, `No open .adopt document at ${parsed.data.uri}`);
        const result = services.score.RankResults.of(document);
        const answer = parsed.data.diagnostics === false ? { plan: result.plan, status: result.status, projects: result.projects } : result;
        if (!parsed.data.settings) return answer;
        const { weights, threshold } = services.score.QuickWins.analyze(planOfDocument(document)).settings;
        return { ...answer, settings: { weights: { ...weights }, threshold } };
    });
}

export function registerRankWorkspaceRequest(connection: Connection, services: AdoptServices): void {
    const shared = services.shared;
    connection.onRequest(RANK_WORKSPACE_REQUEST, async (params: unknown, token): Promise<WorkspaceRanking | WorkspaceProjects> => {
        const parsed = rankWorkspaceParamsSchema.safeParse(params ?? {});
        if (!parsed.success) {
            throw new ResponseError(ErrorCodes.InvalidParams, 'adopt/rankWorkspace expects { "diagnostics"?: boolean }');
        }
        await shared.workspace.WorkspaceManager.ready;
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, token);
        // The server serves one language: every document it knows is a plan, but for the shared files.
        const plans = shared.workspace.LangiumDocuments.all
            .filter(document => !isSharedFile(document.parseResult.value))
            .map(document => ({ uri: document.uri.toString(), result: services.score.RankResults.of(document), used: usedFilesOf(planOfDocument(document)) }))
            .toArray()
            .sort((a, b) => a.result.plan.localeCompare(b.result.plan) || a.uri.localeCompare(b.uri));
        return {
            plans: plans.map(({ uri, result, used }) => parsed.data.diagnostics === false
                ? { uri, plan: result.plan, status: result.status, projects: result.projects, used }
                : { uri, ...result, used })
        };
    });
}

/** A file that holds a shared block (not a plan): nothing to rank, left out of the workspace ranking. */
function isSharedFile(root: unknown): root is AdoptFile {
    return isAdoptFile(root) && root.shared !== undefined && root.plan === undefined;
}
