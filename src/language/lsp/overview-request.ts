/**
 * The custom request `adopt/planOverview` (params `{ uri }`): the overview of the plan the
 * client names (docs/command-line.md#adopt-report), once it is built, as the shared zod schema describes it
 * (src/protocol/overview-protocol.ts). The extension's Plan Overview shows it and exports it.
 */
import { URI } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import type { AdoptServices } from '../adopt-module.js';
import { validatedDocument } from './validated-document.js';
import { buildPlanOverview } from '../overview/plan-overview.js';
import { PLAN_OVERVIEW_REQUEST, planOverviewParamsSchema, type PlanOverview } from '../../protocol/overview-protocol.js';

export function registerPlanOverviewRequest(connection: Connection, services: AdoptServices): void {
    const shared = services.shared;
    connection.onRequest(PLAN_OVERVIEW_REQUEST, async (params: unknown, token): Promise<PlanOverview> => {
        const parsed = planOverviewParamsSchema.safeParse(params);
        if (!parsed.success) throw new ResponseError(ErrorCodes.InvalidParams, `${PLAN_OVERVIEW_REQUEST} expects { "uri": string }`);
        const uri = URI.parse(parsed.data.uri);
        const document = await validatedDocument(shared, uri, token);
        if (!document) throw new ResponseError(ErrorCodes.InvalidParams, `No open .adopt document at ${parsed.data.uri}`);
        return buildPlanOverview(document, services);
    });
}
