/**
 * Validating every built plan again when the rules in force change (a setting, a config file),
 * so that diagnostics, scores and code lenses follow; the client is asked to refresh its code
 * lenses when it can.
 */
import type { LangiumDocument } from 'langium';
import { CodeLensRefreshRequest, type Connection } from 'vscode-languageserver';
import type { AdoptServices } from '../adopt-module.js';

/** Returns the function that validates every built plan again (register it before the server starts). */
export function plansRevalidation(connection: Connection, services: AdoptServices): () => Promise<void> {
    const shared = services.shared;
    let codeLensRefresh = false;
    shared.lsp.LanguageServer.onInitialize(params => {
        codeLensRefresh = params.capabilities.workspace?.codeLens?.refreshSupport ?? false;
    });
    return async () => {
        // Every document, also those an update cancelled by this build left unbuilt (their new
        // text not yet parsed): left out, they would stay unbuilt, below the workspace's state, and
        // requests about them would fail until the next edit.
        const documents: LangiumDocument[] = shared.workspace.LangiumDocuments.all.toArray();
        if (documents.length === 0) return;
        await shared.workspace.WorkspaceLock.write(token => shared.workspace.DocumentBuilder.build(documents, { validation: true }, token));
        if (codeLensRefresh) await connection.sendRequest(CodeLensRefreshRequest.type);
    };
}
