/**
 * Incremental re-parse of an edited plan. When a new text differs from the old one only inside
 * one declaration (after its keyword, up to its end), only that declaration is parsed again and
 * the rest of the old tree is reused; the result is what a full parse of the new text gives
 * (tests/language/fast-build/incremental-parse.test.ts compares them in full: syntax tree,
 * concrete syntax tree, ranges, containers, key order).
 *
 * Which declarations can be re-parsed alone comes from the grammar (grammar-analysis.ts: a rule
 * that starts with its own keyword and is gathered into a list, such as a project, a stage, a
 * member or a channel). The smallest one around the change is tried first, then the ones around
 * it: an edit that turns one project into two fails as a project and succeeds as its stage.
 * Edits elsewhere (the plan's header, between top-level declarations, a declaration's keyword)
 * parse the whole text.
 *
 * Only a tree the fast parser built, or an update made, is updated this way (`TreeState.updatable`).
 * The update makes a NEW root AST node and a NEW root CST node (with the new text and a new tree
 * state), so anything keyed by the old root (the scope provider's scopes per plan, caches per
 * document version) cannot serve stale answers. The old tree is taken apart: its top-level
 * children move to the new root, the edited declaration's node and composite node are replaced in
 * their container, the leaves after the edit move by the change in length.
 *
 * The linker and the validator take the new tree's node and reference lists from its state
 * instead of walking it. The first update of a tree lists them with one walk; the lists are kept
 * with the new tree, and the next update splices them: the edited declaration's nodes and
 * references (one stretch of each list, in walk order) replaced by the new one's.
 */
import { isAstNode, isCompositeCstNode, type AstNode, type CompositeCstNode, type CstNode, type GenericAstNode, type Mutable, type RootCstNode } from 'langium';
import type { FastCstNodeBuilder } from './cst-builder.js';
import type { FastParser } from './fast-parser.js';
import type { ParseUnit } from './grammar-analysis.js';
import { lineBreaks } from '../parser/text-lines.js';
import { AdoptCompositeCstNode, AdoptLeafCstNode, FastRootCstNode, childrenOf } from './lazy-cst.js';
import type { WalkLists } from './tree-state.js';
import { allNodes, allReferences, hasOwnReferences } from './tree-walk.js';

/** Where two texts differ: `[start, oldEnd)` of the old text became `[start, newEnd)` of the new. */
export interface TextChange {
    readonly start: number;
    readonly oldEnd: number;
    readonly newEnd: number;
}

/** The smallest and the largest stretch compared at once when looking for where two texts differ. */
const SMALLEST_CHUNK = 64;
const LARGEST_CHUNK = 1 << 16;

/**
 * The length of the longest common prefix. Stretches are compared first (the engine compares those
 * fast), each twice as long as the one before while they match, and halved once one does not:
 * a 2 MB text changed in the middle takes about 40 comparisons instead of 8,000 of 256 characters.
 */
function commonPrefix(a: string, b: string): number {
    const limit = Math.min(a.length, b.length);
    let i = 0;
    let chunk = SMALLEST_CHUNK;
    while (chunk >= SMALLEST_CHUNK) {
        if (i + chunk <= limit && a.substring(i, i + chunk) === b.substring(i, i + chunk)) {
            i += chunk;
            if (chunk < LARGEST_CHUNK) chunk *= 2;
        } else {
            chunk >>= 1;
        }
    }
    while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++;
    return i;
}

