/**
 * The custom request `adopt/planComparison` (params `{ uri, baseline }`): the plan the client
 * names compared with an earlier text of it (docs/editor.md), as src/protocol/diff-protocol.ts
 * describes. The earlier text is built apart from the workspace, in services of its own that
 * take the plan's rules in force (its config file, the editor's settings) and today's date, so
 * that it is never shown as a document nor checked as one; the shared files it uses are read
 * from the workspace's file system.
 */
import { URI } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { createAdoptServices, type AdoptServices } from '../adopt-module.js';
import type { AdoptFile } from '../generated/ast.js';
import { buildPlanOverview } from '../overview/plan-overview.js';
import { declarationTitles, planDiff } from '../overview/plan-diff.js';
import { PLAN_COMPARISON_REQUEST, planComparisonParamsSchema, type PlanComparison } from '../../protocol/diff-protocol.js';
import type { PlanOverview } from '../../protocol/overview-protocol.js';
import { validatedDocument } from './validated-document.js';

/** Builds earlier texts of plans with the rules and the day of the workspace's services. */
export class BaselineBuilder {
    private services: AdoptServices | undefined;

    constructor(private readonly workspace: AdoptServices) {}

    async overview(uri: URI, text: string): Promise<PlanOverview> {
        // The files the plan uses are read from the workspace's file system, as the plan's own are.
        const fileSystem = this.workspace.shared.workspace.FileSystemProvider;
        const services = this.services ??= createAdoptServices({ fileSystemProvider: () => fileSystem }).Adopt;
        services.config.Files.useFile(this.workspace.config.Files.lookup(uri));
        services.score.Settings.set(this.workspace.score.Settings.current);
        services.score.Settings.updateSeverity(this.workspace.score.Settings.severity);
        services.model.Today.set(this.workspace.model.Today.current);
        const shared = services.shared.workspace;
        if (shared.LangiumDocuments.hasDocument(uri)) shared.LangiumDocuments.deleteDocument(uri);
        const document = shared.LangiumDocumentFactory.fromString<AdoptFile>(text, uri);
        shared.LangiumDocuments.addDocument(document);
        try {
            await shared.DocumentBuilder.build([document], { validation: true });
            return buildPlanOverview(document, services);
        } finally {
            // The plan and the files it used: the next comparison reads them again.
            for (const built of shared.LangiumDocuments.all.toArray()) shared.LangiumDocuments.deleteDocument(built.uri);
        }
    }
}

export function registerPlanComparisonRequest(connection: Connection, services: AdoptServices): void {
    const baselines = new BaselineBuilder(services);
    connection.onRequest(PLAN_COMPARISON_REQUEST, async (params: unknown, token): Promise<PlanComparison> => {
        const parsed = planComparisonParamsSchema.safeParse(params);
        if (!parsed.success) throw new ResponseError(ErrorCodes.InvalidParams, `${PLAN_COMPARISON_REQUEST} expects { "uri": string, "baseline": string }`);
        const uri = URI.parse(parsed.data.uri);
        const document = await validatedDocument(services.shared, uri, token);
        if (!document) throw new ResponseError(ErrorCodes.InvalidParams, `No open .adopt document at ${parsed.data.uri}`);
        const current = buildPlanOverview(document, services);
        const old = await baselines.overview(uri, parsed.data.baseline);
        return { diff: planDiff(old, current), titles: Object.fromEntries([...declarationTitles(old), ...declarationTitles(current)]) };
    });
}
