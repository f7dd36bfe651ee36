/**
 * The code lenses of a plan just opened, once it is built: the client is asked to refresh its
 * code lenses (when it can) after the first validation of each plan it opens. An editor asks for
 * a plan's lenses once, right after opening it, and again only when the text changes; while the
 * server is still taking in the workspace (a large one, or the browser build reading every file
 * through the client), that first request may be answered from an earlier build or not at all,
 * and the plan would show no scores until the next keystroke.
 */
import { DocumentState, type LangiumSharedCoreServices } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { CodeLensRefreshRequest, type Connection } from 'vscode-languageserver';

export function refreshLensesOfOpenedPlans(connection: Connection, shared: LangiumSharedServices & LangiumSharedCoreServices): void {
    let refreshSupport = false;
    shared.lsp.LanguageServer.onInitialize(params => {
        refreshSupport = params.capabilities.workspace?.codeLens?.refreshSupport ?? false;
    });
    /** The plans opened and not yet validated, with the version they were opened at. */
    const opened = new Map<string, number>();
    shared.workspace.TextDocuments.onDidOpen(event => {
        if (refreshSupport) opened.set(event.document.uri, event.document.version);
    });
    shared.workspace.TextDocuments.onDidClose(event => opened.delete(event.document.uri));
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, documents => {
        let built = false;
        for (const document of documents) {
            const key = document.uri.toString();
            const version = opened.get(key);
            // Validated at the version opened or later, not a build of the text on disk that came first.
            if (version !== undefined && document.textDocument.version >= version) {
                opened.delete(key);
                built = true;
            }
        }
        if (built) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    });
}
