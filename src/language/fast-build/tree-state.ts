/**
 * The state of one syntax tree of the fast build, kept by its root CST node (FastRootCstNode,
 * lazy-cst.ts): one object per parse, gone with the tree. A changed text gets a new tree, so a
 * state never has to be invalidated; an incremental update (incremental-parse.ts) makes a new
 * root and a new state, and marks the old one as taken apart.
 *
 * The build phases hand each other what they listed through it, instead of walking the tree
 * again: the parser lists the nodes and references as it builds them; the linker takes the
 * references; the reference index takes what the linker walked. Lists that only serve the next
 * phase are taken (dropped once read), so they do not outlive the build.
 */
import type { AstNode, ReferenceInfo } from 'langium';
import type { ParserName } from '../parser/syntax-facts.js';
import { lineStartsOf } from '../parser/text-lines.js';
import { allNodes } from './tree-walk.js';
import type { LeafMaker } from './lazy-cst.js';

/** A tree's nodes and references in walk order (tree-walk.ts). */
export interface WalkLists {
    readonly nodes: AstNode[];
    readonly references: ReferenceInfo[];
}

/**
 * How an incremental update made a tree from the one before: the old tree's identity, the declaration parsed
 * again (a new node; every other declaration is the old tree's) and the old tree's node it
 * replaced, and the change of text, the old text `[start, oldEnd)` having become the new text's
 * `[start, newEnd)`, with the old text's part.
 */
export interface TreeEdit {
    readonly from: object;
    readonly declaration: AstNode;
    readonly replaced: AstNode;
    readonly start: number;
    readonly oldEnd: number;
    readonly newEnd: number;
    readonly removed: string;
}

export class TreeState {
    /** This tree, for what is kept about it without keeping it (the validator's results, by a weak map). */
    readonly identity: object = {};
    /** Which parser built the tree (set by the parser once it is built; `fast` for an incremental update of its tree too). */
    builtBy: ParserName = 'langium';
    /** Whether an incremental update may take this tree apart to make the next one (fast trees not yet taken apart). */
    updatable = false;
    /** Every node, in walk order, once listed (by the parser, or by a walk when first asked for). */
    nodes: AstNode[] | undefined;
    /** The references the parser listed, until the linker takes them. */
    parsedReferences: ReferenceInfo[] | undefined;
    /** The references the linker walked, until the reference index takes them. */
    linkedReferences: ReferenceInfo[] | undefined;
    /** For a tree made by an incremental update: its lists, kept for the next update to splice. */
    keptLists: WalkLists | undefined;
    /** For a tree made by an incremental update: how (kept until the validator has used it; the linker reads it before). */
    edit: TreeEdit | undefined;
    private lineStartTable: Uint32Array | undefined;

    /**
     * @param text the text the tree was parsed from
     * @param maker makes the leaves that the fast parser left as numbers (undefined: there are none)
     */
    constructor(readonly text: string, readonly maker: LeafMaker | undefined) { }

    /** The offset at which each line of the text starts, made when first asked for. */
    get lineStarts(): Uint32Array {
        return (this.lineStartTable ??= lineStartsOf(this.text));
    }

    /**
     * For a tree made by an edit of the tree of `before`: this text's line starts from the old
     * text's, if those were made, instead of a search of the whole text when first asked for (a
     * 2 MB plan has 72,000 lines). The lines before the change keep their starts, those after it
     * move by the change in length, and the changed stretch is searched. With a carriage return
     * in or beside the change (a line end of two characters could be cut in two) the starts are
     * left to be searched in full.
     */
    takeLineStartsFrom(before: TreeState, start: number, oldEnd: number, newEnd: number): void {
        const old = before.lineStartTable;
        const text = this.text;
        if (!old || before.text.slice(Math.max(0, start - 1), oldEnd + 1).includes('\r') || text.slice(Math.max(0, start - 1), newEnd + 1).includes('\r')) return;
        // Line starts at or before `start` follow a line feed before the change: kept.
        const kept = firstAbove(old, start);
        // Those after the old stretch follow a line feed after it: moved.
        const movedFrom = firstAbove(old, oldEnd);
        const added: number[] = [];
        for (let i = text.indexOf('\n', start); i >= 0 && i < newEnd; i = text.indexOf('\n', i + 1)) added.push(i + 1);
        const table = new Uint32Array(kept + added.length + old.length - movedFrom);
        table.set(old.subarray(0, kept));
        table.set(added, kept);
        const delta = newEnd - oldEnd;
        for (let i = movedFrom, at = kept + added.length; i < old.length; i++, at++) table[at] = old[i] + delta;
        this.lineStartTable = table;
    }

