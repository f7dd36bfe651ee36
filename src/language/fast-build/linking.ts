/**
 * The linking phases of the fast build: the same results as Langium's defaults, less work.
 * - FastScopeComputation: no document-local symbol table. The language's scope provider resolves
 *   every name from the plan's own cached scopes, so the table Langium builds of every named node
 *   (with a description and a path string each) would never be read.
 * - FastLinker and FastReferenceDescriptionProvider: the same references, linked and indexed in
 *   the same order, listed by the parser (or, when a tree is linked again, by a plain walk;
 *   syntax-trees.ts) instead of a stream per node; the index computes each container's path once
 *   instead of once per reference.
 * - FastReference: Langium's reference with every field it will ever hold set at once, its
 *   resolver on its prototype, and its token's leaf made when first asked for.
 */
import {
    AstUtils, Cancellation, CstUtils, DefaultLinker, DefaultReferenceDescriptionProvider, MultiMap, UriUtils,
    interruptAndCheck, isLinkingError, isReference, type AstNode, type AstNodeDescription, type CstNode, type DefaultReference,
    type LangiumCoreServices, type LangiumDocument, type LinkingError, type LocalSymbols, type Reference, type ReferenceDescription,
    type URI
} from 'langium';
import { isAdoptFile } from '../generated/ast.js';
import { AdoptScopeComputation } from '../scoping/adopt-scope-computation.js';
import { referenceProblems } from './langium-internals.js';
import type { AdoptCompositeCstNode } from './lazy-cst.js';
import type { SyntaxTrees } from './syntax-trees.js';
import { reachOf, type TreeEdit } from './tree-state.js';

const { CancellationToken } = Cancellation;
type CancellationToken = Cancellation.CancellationToken;

/** The services the fast build's phases are made with. */
export type FastBuildCoreServices = LangiumCoreServices & { readonly fastBuild: { readonly SyntaxTrees: SyntaxTrees } };

/** A reference as a document lists it. */
type Listed = LangiumDocument['references'][number];

/** How many references to link or index between two checks for cancellation. */
const REFERENCES_PER_CHECK = 512;

export class FastScopeComputation extends AdoptScopeComputation {
    override async collectLocalSymbols(_document: LangiumDocument, _cancelToken = CancellationToken.None): Promise<LocalSymbols> {
        return new MultiMap<AstNode, AstNodeDescription>();
    }
}

export class FastLinker extends DefaultLinker {
    private readonly profiling: () => boolean;
    private readonly trees: SyntaxTrees;
    /**
     * What no longer fits between Langium's references and FastReference (langium-internals.ts);
     * when something does not, this linker makes Langium's references, and `buildReferenceAt` is
     * not used.
     */
    readonly referenceProblems: readonly string[];

    /**
     * Langium's reference, with every field it will ever hold set at once: Langium's adds its
     * `_nodeDescription` when linked, outside the object (60,000 references at 10,000 projects).
     */
    override buildReference(node: AstNode, property: string, refNode: CstNode | undefined, refText: string): Reference {
        if (this.referenceProblems.length > 0) return super.buildReference(node, property, refNode, refText);
        return new this.references(node, property, refNode, refText);
    }

    /** Whether the fast parser may build references whose token's leaf is not made yet (`buildReferenceAt`). */
    get buildsReferencesAt(): boolean {
        return this.referenceProblems.length === 0;
    }

    /**
     * A reference whose token's leaf is not made yet: the child at `index` of the composite node
     * of `node` (the fast parser's references; lazy-cst.ts).
     */
    buildReferenceAt(node: AstNode, property: string, index: number, refText: string): Reference {
        return new this.references(node, property, index, refText);
    }

    /** This linker's references: FastReference with the linker's resolver on their prototype (one field less each). */
    private readonly references: new (node: AstNode, property: string, refNode: CstNode | number | undefined, refText: string) => FastReference;

    constructor(services: FastBuildCoreServices) {
        super(services);
        this.trees = services.fastBuild.SyntaxTrees;
        this.profiling = () => services.shared.profilers.LangiumProfiler?.isActive('linking') ?? false;
        const references = class extends FastReference { };
        Object.defineProperty(references.prototype, 'resolver', { value: this.referenceResolver });
        this.references = references;
        this.referenceProblems = referenceProblems(super.buildReference({ $type: 'Probe' }, 'probe', undefined, 'probe'));
    }

    /**
     * Per document: the tree whose links its references still hold, unlinked but not reset (see
     * `unlink`), by the tree's identity.
     */
    private readonly held = new WeakMap<LangiumDocument, object>();
    /** Per document, the kept link of each reference of its last run with links kept (undefined: to link), kept to be written over. */
    private readonly scratch = new WeakMap<LangiumDocument, Array<Listed | undefined>>();

