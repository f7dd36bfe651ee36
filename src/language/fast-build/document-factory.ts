/**
 * Langium's document factory, with an incremental update: when an open document's new text
 * differs from its old one only inside one declaration, the parser re-parses just that
 * declaration and reuses the rest of the old tree (incremental-parse.ts); any other change is
 * parsed in full, as Langium does. Langium's builder has unlinked the old tree's references before
 * it asks for the update, and links, indexes and validates the new tree afterwards.
 */
import {
    DefaultLangiumDocumentFactory, DocumentState, type AstNode, type Cancellation, type LangiumDocument, type Mutable, type ParseResult
} from 'langium';
import { FastBuildParser } from './fast-build-parser.js';

type CancellationToken = Cancellation.CancellationToken;

export class FastDocumentFactory extends DefaultLangiumDocumentFactory {
    /** Langium 4.4's `update`, asking the parser for an incremental parse first. */
    override async update<T extends AstNode = AstNode>(document: Mutable<LangiumDocument<T>>, cancellationToken: CancellationToken): Promise<LangiumDocument<T>> {
        // The CST's full text is the text the tree was made from.
        const oldRoot = document.parseResult.value;
        const oldText = oldRoot.$cstNode?.root.fullText;
        const textDocument = this.textDocuments?.get(document.uri.toString());
        const text = await this.getUpdatedText(document, textDocument, cancellationToken);
        if (textDocument) {
            Object.defineProperty(document, 'textDocument', { value: textDocument });
        } else {
            const textDocumentGetter = this.createTextDocumentGetter(document.uri, text);
            Object.defineProperty(document, 'textDocument', { get: textDocumentGetter });
        }
        if (oldText !== text) {
            document.parseResult = this.parseIncrementally<T>(document, oldRoot, text) ?? await this.parseAsync<T>(document.uri, text, cancellationToken);
            (document.parseResult.value as Mutable<AstNode>).$document = document;
        }
        document.state = DocumentState.Parsed;
        return document;
    }

    private parseIncrementally<T extends AstNode>(document: LangiumDocument<T>, oldRoot: AstNode, text: string): ParseResult<T> | undefined {
        const parser = this.serviceRegistry.getServices(document.uri).parser.LangiumParser;
        return parser instanceof FastBuildParser ? parser.parseIncrementally<T>(oldRoot, text) : undefined;
    }
}
