/**
 * The Adopt language server: `adopt-language-server --stdio` for any LSP editor, or over IPC for
 * the VS Code client (the transport is picked from the command line).
 */
import '../src/platform/node-compat.js';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, MessageType, ProposedFeatures, ShowMessageNotification } from 'vscode-languageserver/node';
import { createAdoptServices } from '../src/language/adopt-module.js';
import { publishDiagnosticsWithVersion } from '../src/language/lsp/adopt-diagnostics-version.js';
import { registerRankRequest, registerRankWorkspaceRequest } from '../src/language/lsp/rank-request.js';
import { registerSettingsSync } from '../src/language/lsp/adopt-settings-sync.js';
import { registerConfigSync } from '../src/language/lsp/adopt-config-sync.js';
import { registerPlanOverviewRequest } from '../src/language/lsp/overview-request.js';
import { registerPlanComparisonRequest } from '../src/language/lsp/comparison-request.js';

const connection = createConnection(ProposedFeatures.all);
const { shared, Adopt } = createAdoptServices({ connection, ...NodeFileSystem });
registerRankRequest(connection, Adopt);
registerRankWorkspaceRequest(connection, Adopt);
registerPlanOverviewRequest(connection, Adopt);
registerPlanComparisonRequest(connection, Adopt);
registerSettingsSync(connection, Adopt);
publishDiagnosticsWithVersion(connection, shared);
registerConfigSync(connection, Adopt);
// An ADOPT_TODAY that is no date is not used (today is the local date): say so once the client listens.
const todayProblem = Adopt.model.Today.environmentProblem;
if (todayProblem) {
    shared.lsp.LanguageServer.onInitialized(() => void connection.sendNotification(ShowMessageNotification.type, {
        type: MessageType.Warning, message: `Adopt: ${todayProblem} Overdue actions are judged against today's local date.`
    }));
}
startLanguageServer(shared);
