/**
 * A fast walk over a syntax tree, for the build phases that visit every node or every reference
 * of a plan of tens of thousands of projects. It visits exactly what Langium's `streamAst` and
 * `streamReferences` visit, in the same order (depth first, properties in declaration order), but
 * with plain loops instead of a stream of iterator objects per node.
 *
 * The parser (parser/adopt-parser.ts) links each new tree's nodes to their containers with
 * `linkContainersAndList`, which lists the same nodes and references in the same walk; the linker
 * and the validator take those lists (`takeParsedReferences`, `takeParsedNodes`) instead of
 * walking the tree again, and walk it themselves when a tree is linked or validated once more.
 */
import type { AstNode, MultiReference, Reference, ReferenceInfo } from 'langium';

type Properties = Record<string, unknown>;

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
    walk(root, { nodes, linkContainers: false });
    return nodes;
}

/**
 * Every reference of the tree with its container, property and (in a list) index, in the order of
 * Langium's `streamAst` followed by `streamReferences` on each node.
 */
export function allReferences(root: AstNode): ReferenceInfo[] {
    const references: ReferenceInfo[] = [];
    walk(root, { references, linkContainers: false });
    return references;
}

/** The lists made while linking a new tree's containers, until the linker and the validator take them. */
const parsedNodes = new WeakMap<AstNode, AstNode[]>();
const parsedReferences = new WeakMap<AstNode, ReferenceInfo[]>();

/**
 * Langium's `linkContentToContainer(root, { deep: true })`: sets `$container`, `$containerProperty`
 * and (in a list) `$containerIndex` on every node below the root, properties in the same order.
 * Lists on the way what `allNodes` and `allReferences` would list, for `takeParsedNodes` and
 * `takeParsedReferences`.
 */
export function linkContainersAndList(root: AstNode): void {
    const nodes: AstNode[] = [];
    const references: ReferenceInfo[] = [];
    walk(root, { nodes, references, linkContainers: true });
    parsedNodes.set(root, nodes);
    parsedReferences.set(root, references);
}

/**
 * Records the lists a parser made itself, in the order `linkContainersAndList` lists them, for
 * a tree whose containers it linked itself (the fast parser, parser/adopt-fast-parser.ts).
 */
export function recordParsedLists(root: AstNode, nodes: AstNode[], references: ReferenceInfo[]): void {
    parsedNodes.set(root, nodes);
    parsedReferences.set(root, references);
}

/** What one walk collects, and whether it links each child to its container on the way. */
interface Walk {
    readonly nodes?: AstNode[];
    readonly references?: ReferenceInfo[];
    readonly linkContainers: boolean;
}

type MutableNode = { -readonly [K in keyof AstNode]: AstNode[K] };

/** Depth first, properties in declaration order: a node, its own references, then its children. */
function walk(node: AstNode, into: Walk): void {
    into.nodes?.push(node);
    const properties = node as unknown as Properties;
    let hasChildren = false;
    for (const key in properties) {
        if (key.charCodeAt(0) === DOLLAR) continue;
        const value = properties[key];
        if (typeof value !== 'object' || value === null) continue;
        if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) {
                const item: unknown = value[index];
                if (typeof item !== 'object' || item === null) continue;
                if (isNodeObject(item)) {
                    if (into.linkContainers) linkToContainer(item, node, key, index);
                    hasChildren = true;
                } else if (into.references && isReferenceObject(item)) {
                    into.references.push({ reference: item, container: node, property: key, index });
                }
            }
        } else if (isNodeObject(value)) {
            if (into.linkContainers) linkToContainer(value, node, key, undefined);
            hasChildren = true;
        } else if (into.references && isReferenceObject(value)) {
            into.references.push({ reference: value, container: node, property: key });
        }
    }
    if (!hasChildren) return;
    for (const key in properties) {
        if (key.charCodeAt(0) === DOLLAR) continue;
        const value = properties[key];
        if (typeof value !== 'object' || value === null) continue;
        if (Array.isArray(value)) {
            for (const item of value) {
                if (typeof item === 'object' && item !== null && isNodeObject(item)) walk(item, into);
            }
        } else if (isNodeObject(value)) {
            walk(value, into);
        }
    }
}

function linkToContainer(child: AstNode, container: AstNode, property: string, index: number | undefined): void {
    const mutable = child as MutableNode;
    mutable.$container = container;
    mutable.$containerProperty = property;
    if (index !== undefined) mutable.$containerIndex = index;
}

const nodeLists = new WeakMap<AstNode, readonly AstNode[]>();

/**
 * Every node of the tree, in the order of `allNodes`, listed once per tree and kept with it: the
 * validator, semantic tokens and folding (after every change) read the same list. A tree is never
 * changed after parsing; a new text gets a new root.
 */
export function nodesOf(root: AstNode): readonly AstNode[] {
    let nodes = nodeLists.get(root);
    if (!nodes) {
        nodes = takeParsedNodes(root) ?? allNodes(root);
        nodeLists.set(root, nodes);
    }
    return nodes;
}

/** The nodes listed when the tree was parsed (as `allNodes` lists them), once; undefined afterwards. */
export function takeParsedNodes(root: AstNode): AstNode[] | undefined {
    const nodes = parsedNodes.get(root);
    parsedNodes.delete(root);
    return nodes;
}

/** The references listed when the tree was parsed (as `allReferences` lists them), once; undefined afterwards. */
export function takeParsedReferences(root: AstNode): ReferenceInfo[] | undefined {
    const references = parsedReferences.get(root);
    parsedReferences.delete(root);
    return references;
}
