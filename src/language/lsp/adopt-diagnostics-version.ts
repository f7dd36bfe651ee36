/**
 * Diagnostics published with the version of the document they were computed for, as LSP clients
 * that announce `publishDiagnostics.versionSupport` expect (they drop diagnostics of an older
 * version). Langium publishes without a version; here each publication for a document open in the
 * client carries the version of the text its tree was parsed from.
 *
 * The version is read when the document reaches the Parsed state, not when the diagnostics are
 * sent: the open document's text object is updated in place when a change arrives, possibly while
 * the previous version is still being validated. Documents that the client has not opened (files
 * of the workspace read from disk) have no version, and their diagnostics carry none.
 */
import { DocumentState, type LangiumSharedCoreServices } from 'langium';
import type { Connection, PublishDiagnosticsParams } from 'vscode-languageserver';

export function publishDiagnosticsWithVersion(connection: Connection, shared: LangiumSharedCoreServices): void {
    const parsedVersions = new Map<string, number>();
    const builder = shared.workspace.DocumentBuilder;
    builder.onDocumentPhase(DocumentState.Parsed, document => {
        const uri = document.uri.toString();
        if (shared.workspace.TextDocuments?.get(uri)) parsedVersions.set(uri, document.textDocument.version);
        else parsedVersions.delete(uri);
    });
    builder.onUpdate((_changed, deleted) => {
        for (const uri of deleted) parsedVersions.delete(uri.toString());
    });
    const send = connection.sendDiagnostics.bind(connection);
    connection.sendDiagnostics = (params: PublishDiagnosticsParams) => {
        const version = parsedVersions.get(params.uri);
        return send(params.version === undefined && version !== undefined ? { ...params, version } : params);
    };
}