    private keptScratch(document: LangiumDocument, size: number): Array<Listed | undefined> {
        let scratch = this.scratch.get(document);
        if (!scratch || scratch.length < size) {
            scratch = new Array<Listed | undefined>(size);
            this.scratch.set(document, scratch);
        }
        return scratch;
    }

    /** References linked, and references whose link was kept from the tree before, by the last run of `link` (tests read them). */
    readonly counts = { linked: 0, kept: 0 };

    /**
     * Langium resets every link of a document before its text is parsed again; here, for a tree of
     * the fast build, the links stay until `link` knows what the new tree is. If it was made by an
     * edit of this tree that declared no name anew (incremental-parse.ts), the references outside
     * the declaration parsed again keep their links (`keptLinksAfter`); otherwise they are reset
     * then, as here.
     */
    override unlink(document: LangiumDocument): void {
        if (this.held.has(document)) return;
        const state = this.trees.stateOf(document.parseResult.value);
        if (state && this.referenceProblems.length === 0) {
            this.held.set(document, state.identity);
            return;
        }
        this.reset(document);
    }

    /**
     * Langium's `unlink`, without `delete`: deleting `_nodeDescription` from each of 60,000
     * references (at 10,000 projects) turns every one into a slow dictionary object, on every edit.
     */
    private reset(document: LangiumDocument): void {
        const others: LangiumDocument['references'] = [];
        for (const reference of document.references) {
            if (reference instanceof FastReference) {
                reference._ref = undefined;
                reference._nodeDescription = undefined;
            } else {
                others.push(reference);
            }
        }
        // Any other reference is reset Langium's way; the list ends empty, as Langium leaves it.
        document.references = others;
        super.unlink(document);
    }

    override async link(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<void> {
        const heldFrom = this.held.get(document);
        this.held.delete(document);
        const root = document.parseResult.value;
        const edit = this.trees.stateOf(root)?.edit;
        const stale = heldFrom !== undefined && edit?.from === heldFrom ? keptLinksAfter(edit) : undefined;
        if (!stale) {
            if (heldFrom !== undefined) this.reset(document);
            if (this.profiling()) return super.link(document, cancelToken);
        }
        // The references the parser listed, for a tree linked for the first time; else a walk.
        const references = this.trees.referencesToLink(root);
        // With links kept: which references keep theirs, found in one pass over them, at once,
        // before anything can interrupt the run (the links into the old declaration are reset
        // then, for whichever run comes next to link them). The run below reads only the kept
        // list, not the references again (at 10,000 projects, 60,000 objects spread over the heap,
        // each read costing a trip to memory), and writes the document's list over the one it had:
        // lists of this size made anew on every edit cost more in fresh memory than their copying.
        let kept = 0;
        let i = 0;
        if (!stale) {
            for (; i < references.length; i++) {
                if (i % REFERENCES_PER_CHECK === 0) await interruptAndCheck(cancelToken);
                this.doLink(references[i], document);
            }
        } else {
            const keptAt = this.keptScratch(document, references.length);
            for (let at = 0; at < references.length; at++) {
                const info = references[at];
                const reference = info.reference;
                keptAt[at] = undefined;
                if (!(reference instanceof FastReference) || reference._ref === undefined) continue;
                const target = reference._ref;
                if (reference.node !== info.container || typeof target !== 'object' || (!isLinkingError(target) && stale.has(target))) {
                    reference._ref = undefined;
                    reference._nodeDescription = undefined;
                } else {
                    keptAt[at] = reference;
                }
            }
            // doLink appends to the document's list: it is written from the start, then cut to what was written.
            const listed = document.references;
            listed.length = Math.min(listed.length, references.length);
            let written = 0;
            const list = (reference: Listed) => {
                if (written < listed.length) listed[written] = reference;
                else listed.push(reference);
                written++;
            };
            try {
                for (; i < references.length; i++) {
                    if (i % REFERENCES_PER_CHECK === 0) await interruptAndCheck(cancelToken);
                    // A kept link is listed in walk order, as Langium's doLink lists the links it makes.
                    const keptReference = keptAt[i];
                    if (keptReference !== undefined) {
                        list(keptReference);
                        kept++;
                    } else {
                        const before = listed.length;
                        this.doLink(references[i], document);
                        // What doLink appended goes where the list is being written.
                        if (listed.length > before) {
                            const linked = listed.pop()!;
                            list(linked);
                        }
                    }
                }
            } finally {
                // A run cut short lists the kept links it did not reach, for a later reset to find.
                for (; i < references.length; i++) {
                    const keptReference = keptAt[i];
                    if (keptReference !== undefined) list(keptReference);
                }
                listed.length = written;
            }
        }
        this.counts.kept = kept;
        this.counts.linked = references.length - kept;
    }
}

/**
 * After an edit that parsed one declaration again, the links the other references may keep: all
 * but those to the old declaration's nodes, which are returned (to be linked again), when the new
 * declaration declares the same names of the same kinds in the same order as the old one; the
 * names each reference can see are then the same, and the declaration sits where the old one
 * did, so every other node keeps its place (and the path its description gives). Undefined (link
 * everything) when the names differ, or the file uses others (their declarations may have
 * changed too).
 */
function keptLinksAfter(edit: TreeEdit): Set<AstNode> | undefined {
    const root = AstUtils.findRootNode(edit.declaration);
    if (isAdoptFile(root) && root.uses.length > 0) return undefined;
    const { oldNodes, newNodes } = reachOf(edit);
    if (!sameNames(oldNodes, newNodes)) return undefined;
    return new Set(oldNodes);
}

/** Whether two lists of nodes hold the same named nodes (type and name), in the same order. */
function sameNames(a: readonly AstNode[], b: readonly AstNode[]): boolean {
    const named = (nodes: readonly AstNode[]) => nodes.flatMap(node => {
        const name = (node as { name?: unknown }).name;
        return name === undefined ? [] : [`${node.$type} ${String(name)}`];
    });
    const first = named(a);
    const second = named(b);
    return first.length === second.length && first.every((entry, i) => entry === second[i]);
}

/** What Langium's references ask their linker (`DefaultLinker.referenceResolver`). */
interface ReferenceResolver {
    resolveReference(reference: DefaultReference, node: AstNode, property: string): AstNode | undefined;
}

/**
 * Langium's `DefaultReferenceImpl` (not exported): the same behaviour, with `_nodeDescription`
 * set in the constructor instead of added when linked, the resolver on the prototype (each
 * linker makes a subclass: FastLinker), and the token's leaf made when first asked for (the
 * fast parser gives its place: a number). 60,000 references at 10,000 projects. Its members are
 * checked against Langium's references (langium-internals.ts); FastLinker makes Langium's
 * references instead when they differ.
 */
export class FastReference implements DefaultReference {
    /** The linker's resolver (on the prototype of the linker's subclass). */
    declare protected readonly resolver: ReferenceResolver;
    readonly node: AstNode;
    readonly property: string;
    _ref: DefaultReference['_ref'];
    /** The token's leaf; or its index in the composite node of `node`, the leaf not made yet. */
    private refNode: CstNode | number | undefined;
    readonly $refText: string;
    _nodeDescription: AstNodeDescription | undefined;

