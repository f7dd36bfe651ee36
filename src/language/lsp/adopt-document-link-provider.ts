/**
 * The path of each `use` is a link to the file it names (docs/language.md#plans-in-many-files),
 * when the workspace holds that file: the text between the quotes, with the file's path from
 * this one as its tooltip. A path that leads to no file is no link (it is `use-not-found`).
 */
import { isAdoptFile } from '../generated/ast.js';
import type { LangiumDocument, LangiumDocuments } from 'langium';
import type { DocumentLinkProvider } from 'langium/lsp';
import type { DocumentLink } from 'vscode-languageserver';
import type { AdoptServices } from '../adopt-module.js';
import { usedFileUri } from '../workspace/used-files.js';

export class AdoptDocumentLinkProvider implements DocumentLinkProvider {
    private readonly documents: LangiumDocuments;

    constructor(services: AdoptServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    getDocumentLinks(document: LangiumDocument): DocumentLink[] {
        const root = document.parseResult.value;
        if (!isAdoptFile(root)) return [];
        const links: DocumentLink[] = [];
        for (const use of root.uses) {
            const path = use.shared?.$refText;
            const node = use.shared?.$refNode;
            if (path === undefined || !node) continue;
            const target = usedFileUri(document.uri, path);
            if (!('uri' in target) || !this.documents.hasDocument(target.uri)) continue;
            // Inside the quotes: the path itself.
            const start = document.textDocument.positionAt(node.offset + 1);
            const end = document.textDocument.positionAt(node.end - (node.text.endsWith('"') && node.length > 1 ? 1 : 0));
            links.push({ range: { start, end }, target: target.uri.toString(), tooltip: `Open ${path}` });
        }
        return links;
    }
}
