/**
 * The one service through which the fast build's phases reach the state of each syntax tree
 * (tree-state.ts): which parser built it, and the lists of nodes and references that the parser,
 * the linker and the reference index hand each other. A tree that another builder made (when the
 * fast build could not install its own: langium-internals.ts) has no state; its lists are walked
 * when asked for.
 */
import type { AstNode, ReferenceInfo } from 'langium';
import type { ParserName } from '../parser/syntax-facts.js';
import { FastRootCstNode } from './lazy-cst.js';
import type { TreeState } from './tree-state.js';
import { allNodes, allReferences } from './tree-walk.js';

export class SyntaxTrees {
    /** The state of the tree whose root AST node this is; undefined for a tree the fast build's builder did not make. */
    stateOf(root: AstNode): TreeState | undefined {
        const cst = root.$cstNode;
        return cst instanceof FastRootCstNode && cst.astNode === root ? cst.tree : undefined;
    }

    /** Which parser built the tree. */
    builtBy(root: AstNode): ParserName {
        return this.stateOf(root)?.builtBy ?? 'langium';
    }

    /** Every node of the tree in walk order (Langium's `streamAst`), listed once per tree. */
    nodes(root: AstNode): readonly AstNode[] {
        const state = this.stateOf(root);
        if (!state) return allNodes(root);
        return (state.nodes ??= allNodes(root));
    }

    /**
     * The references to link, in walk order: those the parser listed (once), else a walk. Kept
     * for the reference index, which comes right after the linker (`takeLinkedReferences`).
     */
    referencesToLink(root: AstNode): ReferenceInfo[] {
        const state = this.stateOf(root);
        const references = state?.takeParsedReferences() ?? allReferences(root);
        if (state) state.linkedReferences = references;
        return references;
    }

    /** The references the linker linked (once), else a walk. */
    takeLinkedReferences(root: AstNode): ReferenceInfo[] {
        return this.stateOf(root)?.takeLinkedReferences() ?? allReferences(root);
    }

    /** Drops the references the linker kept for an index that will not read them. */
    forgetLinkedReferences(root: AstNode): void {
        this.stateOf(root)?.takeLinkedReferences();
    }
}