/** The length of the longest common suffix of the two texts, at most `limit` (stretches as in commonPrefix). */
function commonSuffix(a: string, b: string, limit: number): number {
    let n = 0;
    let chunk = SMALLEST_CHUNK;
    while (chunk >= SMALLEST_CHUNK) {
        if (n + chunk <= limit && a.substring(a.length - n - chunk, a.length - n) === b.substring(b.length - n - chunk, b.length - n)) {
            n += chunk;
            if (chunk < LARGEST_CHUNK) chunk *= 2;
        } else {
            chunk >>= 1;
        }
    }
    while (n < limit && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
    return n;
}

/**
 * The one stretch where the texts differ (prefix and suffix in common, not overlapping).
 *
 * The editor's document makes the new text of a change of three pieces (the text before the
 * change, the text typed, the text after it), which the engine copies into one string when it is
 * first read. That copy (2 MB for a plan of 10,000 projects) is made once per version whoever reads
 * first: if the parse did not, the document would on the next change, to cut the text there. It
 * is counted in commonPrefix's time; the comparisons themselves read a few stretches.
 */
export function textChange(oldText: string, newText: string): TextChange {
    const start = commonPrefix(oldText, newText);
    const suffix = commonSuffix(oldText, newText, Math.min(oldText.length, newText.length) - start);
    return { start, oldEnd: oldText.length - suffix, newEnd: newText.length - suffix };
}

/** A declaration around a change: its unit and its node in the old tree. */
interface EditedDeclaration {
    readonly unit: ParseUnit;
    readonly node: AstNode;
}

/** An incremental update: the new tree's root, the rule of the declaration parsed again, and whether the old tree's lists were spliced (else walked). */
export interface IncrementalUpdate {
    readonly root: AstNode;
    readonly unit: string;
    readonly spliced: boolean;
}

/**
 * The tree a full parse of `newText` gives, made from the old tree (which it takes apart) and
 * one declaration parsed again; undefined (the old tree untouched) when the change is not inside
 * a declaration, or no declaration around it parses alone.
 */
export function parseIncrementally(oldRoot: AstNode, newText: string, parser: FastParser, builder: FastCstNodeBuilder): IncrementalUpdate | undefined {
    const oldCst = oldRoot.$cstNode;
    if (!(oldCst instanceof FastRootCstNode) || !oldCst.tree.updatable) return undefined;
    const oldText = oldCst.fullText;
    if (oldText === newText) return undefined;
    const change = textChange(oldText, newText);
    const delta = newText.length - oldText.length;
    for (const edited of declarationsAround(oldRoot, change, unitsByContainer(parser))) {
        const oldNodeCst = edited.node.$cstNode!;
        const containerCst = edited.node.$container?.$cstNode as CompositeCstNode | undefined;
        const at = containerCst ? childrenOf(containerCst).lastIndexOf(oldNodeCst) : -1;
        if (at < 0) continue;
        const parsed = parser.parseUnit(edited.unit, newText, oldNodeCst.offset, oldNodeCst.end + delta, builder);
        if (!parsed) continue;
        const oldSpine = spineTo(oldRoot, edited.node);
        const spine = rebuildSpine(oldRoot, oldCst, parsed.root, oldSpine);
        const root = spine[0];
        replaceNode(edited.node, parsed.node, at);
        if (delta !== 0 || lineBreaks(oldText, change.start, change.oldEnd, 1) > 0 || lineBreaks(newText, change.start, change.newEnd, 1) > 0) {
            moveWhatFollows(parsed.node.$cstNode as CompositeCstNode, delta);
        }
        const state = (parsed.root as FastRootCstNode).tree;
        state.builtBy = 'fast';
        const spliced = recordLists(oldCst.tree.keptLists, oldSpine, spine, edited.node, parsed.node, state);
        // The old tree lost its children, and its lists (spliced in place): never update from it again.
        oldCst.tree.updatable = false;
        oldCst.tree.keptLists = undefined;
        oldCst.tree.nodes = oldCst.tree.parsedReferences = oldCst.tree.linkedReferences = undefined;
        state.updatable = true;
        state.takeLineStartsFrom(oldCst.tree, change.start, change.oldEnd, change.newEnd);
        state.edit = { from: oldCst.tree.identity, declaration: parsed.node, replaced: edited.node, start: change.start, oldEnd: change.oldEnd, newEnd: change.newEnd, removed: oldText.slice(change.start, change.oldEnd) };
        return { root, unit: edited.unit.rule.name, spliced };
    }
    return undefined;
}

/** The units each node type gathers, by the type's name. */
function unitsByContainer(parser: FastParser): Map<string, ParseUnit[]> {
    const byContainer = new Map<string, ParseUnit[]>();
    for (const unit of parser.units) {
        const units = byContainer.get(unit.containerType) ?? [];
        units.push(unit);
        byContainer.set(unit.containerType, units);
    }
    return byContainer;
}

/**
 * The declarations whose text holds the change after their keyword (up to their last
 * character), the smallest first. Each one's rule starts at its keyword and, in a valid text,
 * cannot take in what follows it (the grammar is LL(1)): parsed alone over its new text it reads
 * what a full parse reads there, and gives the same subtree; text typed after it makes the parse
 * alone fail (a token or a comment left over), and the next one out is tried.
 */
function declarationsAround(root: AstNode, change: TextChange, units: ReadonlyMap<string, ParseUnit[]>): EditedDeclaration[] {
    const found: EditedDeclaration[] = [];
    let container: AstNode | undefined = root;
    while (container) {
        let next: EditedDeclaration | undefined;
        for (const unit of units.get(container.$type) ?? []) {
            const node = spanning((container as GenericAstNode)[unit.property], change.start, change.oldEnd);
            if (node && startsBefore(node, change.start)) {
                next = { unit, node };
                break;
            }
        }
        if (next) found.push(next);
        // Above the first declaration, the node that holds the change alone (the file's plan or
        // shared block) is gone through: its lists hold the declarations.
        container = next?.node ?? (found.length === 0 ? childSpanning(container, change) : undefined);
    }
    return found.reverse();
}

/** The child of `node` held by a property of one node (not a list) whose text spans the change. */
function childSpanning(node: AstNode, change: TextChange): AstNode | undefined {
    for (const [key, value] of Object.entries(node)) {
        if (key.startsWith('$') || !isAstNode(value)) continue;
        const cst = value.$cstNode;
        if (cst && cst.offset <= change.start && change.oldEnd <= cst.end) return value;
    }
    return undefined;
}

/**
 * The root and the nodes between it and the edited declaration's container that hold it alone
 * (the file's plan), outermost first: each is made anew by an update, so that what is kept by
 * the old node (the scopes of a plan) cannot serve stale answers.
 */
function spineTo(root: AstNode, declaration: AstNode): AstNode[] {
    const path: AstNode[] = [];
    for (let node = declaration.$container; node; node = node.$container) path.unshift(node);
    const spine: AstNode[] = [];
    for (const node of path) {
        if (node !== root && Array.isArray((node.$container as GenericAstNode)[node.$containerProperty!])) break;
        spine.push(node);
    }
    return spine;
}

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

/** Whether the declaration's keyword (its first child: comments before it belong to its container) ends at or before `start`. */
function startsBefore(node: AstNode, start: number): boolean {
    const cst = node.$cstNode;
    if (!cst || !isCompositeCstNode(cst) || childrenOf(cst).length === 0) return false;
    const keyword = cst instanceof AdoptCompositeCstNode ? cst.childAt(0) : cst.content[0];
    return !keyword.hidden && !isCompositeCstNode(keyword) && keyword.end <= start;
}

/**
 * A new root node with the old one's properties in the same order (lists copied), and the new
 * root CST node with the old one's children; the top-level children move to both. The other
 * nodes of the spine (`spineTo`) are copied as the root is, each keeping its composite node,
 * which now stands for the copy. Returns the new spine.
 */
function rebuildSpine(oldRoot: AstNode, oldCst: RootCstNode, newCst: RootCstNode, oldSpine: readonly AstNode[]): AstNode[] {
    const root = copyNode(oldRoot, newCst);
    const spine = [root];
    for (let i = 1; i < oldSpine.length; i++) {
        const old = oldSpine[i];
        const copy = copyNode(old, old.$cstNode!) as Mutable<AstNode>;
        copy.$container = spine[i - 1];
        ((spine[i - 1] as GenericAstNode)[old.$containerProperty!] as unknown) = copy;
        (old.$cstNode as Mutable<CstNode>).astNode = copy;
        spine.push(copy);
    }
    const cst = newCst as Mutable<RootCstNode>;
    cst.grammarSource = oldCst.grammarSource;
    // The parse alone left the declaration's composite node in the new root: it goes to its container.
    const content = oldCst.content.slice();
    for (const child of content) (child as Mutable<CstNode>).container = newCst;
    (cst as Mutable<CompositeCstNode>).content = content;
    cst.astNode = root;
    return spine;
}

/** A new node with the old one's properties in the same order (lists copied), its children moved to it. */
function copyNode(old: AstNode, cst: CstNode): AstNode {
    const copy: Mutable<GenericAstNode> = { $type: old.$type };
    for (const [key, value] of Object.entries(old)) {
        if (key === '$document') continue; // the document factory sets it on the new root
        copy[key] = Array.isArray(value) ? value.slice() : value;
    }
    copy.$cstNode = cst;
    const node: AstNode = copy;
    for (const [key, value] of Object.entries(copy)) {
        if (key.startsWith('$')) continue;
        const children: unknown[] = Array.isArray(value) ? value : [value];
        for (const child of children) {
            if (isAstNode(child)) (child as Mutable<AstNode>).$container = node;
        }
    }
    return node;
}

/**
 * The new declaration takes the old one's place in its container's list and in the container's
 * composite node (at `at`). A top-level declaration's container is the new root by now
 * (`rebuildRoot` moved the old root's children to it).
 */
function replaceNode(oldNode: AstNode, newNode: AstNode, at: number): void {
    const container = oldNode.$container!;
    const property = oldNode.$containerProperty!;
    const index = oldNode.$containerIndex!;
    ((container as GenericAstNode)[property] as AstNode[])[index] = newNode;
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

/** Moves every leaf after the declaration by `delta` (leaves not made yet too). */
function moveWhatFollows(block: CompositeCstNode, delta: number): void {
    let child: CstNode = block;
    let parent = block.container;
    while (parent) {
        moveChildren(parent, childrenOf(parent).lastIndexOf(child) + 1, delta);
        child = parent;
        parent = parent.container;
    }
}

/** Moves a composite node's children from `from` on (the root's are in an array: Langium's root node). */
function moveChildren(node: CompositeCstNode, from: number, delta: number): void {
    if (node instanceof AdoptCompositeCstNode) {
        node.move(delta, from);
        return;
    }
    const content = node.content;
    for (let i = from; i < content.length; i++) {
        const child = content[i];
        if (child instanceof AdoptLeafCstNode) (child as Mutable<AdoptLeafCstNode>).offset = child.offset + delta;
        else if (child instanceof AdoptCompositeCstNode) child.move(delta);
        else throw new Error('incremental parse: a node that is not the fast build\'s');
    }
}

/**
 * Records the new tree's lists in its state, for the linker and the validator, and keeps them for
 * the next update; whether the old lists were spliced (else the new tree was walked).
 */
function recordLists(old: WalkLists | undefined, oldSpine: readonly AstNode[], newSpine: readonly AstNode[], oldBlock: AstNode, newBlock: AstNode, state: FastRootCstNode['tree']): boolean {
    const spliced = old && splicedLists(old, oldSpine, newSpine, oldBlock, newBlock);
    const lists = spliced ?? { nodes: allNodes(newSpine[0]), references: allReferences(newSpine[0]) };
    state.nodes = lists.nodes;
    state.parsedReferences = lists.references;
    state.keptLists = lists;
    return spliced !== undefined;
}

/**
 * The old lists with the old declaration's stretch replaced by the new one's (a subtree is one
 * stretch of the walk, its references too). When the old declaration had no reference, nothing in
 * the list says where the new one's go: the references stay if it has none either, else
 * undefined (walk the tree).
 *
 * The lists are changed in place: they go with the old tree's nodes to the new tree, as its
 * children do (a copy of the 150,000 nodes of a plan of 10,000 projects, and of its references,
 * would be made on every edit). Nothing is changed before they are known to splice.
 */
function splicedLists(old: WalkLists, oldSpine: readonly AstNode[], newSpine: readonly AstNode[], oldBlock: AstNode, newBlock: AstNode): WalkLists | undefined {
    // The root is the first node. The spine's nodes are made anew: a reference of their own would
    // name the old ones.
    if (old.nodes[0] !== oldSpine[0] || oldSpine.some(hasOwnReferences)) return undefined;
    const spineAt = oldSpine.map(node => old.nodes.indexOf(node));
    if (spineAt.some(at => at < 0)) return undefined;
    const nodeAt = old.nodes.indexOf(oldBlock);
    if (nodeAt < 0) return undefined;
    const oldReferences = allReferences(oldBlock);
    const newReferences = allReferences(newBlock);
    let referenceAt = -1;
    if (oldReferences.length === 0) {
        if (newReferences.length > 0) return undefined;
    } else {
        const first = oldReferences[0].reference;
        for (let i = 0; i < old.references.length; i++) {
            if (old.references[i].reference === first) {
                referenceAt = i;
                break;
            }
        }
        if (referenceAt < 0) return undefined;
    }
    const nodes = spliceInPlace(old.nodes, nodeAt, allNodes(oldBlock).length, allNodes(newBlock));
    const references = referenceAt < 0 ? old.references : spliceInPlace(old.references, referenceAt, oldReferences.length, newReferences);
    // The spine comes before the declaration in the walk: at the same places in the new list.
    spineAt.forEach((at, i) => (nodes[at] = newSpine[i]));
    return { nodes, references };
}

/** The most items put in a list at once by one call of `splice` (engines limit the count of a call's arguments). */
const SPREAD_LIMIT = 1000;

/**
 * `list` with `count` items from `at` replaced by `items`: the same list, changed (the items after
 * the stretch move when the count changes); a new one when there are too many items to spread.
 */
function spliceInPlace<T>(list: T[], at: number, count: number, items: readonly T[]): T[] {
    if (items.length === count) {
        for (let i = 0; i < count; i++) list[at + i] = items[i];
        return list;
    }
    if (items.length <= SPREAD_LIMIT) {
        list.splice(at, count, ...items);
        return list;
    }
    return list.slice(0, at).concat(items, list.slice(at + count));
}
