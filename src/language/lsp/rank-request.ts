/**
 * The custom request `adopt/rankQuickWins` (params `{ uri, diagnostics?, settings? }`): the same
 * data as `adopt rank --json`, for the document the client names, once it is built; built once
 * per document version and settings. With `diagnostics: false`, the answer leaves them out; with
 * `settings: true`, it adds the weights and threshold in force for the plan.
 */
import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { ResponseError, ErrorCodes } from 'vscode-languageserver';
import type { AdoptServices } from '../adopt-module.js';
import type { Plan } from '../generated/ast.js';
import { cachedRankResult } from '../score/rank-result.js';
import {
    RANK_QUICK_WINS_REQUEST, rankQuickWinsParamsSchema, type RankedProjects, type RankResult, type RankResultWithSettings
} from '../../protocol/rank-protocol.js';

export function registerRankRequest(connection: Connection, services: AdoptServices): void {
    const shared = services.shared;
    connection.onRequest(RANK_QUICK_WINS_REQUEST, async (params: unknown, token): Promise<RankResult | RankedProjects | RankResultWithSettings> => {
        const parsed = rankQuickWinsParamsSchema.safeParse(params);
        if (!parsed.success) {
            throw new ResponseError(ErrorCodes.InvalidParams, 'adopt/rankQuickWins expects { "uri": string, "diagnostics"?: boolean, "settings"?: boolean }');
        }
        const uri = URI.parse(parsed.data.uri);
        if (!shared.workspace.LangiumDocuments.hasDocument(uri)) {
            throw new ResponseError(ErrorCodes.InvalidParams, `No open .adopt document at ${parsed.data.uri}`);
        }
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, uri, token);
        const document = shared.workspace.LangiumDocuments.getDocument(uri) as LangiumDocument<Plan>;
        const result = cachedRankResult(document, services);
        const answer = parsed.data.diagnostics === false ? { plan: result.plan, projects: result.projects } : result;
        if (!parsed.data.settings) return answer;
        const { weights, threshold } = services.score.QuickWins.analyze(document.parseResult.value).settings;
        return { ...answer, settings: { weights: { ...weights }, threshold } };
    });
}