    /** Takes (reads once) the references the parser listed. */
    takeParsedReferences(): ReferenceInfo[] | undefined {
        const references = this.parsedReferences;
        this.parsedReferences = undefined;
        return references;
    }

    /** Takes (reads once) the references the linker walked. */
    takeLinkedReferences(): ReferenceInfo[] | undefined {
        const references = this.linkedReferences;
        this.linkedReferences = undefined;
        return references;
    }
}

/** The index of the first entry of the ascending `table` above `offset` (the table's length if none). */
function firstAbove(table: Uint32Array, offset: number): number {
    let low = 0;
    let high = table.length;
    while (low < high) {
        const middle = (low + high) >>> 1;
        if (table[middle] <= offset) low = middle + 1;
        else high = middle;
    }
    return low;
}

/**
 * What an edit can have changed, for what is kept from the version before (kept-diagnostics.ts,
 * kept-analysis.ts, linking.ts):
 * - `oldNodes`, `newNodes`: the old declaration's nodes and the new one's, in walk order;
 * - `changed`: the nodes made anew (the declaration parsed again, what it holds, and what holds it);
 * - `touchedTypes`: the types of node the edit touched (of the old declaration's nodes and the new
 *   one's: a kind of node the edit removed counts as much as one it added);
 * - `touchedProperties`: finer, what differs between the old declaration and the new one, as
 *   `Type.property` and `Type` for each property of a node of that type whose value differs (a
 *   reference by its text, a list by its items). When the two differ in shape (not the same types
 *   of node in walk order) every property of every type in either counts (`Type.*` and `Type`).
 */
export interface EditReach {
    readonly oldNodes: readonly AstNode[];
    readonly newNodes: readonly AstNode[];
    readonly changed: ReadonlySet<AstNode>;
    readonly touchedTypes: ReadonlySet<string>;
    readonly touchedProperties: ReadonlySet<string>;
}

const reaches = new WeakMap<TreeEdit, EditReach>();

export function reachOf(edit: TreeEdit): EditReach {
    let reach = reaches.get(edit);
    if (reach) return reach;
    const changed = new Set<AstNode>();
    const touchedTypes = new Set<string>();
    const fresh = allNodes(edit.declaration);
    const old = allNodes(edit.replaced);
    for (const node of fresh) {
        changed.add(node);
        touchedTypes.add(node.$type);
    }
    for (const node of old) touchedTypes.add(node.$type);
    for (let node = edit.declaration.$container; node; node = node.$container) changed.add(node);
    reach = { oldNodes: old, newNodes: fresh, changed, touchedTypes, touchedProperties: differences(old, fresh, touchedTypes) };
    reaches.set(edit, reach);
    return reach;
}

/** The properties that differ between two lists of nodes in walk order (EditReach.touchedProperties). */
function differences(old: readonly AstNode[], fresh: readonly AstNode[], types: ReadonlySet<string>): Set<string> {
    const touched = new Set<string>();
    const sameShape = old.length === fresh.length && old.every((node, i) => node.$type === fresh[i].$type);
    if (!sameShape) {
        for (const type of types) touched.add(type).add(`${type}.*`);
        return touched;
    }
    for (let i = 0; i < old.length; i++) {
        const a = old[i] as unknown as Record<string, unknown>; // a node as the record of its properties, whatever its type
        const b = fresh[i] as unknown as Record<string, unknown>; // (every property is compared)
        for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
            if (key.startsWith('$')) continue;
            if (!sameValue(a[key], b[key])) touched.add(fresh[i].$type).add(`${fresh[i].$type}.${key}`);
        }
    }
    return touched;
}

/**
 * Whether two values of a property are the same to a reader of the tree: primitives by value,
 * references by their text, lists item by item; a node held is compared by the walk (its type
 * at its place), so any node is the same here.
 */
function sameValue(a: unknown, b: unknown): boolean {
    if (a === b) return true;
    if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
    if (isReferenceLike(a) && isReferenceLike(b)) return a.$refText === b.$refText;
    return isNodeLike(a) && isNodeLike(b);
}

function isReferenceLike(value: unknown): value is { readonly $refText: string } {
    return typeof value === 'object' && value !== null && typeof (value as { $refText?: unknown }).$refText === 'string';
}

function isNodeLike(value: unknown): value is AstNode {
    return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';
}
