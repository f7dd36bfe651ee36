/**
 * Compares two parses of one text in full (fast-parser.test.ts, incremental-parse.test.ts,
 * grammar-change.test.ts): the syntax tree (each node's own keys in order, values, containers,
 * references' class, text and node), the concrete syntax tree (every node's kind, class, offset,
 * length, end, range, text, hidden flag, token type and grammar element by identity, container,
 * AST node, children in order). A mismatch throws with the path where it is; the comparison
 * itself calls no matcher per node (thousands of nodes per plan).
 */
import { isCompositeCstNode, isLeafCstNode, type AstNode, type CstNode } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type { SyntaxTrees } from '../../../src/language/fast-build/syntax-trees.js';

/** Compares two parses of one text node by node; mismatches throw with the path where they are. */
export class Comparison {
    /** Each node of the fast result's trees (AST and CST) and its counterpart in Langium's. */
    private readonly counterpart = new Map<object, object>();
    leaves = 0;
    comments = 0;

    constructor(private readonly text: string) { }

    fail(path: string, message: string): never {
        throw new Error(`${path}: ${message}`);
    }

    same(path: string, ours: unknown, theirs: unknown): void {
        if (!Object.is(ours, theirs)) this.fail(path, `${String(ours)} !== ${String(theirs)}`);
    }

    sameRange(path: string, ours: Range, theirs: Range): void {
        const text = (range: Range) => `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
        this.same(path, text(ours), text(theirs));
    }

    /** Both objects correspond (or both are undefined). */
    corresponding(path: string, ours: object | undefined, theirs: object | undefined): void {
        if (ours === undefined || theirs === undefined) return this.same(path, ours, theirs);
        if (this.counterpart.get(ours) !== theirs) this.fail(path, 'does not correspond');
    }

    cst(path: string, ours: CstNode, theirs: CstNode): void {
        this.counterpart.set(ours, theirs);
        this.same(`${path} class`, Object.getPrototypeOf(ours), Object.getPrototypeOf(theirs));
        this.same(`${path} leaf`, isLeafCstNode(ours), isLeafCstNode(theirs));
        this.same(`${path} composite`, isCompositeCstNode(ours), isCompositeCstNode(theirs));
        for (const key of ['offset', 'length', 'end', 'hidden', 'text', 'grammarSource'] as const) {
            this.same(`${path}.${key}`, ours[key], theirs[key]);
        }
        this.sameRange(`${path}.range`, ours.range, theirs.range);
        this.corresponding(`${path}.container`, ours.container, theirs.container);
        if (isLeafCstNode(ours) && isLeafCstNode(theirs)) {
            this.leaves++;
            if (ours.hidden) this.comments++;
            this.same(`${path}.tokenType`, ours.tokenType, theirs.tokenType);
            this.same(`${path}.text is the token's`, ours.text, this.text.substring(ours.offset, ours.end));
        } else if (isCompositeCstNode(ours) && isCompositeCstNode(theirs)) {
            this.same(`${path}.content.length`, ours.content.length, theirs.content.length);
            ours.content.forEach((child, i) => this.cst(`${path}[${i}]`, child, theirs.content[i]));
            this.same(`${path} own AST node`, Object.hasOwn(ours, '_astNode') && (ours as { _astNode?: unknown })._astNode !== undefined,
                Object.hasOwn(theirs, '_astNode') && (theirs as { _astNode?: unknown })._astNode !== undefined);
        }
    }

    /** After the AST walk (every AST node mapped): each CST node's AST node corresponds. */
    astNodes(path: string, ours: CstNode, theirs: CstNode): void {
        this.corresponding(`${path}.astNode`, ours.astNode, theirs.astNode);
        if (isCompositeCstNode(ours) && isCompositeCstNode(theirs)) {
            ours.content.forEach((child, i) => this.astNodes(`${path}[${i}]`, child, theirs.content[i]));
        }
    }

    ast(path: string, ours: AstNode, theirs: AstNode): void {
        this.counterpart.set(ours, theirs);
        const keys = Object.keys(ours);
        this.same(`${path} own keys`, keys.join(), Object.keys(theirs).join());
        const record = ours as unknown as Record<string, unknown>;
        const other = theirs as unknown as Record<string, unknown>;
        for (const key of keys) {
            if (key === '$cstNode' || key === '$container') continue;
            this.value(`${path}.${key}`, record[key], other[key]);
        }
    }

    /** Second pass (all nodes mapped): containers and CST nodes correspond. */
    links(path: string, ours: AstNode, theirs: AstNode): void {
        this.corresponding(`${path}.$container`, ours.$container, theirs.$container);
        this.corresponding(`${path}.$cstNode`, ours.$cstNode, theirs.$cstNode);
        for (const [key, value] of Object.entries(ours)) {
            if (key.startsWith('$')) continue;
            const other = (theirs as unknown as Record<string, unknown>)[key];
            const items = Array.isArray(value) ? value : [value];
            const otherItems = Array.isArray(other) ? other : [other];
            items.forEach((item: unknown, i) => {
                const theirItem = otherItems[i] as Record<string, unknown>;
                if (isNode(item)) this.links(`${path}.${key}[${i}]`, item, theirItem as unknown as AstNode);
                else if (isReference(item)) this.corresponding(`${path}.${key}[${i}].$refNode`, item.$refNode, theirItem.$refNode as object | undefined);
            });
        }
    }

    private value(path: string, ours: unknown, theirs: unknown): void {
        if (Array.isArray(ours)) {
            if (!Array.isArray(theirs)) this.fail(path, 'not a list on both sides');
            this.same(`${path}.length`, ours.length, theirs.length);
            ours.forEach((item, i) => this.value(`${path}[${i}]`, item, theirs[i]));
        } else if (isNode(ours)) {
            this.ast(path, ours, theirs as AstNode);
        } else if (isReference(ours)) {
            const other = theirs as Record<string, unknown>;
            this.same(`${path} class`, Object.getPrototypeOf(ours), Object.getPrototypeOf(other));
            this.same(`${path} own keys`, Object.keys(ours).join(), Object.keys(other).join());
            this.same(`${path}.$refText`, ours.$refText, other.$refText);
            this.same(`${path}.$refNode.offset`, ours.$refNode?.offset, (other.$refNode as CstNode | undefined)?.offset);
            this.same(`${path} resolved`, (ours as { _ref?: unknown })._ref, other._ref);
        } else {
            this.same(path, ours, theirs);
        }
    }
}

