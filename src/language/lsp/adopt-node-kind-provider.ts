/**
 * Symbol and completion kinds (the icons of the outline and of completion items) for each kind
 * of declaration (and the coalition, in the outline), and for each kind a reference names.
 */
import type { AstNode, AstNodeDescription } from 'langium';
import { DefaultNodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SymbolKind } from 'vscode-languageserver';
import type { Coalition } from '../generated/ast.js';
import { entryFor, type DeclarationKind, type ReferencedKind } from '../model/declaration-kinds.js';

const SYMBOL_KINDS: Readonly<Record<DeclarationKind | Coalition['$type'], SymbolKind>> = {
    Plan: SymbolKind.Module,
    Shared: SymbolKind.Package,
    Coalition: SymbolKind.Struct,
    Member: SymbolKind.Constant,
    Channel: SymbolKind.Interface,
    Initiative: SymbolKind.Enum,
    Stage: SymbolKind.Namespace,
    Goal: SymbolKind.Event,
    Metric: SymbolKind.Number,
    Project: SymbolKind.Class,
    Story: SymbolKind.String,
    Action: SymbolKind.Function
};

const COMPLETION_KINDS: Readonly<Record<ReferencedKind, CompletionItemKind>> = {
    Member: CompletionItemKind.Constant,
    Channel: CompletionItemKind.Interface,
    Initiative: CompletionItemKind.Enum,
    Stage: CompletionItemKind.Module,
    Project: CompletionItemKind.Class,
    Shared: CompletionItemKind.File
};

export class AdoptNodeKindProvider extends DefaultNodeKindProvider {
    override getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return entryFor(SYMBOL_KINDS, typeOf(node)) ?? super.getSymbolKind(node);
    }

    override getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return entryFor(COMPLETION_KINDS, typeOf(node)) ?? super.getCompletionItemKind(node);
    }
}

function typeOf(node: AstNode | AstNodeDescription): string {
    return 'type' in node && typeof node.type === 'string' ? node.type : (node as AstNode).$type;
}
