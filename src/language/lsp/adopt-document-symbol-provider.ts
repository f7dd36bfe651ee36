/**
 * The outline: plan > coalition > members, channels, initiatives, stages > goals (> metrics),
 * projects (> metrics) and stories. A coalition has no name, so it gets one here.
 *
 * Editors ask for the outline after every change. Langium's provider finds each node's name
 * with a generic grammar lookup and walks the children with a stream per node; this one reads the
 * same things directly (the syntax facts, the children in `streamContents` order) and
 * answers the same symbols: about 10,000 of them at 10,000 projects. After an edit, a project
 * whose text is the same keeps its symbol from the document's last outline (`getSymbols`).
 */
import { isAstNode, type AstNode, type LangiumDocument, type MaybePromise } from 'langium';
import { DefaultDocumentSymbolProvider } from 'langium/lsp';
import type { CancellationToken, DocumentSymbol, DocumentSymbolParams, Range } from 'vscode-languageserver';
import { isCoalition, isProject } from '../generated/ast.js';
import type { AdoptServices } from '../adopt-module.js';
import type { SyntaxFacts } from '../parser/syntax-facts.js';
import { KeptPerProject, type ProjectAnswer } from './kept-per-project.js';

export class AdoptDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    private readonly facts: SyntaxFacts;
    /** Each document's projects' symbols, from its last outline. */
    private readonly projectSymbols = new KeptPerProject<DocumentSymbol>();
    /** The outline being answered. */
    private answer: ProjectAnswer<DocumentSymbol> | undefined;

    constructor(services: AdoptServices) {
        super(services);
        this.facts = services.syntax.Facts;
    }

    /**
     * The outline. After an edit most projects are what they were: each project whose text is the
     * same as at the document's last outline, starting at the same character of its line, keeps
     * its symbol, moved by the lines it moved (the same object when it did not move).
     */
    override getSymbols(document: LangiumDocument, params: DocumentSymbolParams, cancelToken?: CancellationToken): MaybePromise<DocumentSymbol[]> {
        const answer = this.projectSymbols.begin(document);
        this.answer = answer;
        try {
            const symbols = super.getSymbols(document, params, cancelToken);
            this.projectSymbols.finish(document, answer);
            return symbols;
        } finally {
            this.answer = undefined;
        }
    }

    /** Projects whose symbol was taken from the outline before, and those made anew (for tests). */
    get counts(): { readonly kept: number; readonly made: number } {
        return this.projectSymbols.counts;
    }

    protected override getSymbol(document: LangiumDocument, astNode: AstNode): DocumentSymbol[] {
        const answer = this.answer;
        if (!answer || !isProject(astNode)) return this.symbolsOf(document, astNode);
        const taken = answer.taken(astNode);
        if (taken) {
            const symbol = taken.lines === 0 ? taken.value : movedSymbol(taken.value, taken.lines);
            answer.keepAt(astNode, symbol, taken.start);
            return [symbol];
        }
        const symbols = this.symbolsOf(document, astNode);
        if (symbols.length === 1) answer.keep(astNode, symbols[0]);
        return symbols;
    }

    /** The node's symbols, made from the tree. */
    private symbolsOf(document: LangiumDocument, astNode: AstNode): DocumentSymbol[] {
        if (isCoalition(astNode) && astNode.$cstNode) {
            const members = astNode.members.length;
            return [{
                name: 'coalition',
                detail: `${members} member${members === 1 ? '' : 's'}`,
                kind: this.nodeKindProvider.getSymbolKind(astNode),
                range: astNode.$cstNode.range,
                selectionRange: astNode.$cstNode.range,
                children: this.getChildSymbols(document, astNode) ?? []
            }];
        }
        // Langium's NameProvider finds the node of the `name` property; a node has one only when
        // it has a name (a name is never a default value).
        // Langium's `createSymbol` with the name's range only (the syntax facts find it without making leaves).
        const nameRange = 'name' in astNode ? this.facts.propertyRange(astNode, 'name') : undefined;
        if (nameRange && astNode.$cstNode) {
            return [{
                kind: this.nodeKindProvider.getSymbolKind(astNode),
                name: this.nameProvider.getName(astNode) || document.textDocument.getText(nameRange),
                range: astNode.$cstNode.range,
                selectionRange: nameRange,
                children: this.getChildSymbols(document, astNode)
            }];
        }
        return this.getChildSymbols(document, astNode) ?? [];
    }

    /** Langium's `getChildSymbols`: the symbols of the node's children, in `streamContents` order; undefined if none. */
    protected override getChildSymbols(document: LangiumDocument, astNode: AstNode): DocumentSymbol[] | undefined {
        const children: DocumentSymbol[] = [];
        // The node's properties read by name, as Langium's walk reads them (an interface has no index signature).
        const properties = astNode as unknown as Record<string, unknown>;
        for (const key of Object.keys(properties)) {
            if (key.startsWith('$')) continue;
            const value = properties[key];
            if (Array.isArray(value)) {
                for (const item of value) {
                    if (isAstNode(item)) for (const symbol of this.getSymbol(document, item)) children.push(symbol);
                }
            } else if (isAstNode(value)) {
                for (const symbol of this.getSymbol(document, value)) children.push(symbol);
            }
        }
        return children.length > 0 ? children : undefined;
    }
}

/** A symbol and its children, `lines` lines further down. */
function movedSymbol(symbol: DocumentSymbol, lines: number): DocumentSymbol {
    return {
        ...symbol,
        range: movedRange(symbol.range, lines),
        selectionRange: movedRange(symbol.selectionRange, lines),
        ...(symbol.children ? { children: symbol.children.map(child => movedSymbol(child, lines)) } : {})
    };
}

function movedRange(range: Range, lines: number): Range {
    return { start: { line: range.start.line + lines, character: range.start.character }, end: { line: range.end.line + lines, character: range.end.character } };
}
