/**
 * The outline: plan > coalition > members, channels, initiatives, stages > goals (> metrics),
 * projects (> metrics) and stories. A coalition has no name, so it gets one here.
 *
 * Editors ask for the outline after every change. Langium's provider finds each node's name
 * with a generic grammar lookup and walks the children with a stream per node; this one reads the
 * same things directly (the syntax facts, the children in `streamContents` order) and
 * answers the same symbols: about 10,000 of them at 10,000 projects.
 */
import { isAstNode, type AstNode, type LangiumDocument } from 'langium';
import { DefaultDocumentSymbolProvider } from 'langium/lsp';
import type { DocumentSymbol } from 'vscode-languageserver';
import { isCoalition } from '../generated/ast.js';
import type { AdoptServices } from '../adopt-module.js';
import type { SyntaxFacts } from '../parser/syntax-facts.js';

export class AdoptDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    private readonly facts: SyntaxFacts;

    constructor(services: AdoptServices) {
        super(services);
        this.facts = services.syntax.Facts;
    }

    protected override getSymbol(document: LangiumDocument, astNode: AstNode): DocumentSymbol[] {
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
