/**
 * A fast walk over a syntax tree, for the build phases that visit every node or every reference
 * of a plan of tens of thousands of projects. It visits exactly what Langium's `streamAst` and
 * `streamReferences` visit, in the same order (depth first, properties in declaration order), but
 * with plain loops instead of a stream of iterator objects per node.
 */
import type { AstNode, GenericAstNode, MultiReference, Reference, ReferenceInfo } from 'langium';

const DOLLAR = 36; // '$': Langium's own properties ($type, $container, $cstNode...) are not contents

/** Langium's `isAstNode`, for a value already known to be a non-null object. */
function isNodeObject(value: object): value is AstNode {
    return typeof (value as { $type?: unknown }).$type === 'string';
}

/** Langium's `isReference || isMultiReference`, for a value already known to be a non-null object. */
function isReferenceObject(value: object): value is Reference | MultiReference {
    return typeof (value as { $refText?: unknown }).$refText === 'string' && ('ref' in value || 'items' in value);
}

/** Every node of the tree, the root first, in the order of Langium's `streamAst`. */
export function allNodes(root: AstNode): AstNode[] {
    const nodes: AstNode[] = [];
    walk(root, nodes, undefined);
    return nodes;
}

/**
 * Every reference of the tree with its container, property and (in a list) index, in the order of
 * Langium's `streamAst` followed by `streamReferences` on each node.
 */
export function allReferences(root: AstNode): ReferenceInfo[] {
    const references: ReferenceInfo[] = [];
    walk(root, undefined, references);
    return references;
}

/** Whether a node has references of its own (not its children's): those the walk lists right after it. */
export function hasOwnReferences(node: AstNode): boolean {
    const properties = node as GenericAstNode;
    for (const key in properties) {
        if (key.charCodeAt(0) === DOLLAR) continue;
        const value = properties[key];
        if (typeof value !== 'object' || value === null) continue;
        const items: unknown[] = Array.isArray(value) ? value : [value];
        for (const item of items) {
            if (typeof item === 'object' && item !== null && !isNodeObject(item) && isReferenceObject(item)) return true;
        }
    }
    return false;
}

/** Depth first, properties in declaration order: a node, its own references, then its children. */
function walk(node: AstNode, nodes: AstNode[] | undefined, references: ReferenceInfo[] | undefined): void {
    nodes?.push(node);
    const properties = node as GenericAstNode;
    let hasChildren = false;
    for (const key in properties) {
        if (key.charCodeAt(0) === DOLLAR) continue;
        const value = properties[key];
        if (typeof value !== 'object' || value === null) continue;
        if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) {
                const item: unknown = value[index];
                if (typeof item !== 'object' || item === null) continue;
                if (isNodeObject(item)) hasChildren = true;
                else if (references && isReferenceObject(item)) references.push({ reference: item, container: node, property: key, index });
            }
        } else if (isNodeObject(value)) {
            hasChildren = true;
        } else if (references && isReferenceObject(value)) {
            references.push({ reference: value, container: node, property: key });
        }
    }
    if (!hasChildren) return;
    for (const key in properties) {
        if (key.charCodeAt(0) === DOLLAR) continue;
        const value = properties[key];
        if (typeof value !== 'object' || value === null) continue;
        if (Array.isArray(value)) {
            for (const item of value) {
                if (typeof item === 'object' && item !== null && isNodeObject(item)) walk(item, nodes, references);
            }
        } else if (isNodeObject(value)) {
            walk(value, nodes, references);
        }
    }
}
