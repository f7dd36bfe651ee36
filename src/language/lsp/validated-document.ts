/**
 * The document a custom request names, once it is validated. A client sends `didOpen` (or
 * `didChange`) and then its request; the server takes the new text in through a build that waits
 * for the workspace lock, so the request may come first. The document is then waited for (the
 * build that takes it in, or the one under way) rather than refused. A plan file on disk that
 * the server does not know is read and built. Anything else is unknown: undefined.
 */
import { DocumentState, UriUtils, type LangiumDocument, type LangiumSharedCoreServices, type URI } from 'langium';
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

export async function validatedDocument(shared: LangiumSharedCoreServices, uri: URI, token: CancellationToken): Promise<LangiumDocument | undefined> {
    const documents = shared.workspace.LangiumDocuments;
    const known = documents.getDocument(uri);
    if (known && known.state >= DocumentState.Validated) return known;
    if (!known && !shared.workspace.TextDocuments?.get(uri.toString())) {
        // A plan file the server has not read (or no longer knows, after a file event it was sent):
        // read it from disk and build it, as a change of the file would.
        if (!(await isPlanFile(shared, uri))) return undefined;
        void shared.workspace.WorkspaceLock.write(cancel => shared.workspace.DocumentBuilder.update([uri], [], cancel));
    }
    await new Promise<void>((resolve, reject) => {
        const validated = shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => {
            if (!UriUtils.equals(document.uri, uri)) return;
            stop();
            resolve();
        });
        const cancelled = token.onCancellationRequested(() => {
            stop();
            reject(new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.'));
        });
        const stop = () => {
            validated.dispose();
            cancelled.dispose();
        };
    });
    return documents.getDocument(uri);
}

async function isPlanFile(shared: LangiumSharedCoreServices, uri: URI): Promise<boolean> {
    if (!shared.ServiceRegistry.hasServices(uri)) return false;
    try {
        return (await shared.workspace.FileSystemProvider.stat(uri)).isFile;
    } catch {
        return false;
    }
}
