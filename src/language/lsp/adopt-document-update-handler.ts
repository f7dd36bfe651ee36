/**
 * Langium's handler of document changes, for documents of a language the server has. A client
 * may also open other files with the server (an editor that sends every open file, or
 * `adopt.config.json`): Langium would try to build them and fail for want of a language, which
 * would end the server. Such documents are not built; the text of a config file is read by
 * adopt-config-sync.ts.
 */
import { URI } from 'langium';
import { DefaultDocumentUpdateHandler } from 'langium/lsp';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export class AdoptDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    override didChangeContent(change: TextDocumentChangeEvent<TextDocument>): void {
        if (!this.serviceRegistry.hasServices(URI.parse(change.document.uri))) return;
        super.didChangeContent(change);
    }
}