export function isNode(value: unknown): value is AstNode {
    return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';
}

export function isReference(value: unknown): value is { $refText: string; $refNode?: CstNode } {
    return typeof value === 'object' && value !== null && typeof (value as { $refText?: unknown }).$refText === 'string';
}

/** Compares two trees of one text in every pass (CST, AST, links, CST nodes' AST nodes); returns the comparison. */
export function compareTrees(text: string, ours: AstNode, theirs: AstNode): Comparison {
    const comparison = new Comparison(text);
    comparison.cst('cst', ours.$cstNode!, theirs.$cstNode!);
    comparison.ast('ast', ours, theirs);
    comparison.links('ast', ours, theirs);
    comparison.astNodes('cst', ours.$cstNode!, theirs.$cstNode!);
    return comparison;
}

/**
 * The node and reference lists the linker and the validator take from a tree (syntax-trees.ts:
 * the ones its parser or update listed, else a walk), compared item by item: the same nodes, the
 * same references with the same container, property and index.
 */
export function compareLists(comparison: Comparison, trees: SyntaxTrees, ours: AstNode, theirs: AstNode): void {
    const [nodes, theirNodes] = [trees.nodes(ours), trees.nodes(theirs)];
    comparison.same('nodes.length', nodes.length, theirNodes.length);
    nodes.forEach((node, i) => comparison.corresponding(`nodes[${i}]`, node, theirNodes[i]));
    const [references, theirReferences] = [trees.referencesToLink(ours), trees.referencesToLink(theirs)];
    comparison.same('references.length', references.length, theirReferences.length);
    references.forEach((info, i) => {
        const other = theirReferences[i];
        comparison.same(`references[${i}] keys`, Object.keys(info).join(), Object.keys(other).join());
        comparison.corresponding(`references[${i}].container`, info.container, other.container);
        comparison.same(`references[${i}].property`, info.property, other.property);
        comparison.same(`references[${i}].index`, info.index, other.index);
        comparison.same(`references[${i}].$refText`, info.reference.$refText, other.reference.$refText);
    });
}