    constructor(node: AstNode, property: string, refNode: CstNode | number | undefined, refText: string) {
        this.node = node;
        this.property = property;
        this._ref = undefined;
        this.refNode = refNode;
        this.$refText = refText;
        this._nodeDescription = undefined;
    }

    /** The token's leaf, made when first asked for (lazy-cst.ts). */
    get $refNode(): CstNode | undefined {
        const refNode = this.refNode;
        if (typeof refNode !== 'number') return refNode;
        const leaf = (this.node.$cstNode as AdoptCompositeCstNode).childAt(refNode);
        this.refNode = leaf;
        return leaf;
    }

    get ref(): AstNode | undefined {
        return this.resolver.resolveReference(this, this.node, this.property);
    }

    get $nodeDescription(): AstNodeDescription | undefined {
        return this._nodeDescription;
    }

    get error(): LinkingError | undefined {
        return isLinkingError(this._ref) ? this._ref : undefined;
    }
}

/** Langium's description of one reference to one target (`DefaultReferenceDescriptionProvider.createDescription`). */
export function describeReference(
    sourceUri: URI, sourcePath: string, segment: ReferenceDescription['segment'], target: AstNodeDescription
): ReferenceDescription {
    return {
        sourceUri,
        sourcePath,
        targetUri: target.documentUri,
        targetPath: target.path,
        segment,
        local: UriUtils.equals(target.documentUri, sourceUri)
    };
}

export class FastReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    private readonly trees: SyntaxTrees;

    constructor(services: FastBuildCoreServices) {
        super(services);
        this.trees = services.fastBuild.SyntaxTrees;
    }

    override async createDescriptions(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        const references = this.trees.takeLinkedReferences(document.parseResult.value);
        const sourceUri = document.uri;
        let lastContainer: AstNode | undefined;
        let sourcePath = '';
        for (let i = 0; i < references.length; i++) {
            if (i % REFERENCES_PER_CHECK === 0) await interruptAndCheck(cancelToken);
            const { reference, container } = references[i];
            if (reference.error || !reference.$refNode) continue;
            const targets = isReference(reference)
                ? (reference.$nodeDescription ? [reference.$nodeDescription] : [])
                : reference.items.flatMap(item => (item.$nodeDescription ? [item.$nodeDescription] : []));
            if (targets.length === 0) continue;
            // A clause's references share their container: compute its path once.
            if (container !== lastContainer) {
                lastContainer = container;
                sourcePath = this.nodeLocator.getAstNodePath(container);
            }
            const segment = CstUtils.toDocumentSegment(reference.$refNode);
            for (const target of targets) descriptions.push(describeReference(sourceUri, sourcePath, segment, target));
        }
        return descriptions;
    }
}
