/**
 * Langium's handler of document changes, for documents of a language the server has. A client
 * may also open other files with the server (an editor that sends every open file, or
 * `adopt.config.json`): Langium would try to build them and fail for want of a language, which
 * would end the server. Such documents are not built; the text of a config file is read by
 * adopt-config-sync.ts.
 *
 * A document the client closes is read again from disk, or removed when it is no longer there
 * (closed without saving, or deleted on disk while open): while it was open, its text came from
 * the editor, and the plans that use it (docs/language.md#plans-in-many-files) would otherwise
 * keep seeing text that no longer exists anywhere.
 */
import { URI, type FileSystemProvider } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export class AdoptDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly fileSystem: FileSystemProvider;
    private readonly openDocuments: LangiumSharedServices['workspace']['TextDocuments'];

    constructor(services: LangiumSharedServices) {
        super(services);
        this.fileSystem = services.workspace.FileSystemProvider;
        this.openDocuments = services.workspace.TextDocuments;
    }

    override didChangeContent(change: TextDocumentChangeEvent<TextDocument>): void {
        if (!this.serviceRegistry.hasServices(URI.parse(change.document.uri))) return;
        super.didChangeContent(change);
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        if (!this.serviceRegistry.hasServices(uri)) return;
        void this.isFileOnDisk(uri).then(onDisk => {
            // Opened again while the disk was asked: the editor's text holds (its open built it).
            if (this.openDocuments.get(event.document.uri)) return;
            this.fireDocumentUpdate(onDisk ? [uri] : [], onDisk ? [] : [uri]);
        });
    }

    private async isFileOnDisk(uri: URI): Promise<boolean> {
        try {
            return (await this.fileSystem.stat(uri)).isFile;
        } catch {
            return false;
        }
    }
}
