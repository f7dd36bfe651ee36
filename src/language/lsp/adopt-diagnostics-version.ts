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
 *
 * A plan of the workspace read from disk may be opened while its build is under way: its
 * diagnostics, about the text on disk, would then reach a client that holds the document at a
 * version, as if about that version. They are not sent: the open rebuilds the document from the
 * client's text, and that build publishes diagnostics with the version.
 */
import { DocumentState, type LangiumSharedCoreServices } from 'langium';
import type { Connection, PublishDiagnosticsParams } from 'vscode-languageserver';

export function publishDiagnosticsWithVersion(connection: Connection, shared: LangiumSharedCoreServices): void {
    // Per plan: the version of the client's text its tree was parsed from, or 'disk'. Documents
    // the builder does not parse (an open adopt.config.json) have no entry.
    const parsedFrom = new Map<string, number | 'disk'>();
    const builder = shared.workspace.DocumentBuilder;
    const isOpen = (uri: string) => shared.workspace.TextDocuments?.get(uri) !== undefined;
    builder.onDocumentPhase(DocumentState.Parsed, document => {
        const uri = document.uri.toString();
        parsedFrom.set(uri, isOpen(uri) ? document.textDocument.version : 'disk');
    });
    builder.onUpdate((_changed, deleted) => {
        for (const uri of deleted) parsedFrom.delete(uri.toString());
    });
    const send = connection.sendDiagnostics.bind(connection);
    connection.sendDiagnostics = async (params: PublishDiagnosticsParams) => {
        if (params.version !== undefined) return send(params);
        const source = parsedFrom.get(params.uri);
        if (typeof source === 'number') return send({ ...params, version: source });
        // Parsed from disk, open in the client since: a build of the client's text follows.
        if (source === 'disk' && isOpen(params.uri)) return;
        return send(params);
    };
}
