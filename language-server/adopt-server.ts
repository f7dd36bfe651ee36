/**
 * What both builds of the language server run once their connection is made: the Adopt services
 * on the given file system, the `adopt/` requests, and Langium's language server. The Node build
 * (main.ts) reads the disk; the browser build (main-browser.ts, a Web Worker) reads through the
 * client.
 */
import type { FileSystemProvider } from 'langium';
import { startLanguageServer, type LangiumSharedServices } from 'langium/lsp';
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';
import { createAdoptServices, type AdoptServices } from '../src/language/adopt-module.js';
import { prepareParser } from '../src/language/parser/adopt-parser.js';
import { publishDiagnosticsWithVersion } from '../src/language/lsp/adopt-diagnostics-version.js';
import { registerRankRequest, registerRankWorkspaceRequest } from '../src/language/lsp/rank-request.js';
import { registerSettingsSync } from '../src/language/lsp/adopt-settings-sync.js';
import { registerConfigSync } from '../src/language/lsp/adopt-config-sync.js';
import { registerPlanOverviewRequest } from '../src/language/lsp/overview-request.js';
import { registerPlanComparisonRequest } from '../src/language/lsp/comparison-request.js';
import { refreshLensesOfOpenedPlans } from '../src/language/lsp/opened-plan-lenses.js';

export function startAdoptServer(connection: Connection, fileSystemProvider: () => FileSystemProvider): { shared: LangiumSharedServices; Adopt: AdoptServices } {
    const services = createAdoptServices({ connection, fileSystemProvider });
    const { shared, Adopt } = services;
    registerRankRequest(connection, Adopt);
    registerRankWorkspaceRequest(connection, Adopt);
    registerPlanOverviewRequest(connection, Adopt);
    registerPlanComparisonRequest(connection, Adopt);
    registerSettingsSync(connection, Adopt);
    publishDiagnosticsWithVersion(connection, shared);
    registerConfigSync(connection, Adopt);
    refreshLensesOfOpenedPlans(connection, shared);
    // An ADOPT_TODAY that is no date is not used (today is the local date): say so once the client listens.
    const todayProblem = Adopt.model.Today.environmentProblem;
    if (todayProblem) {
        shared.lsp.LanguageServer.onInitialized(() => void connection.sendNotification(ShowMessageNotification.type, {
            type: MessageType.Warning, message: `Adopt: ${todayProblem} Overdue actions are judged against today's local date.`
        }));
    }
    // A client may fix today with `initializationOptions.today` (YYYY-MM-DD), over ADOPT_TODAY: the
    // browser build has no environment to read. One that is no date is not used, and the client is told.
    shared.lsp.LanguageServer.onInitialize(params => {
        const today: unknown = (params.initializationOptions as { today?: unknown } | null | undefined)?.today;
        if (today === undefined) return;
        const problem = Adopt.model.Today.set(String(today));
        if (problem) {
            shared.lsp.LanguageServer.onInitialized(() => void connection.sendNotification(ShowMessageNotification.type, {
                type: MessageType.Warning, message: `Adopt: initializationOptions.today: ${problem} It is not used.`
            }));
        }
    });
    // The fast parser, whose compiling of the grammar is most of a new server's work before its
    // first build, is made once the client has said it is initialized (and been asked for its
    // settings): while the client answers and sends the plans it has open, not before the answer
    // to `initialize`.
    shared.lsp.LanguageServer.onInitialized(() => setTimeout(() => prepareParser(Adopt), 0));
    startLanguageServer(shared);
    return services;
}
