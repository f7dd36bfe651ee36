/**
 * Incremental re-parse of an edited plan (issue #5, edit latency). When a new text differs from
 * the old one only inside ONE block (a declaration, after its keyword and before its closing
 * brace, or up to its last token for one without braces), only that block is parsed again (by
 * the fast parser's rule for it, adopt-fast-parser.ts) and the rest of the old tree is reused;
 * the result is what a full parse of the new text gives (tests/bench/incremental-parse.test.ts
 * compares them in full: syntax tree, concrete syntax tree, ranges, containers, key order). The
 * block is the smallest one around the change: a project (its clauses, name or title); else the
 * stage (a goal, a story, a launch, between projects, the stage's own name or title); else the
 * coalition (a member), a channel or an initiative. Edits elsewhere (the plan's header, between
 * top-level declarations, a declaration's keyword or closing brace) parse the whole text.
 *
 * Only a tree the fast parser built (no lexer or syntax errors; `markFastRoot`) is updated this
 * way; anything else answers undefined and the caller parses the whole text.
 *
 * The update makes a NEW root AST node and a NEW root CST node (with the new text), so anything
 * keyed by the old root (the scope provider's scopes per plan, the line table per CST root, the
 * parsed lists of reference-walk.ts) cannot serve stale answers. The old tree is taken apart: its
 * top-level children move to the new root, the edited block's node and composite node are
 * replaced in their container, the leaves after the edit move by the change in length, and the
 * composite nodes that may have moved forget their cached range.
 *
 * The linker and the validator take the new tree's node and reference lists from the parser
 * (`recordParsedLists`, reference-walk.ts) instead of walking it (about 20 ms at 10,000
 * projects). The first update of a tree lists them with one walk; the lists are kept with the
 * new root, and the next update splices them: the edited block's nodes and references (one
 * stretch of each list, in Langium's walk order) replaced by the new block's.
 */
import { isAstNode, isCompositeCstNode, type AstNode, type CompositeCstNode, type CstNode, type Mutable, type ReferenceInfo, type RootCstNode } from 'langium';
import { allNodes, allReferences, recordParsedLists } from '../scoping/reference-walk.js';
import { AdoptCompositeCstNode, AdoptLeafCstNode, childrenOf, lineBreaks } from './adopt-cst-nodes.js';
import type { ParseUnit } from './adopt-fast-parser.js';

/** The roots the fast parser built (or an incremental update made from one): the only ones updated incrementally. */
const fastRoots = new WeakSet<AstNode>();

export function markFastRoot(root: AstNode): void {
    fastRoots.add(root);
}

export function isFastRoot(root: AstNode): boolean {
    return fastRoots.has(root);
}

/** Parses `text[start, end)` as one block (FastPlanParser.parseUnit): a new root CST node of the whole text, the block's node. */
export type UnitParser = (unit: ParseUnit, text: string, start: number, end: number) => { root: RootCstNode; node: AstNode } | undefined;

/** Where two texts differ: `[start, oldEnd)` of the old text became `[start, newEnd)` of the new. */
export interface TextChange {
    readonly start: number;
    readonly oldEnd: number;
    readonly newEnd: number;
}

const CHUNK = 256;

/** The length of the longest common prefix (chunks compared first: the engine compares those fast). */
function commonPrefix(a: string, b: string): number {
    const limit = Math.min(a.length, b.length);
    let i = 0;
    while (i + CHUNK <= limit && a.substring(i, i + CHUNK) === b.substring(i, i + CHUNK)) i += CHUNK;
    while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++;
    return i;
}

