/**
 * The outline: plan > coalition > members, channels, initiatives, stages > goals (> metrics),
 * projects (> metrics) and stories. A coalition has no name, so it gets one here.
 */
import type { AstNode, LangiumDocument } from 'langium';
import { DefaultDocumentSymbolProvider } from 'langium/lsp';
import type { DocumentSymbol } from 'vscode-languageserver';
import { isCoalition } from '../generated/ast.js';

export class AdoptDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
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
        return super.getSymbol(document, astNode);
    }
}