/** The length of the longest common suffix of the two texts, at most `limit`. */
function commonSuffix(a: string, b: string, limit: number): number {
    let n = 0;
    while (n + CHUNK <= limit && a.substring(a.length - n - CHUNK, a.length - n) === b.substring(b.length - n - CHUNK, b.length - n)) n += CHUNK;
    while (n < limit && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
    return n;
}

/** The one stretch where the texts differ (prefix and suffix in common, not overlapping). */
export function textChange(oldText: string, newText: string): TextChange {
    const start = commonPrefix(oldText, newText);
    const suffix = commonSuffix(oldText, newText, Math.min(oldText.length, newText.length) - start);
    return { start, oldEnd: oldText.length - suffix, newEnd: newText.length - suffix };
}

type Properties = Record<string, unknown>;

/** The declaration that holds the whole change (after its keyword), and where its text ends in the old text. */
interface EditedBlock {
    readonly unit: ParseUnit;
    readonly node: AstNode;
    readonly end: number;
}

/**
 * The smallest declaration that holds `[start, end)` of the old text: a project, else its
 * stage; else a coalition, a channel or an initiative.
 */
function blockEnclosing(plan: AstNode, start: number, end: number): EditedBlock | undefined {
    const properties = plan as unknown as Properties;
    const stage = spanning(properties.stages, start, end);
    if (stage) {
        const project = spanning((stage as unknown as Properties).projects, start, end);
        return (project && blockAround('project', project, start, end)) ?? blockAround('stage', stage, start, end);
    }
    for (const [unit, property] of TOP_LEVEL) {
        const node = spanning(properties[property], start, end);
        if (node) return blockAround(unit, node, start, end);
    }
    return undefined;
}

/** The plan's other declarations that are re-parsed alone, and the plan's property that lists each. */
const TOP_LEVEL = [['coalition', 'coalitions'], ['channel', 'channels'], ['initiative', 'initiatives']] as const;

/** Declarations with braces: re-parsed for a change before their `}`; the others up to their last token. */
const BRACED: ReadonlySet<ParseUnit> = new Set<ParseUnit>(['project', 'stage', 'coalition']);

/** The node of a list (in text order) whose text spans `[start, end)`. */
function spanning(list: unknown, start: number, end: number): AstNode | undefined {
    if (!Array.isArray(list)) return undefined;
    const node = lastStartingAtOrBefore(list as AstNode[], start);
    return node?.$cstNode && end <= node.$cstNode.end ? node : undefined;
}

/** The last node (in a list in text order) whose text starts at or before an offset. */
function lastStartingAtOrBefore(nodes: readonly AstNode[], offset: number): AstNode | undefined {
    let low = 0;
    let high = nodes.length - 1;
    let found: AstNode | undefined;
    while (low <= high) {
        const middle = (low + high) >>> 1;
        const node = nodes[middle];
        if ((node.$cstNode?.offset ?? Number.POSITIVE_INFINITY) <= offset) {
            found = node;
            low = middle + 1;
        } else {
            high = middle - 1;
        }
    }
    return found;
}

/**
 * The declaration, if the stretch lies after its keyword and before its `}` (its name, title,
 * `after` and `{` included), or, for one without braces (a channel, an initiative), not after its
 * last token. Its rule starts at its keyword and ends at its `}` or at a token of its own
 * (nothing optional follows), so in a full parse it reads the same tokens as alone and gives the
 * same subtree; text typed after a last token makes the parse alone fail (a token or a comment
 * left over), and the whole text is parsed.
 */
function blockAround(unit: ParseUnit, node: AstNode, start: number, end: number): EditedBlock | undefined {
    const cst = node.$cstNode;
    if (!cst || !isCompositeCstNode(cst)) return undefined;
    // Comments before a declaration belong to its container: its own text starts with its keyword.
    const count = childrenOf(cst).length;
    const keyword = count > 0 ? childAt(cst, 0) : undefined;
    if (!keyword || keyword.hidden || isCompositeCstNode(keyword) || start < keyword.end) return undefined;
    if (!BRACED.has(unit)) return end <= cst.end ? { unit, node, end: cst.end } : undefined;
    const close = childAt(cst, count - 1);
    if (close.hidden || isCompositeCstNode(close) || close.text !== '}' || end > close.offset) return undefined;
    return { unit, node, end: close.end };
}

/** A composite node's child at an index (a leaf made if it was not yet: only the edited block's first and last). */
function childAt(node: CompositeCstNode, index: number): CstNode {
    return node instanceof AdoptCompositeCstNode ? node.childAt(index) : node.content[index];
}

/** An incremental update: the new tree's root, and the kind of block parsed again. */
export interface IncrementalUpdate {
    readonly root: AstNode;
    readonly unit: ParseUnit;
}

/**
 * The tree a full parse of `newText` gives, made from the old tree (which it takes apart) and
 * one block parsed again; undefined (the old tree untouched) when the change is not inside one
 * block, or the block's new text is not exactly one valid block of its kind.
 */
export function parseIncrementally(oldRoot: AstNode, newText: string, parseUnit: UnitParser): IncrementalUpdate | undefined {
    if (!isFastRoot(oldRoot)) return undefined;
    const oldCst = oldRoot.$cstNode as RootCstNode | undefined;
    if (!oldCst) return undefined;
    const oldText = oldCst.fullText;
    if (oldText === newText) return undefined;
    const change = textChange(oldText, newText);
    const edited = blockEnclosing(oldRoot, change.start, change.oldEnd);
    if (!edited) return undefined;
    const delta = newText.length - oldText.length;
    const oldNodeCst = edited.node.$cstNode!;
    const containerCst = edited.node.$container?.$cstNode as CompositeCstNode | undefined;
    const at = containerCst ? childrenOf(containerCst).lastIndexOf(oldNodeCst) : -1;
    if (at < 0) return undefined;
    const parsed = parseUnit(edited.unit, newText, oldNodeCst.offset, edited.end + delta);
    if (!parsed) return undefined;
    const plan = rebuildRoot(oldRoot, oldCst, parsed.root);
    replaceNode(edited.node, parsed.node, at);
    if (delta !== 0 || lineBreaks(oldText, change.start, change.oldEnd, 1) > 0 || lineBreaks(newText, change.start, change.newEnd, 1) > 0) {
        moveWhatFollows(parsed.node.$cstNode as CompositeCstNode, delta);
    }
    recordLists(oldRoot, plan, edited.node, parsed.node);
    // The old root lost its children: never update from it again.
    fastRoots.delete(oldRoot);
    markFastRoot(plan);
    return { root: plan, unit: edited.unit };
}

/**
 * A new plan node with the old one's properties in the same order (lists copied), and the new
 * root CST node with the old one's children; the top-level children move to both.
 */
function rebuildRoot(oldRoot: AstNode, oldCst: RootCstNode, newCst: RootCstNode): AstNode {
    const plan: Properties = {};
    for (const [key, value] of Object.entries(oldRoot)) {
        if (key === '$document') continue; // the document factory sets it on the new root
        plan[key] = Array.isArray(value) ? value.slice() : value;
    }
    plan.$cstNode = newCst;
    const node = plan as unknown as AstNode;
    for (const [key, value] of Object.entries(plan)) {
        if (key.startsWith('$')) continue;
        const children: unknown[] = Array.isArray(value) ? value : [value];
        for (const child of children) {
            if (isAstNode(child)) (child as Mutable<AstNode>).$container = node;
        }
    }
    const cst = newCst as Mutable<RootCstNode> & { _astNode?: AstNode };
    cst.grammarSource = oldCst.grammarSource;
    // The temporary parse left the block's composite in the new root: it goes to its container.
    const content = oldCst.content.slice();
    for (const child of content) (child as Mutable<CstNode>).container = newCst;
    (cst as unknown as { content: CstNode[] }).content = content;
    cst.astNode = node;
    return node;
}

/**
 * The new block takes the old one's place in its container's list and in the container's
 * composite node (at `at`). A stage's or coalition's container is the new root by now
 * (`rebuildRoot` moved the old root's children to it).
 */
function replaceNode(oldNode: AstNode, newNode: AstNode, at: number): void {
    const container = oldNode.$container!;
    const property = oldNode.$containerProperty!;
    const index = oldNode.$containerIndex!;
    ((container as unknown as Properties)[property] as AstNode[])[index] = newNode;
    const mutable = newNode as Mutable<AstNode>;
    mutable.$container = container;
    mutable.$containerProperty = property;
    mutable.$containerIndex = index;
    const containerCst = container.$cstNode as CompositeCstNode;
    const newCst = newNode.$cstNode as Mutable<CstNode>;
    if (containerCst instanceof AdoptCompositeCstNode) {
        containerCst.replace(at, newCst);
    } else {
        (containerCst.content as CstNode[])[at] = newCst;
        newCst.container = containerCst;
    }
}

/**
 * Moves every leaf after the block by `delta` (leaves not made yet too) and makes every
 * composite node that may have moved and keeps its range (Langium's; the block's ancestors and
 * everything after it) forget it.
 */
function moveWhatFollows(block: CompositeCstNode, delta: number): void {
    let child: CstNode = block;
    let parent = block.container;
    while (parent) {
        moveChildren(parent, childrenOf(parent).lastIndexOf(child) + 1, delta);
        child = parent;
        parent = parent.container;
    }
}

/** Moves a composite node's children from `from` on. */
function moveChildren(node: CompositeCstNode, from: number, delta: number): void {
    if (node instanceof AdoptCompositeCstNode) {
        node.moveLeaves(delta, from);
        for (const child of node.nodesFrom(from)) move(child, delta);
        return;
    }
    (node as unknown as { _rangeCache: unknown })._rangeCache = undefined;
    const content = node.content;
    for (let i = from; i < content.length; i++) move(content[i], delta);
}

function move(node: CstNode, delta: number): void {
    if (node instanceof AdoptLeafCstNode) {
        (node as Mutable<AdoptLeafCstNode>).offset = node.offset + delta;
    } else if (node instanceof AdoptCompositeCstNode || isCompositeCstNode(node)) {
        moveChildren(node, 0, delta);
    } else {
        throw new Error('incremental parse: a leaf that is not an AdoptLeafCstNode');
    }
}

/** The node and reference lists of the trees made by an update (as `allNodes` and `allReferences` list them). */
interface WalkLists {
    readonly nodes: AstNode[];
    readonly references: ReferenceInfo[];
}

const keptLists = new WeakMap<AstNode, WalkLists>();

/** How many updates spliced the lists of the tree before (the others walked the new tree). */
export const listUpdates = { spliced: 0, walked: 0 };

/** Records the new tree's lists for the linker and the validator, and keeps them for the next update. */
function recordLists(oldRoot: AstNode, newRoot: AstNode, oldBlock: AstNode, newBlock: AstNode): void {
    const old = keptLists.get(oldRoot);
    keptLists.delete(oldRoot);
    let lists = old && splicedLists(old, oldRoot, newRoot, oldBlock, newBlock);
    if (lists) {
        listUpdates.spliced++;
    } else {
        lists = { nodes: allNodes(newRoot), references: allReferences(newRoot) };
        listUpdates.walked++;
    }
    recordParsedLists(newRoot, lists.nodes, lists.references);
    keptLists.set(newRoot, lists);
}

/**
 * The old lists with the old block's stretch replaced by the new block's (a subtree is one
 * stretch of the walk, its references too). When the old block had no reference, nothing in the
 * list says where the new block's go: the references stay if it has none either (a coalition),
 * else undefined (walk the tree).
 */
function splicedLists(old: WalkLists, oldRoot: AstNode, newRoot: AstNode, oldBlock: AstNode, newBlock: AstNode): WalkLists | undefined {
    // The root is the first node; its own references (a plan has none) would come right after it.
    if (old.nodes[0] !== oldRoot || old.references[0]?.container === oldRoot) return undefined;
    const nodeAt = old.nodes.indexOf(oldBlock);
    if (nodeAt < 0) return undefined;
    const oldReferences = allReferences(oldBlock);
    const newReferences = allReferences(newBlock);
    let references: ReferenceInfo[];
    if (oldReferences.length === 0) {
        if (newReferences.length > 0) return undefined;
        references = old.references.slice();
    } else {
        const first = oldReferences[0].reference;
        let referenceAt = -1;
        for (let i = 0; i < old.references.length; i++) {
            if (old.references[i].reference === first) {
                referenceAt = i;
                break;
            }
        }
        if (referenceAt < 0) return undefined;
        references = spliced(old.references, referenceAt, oldReferences.length, newReferences);
    }
    const nodes = spliced(old.nodes, nodeAt, allNodes(oldBlock).length, allNodes(newBlock));
    nodes[0] = newRoot;
    return { nodes, references };
}

/** A new list: `list` with `count` items from `at` replaced by `items`. */
function spliced<T>(list: readonly T[], at: number, count: number, items: readonly T[]): T[] {
    const result = new Array<T>(list.length - count + items.length);
    let n = 0;
    for (let i = 0; i < at; i++) result[n++] = list[i];
    for (const item of items) result[n++] = item;
    for (let i = at + count; i < list.length; i++) result[n++] = list[i];
    return result;
}
