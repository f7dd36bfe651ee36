/**
 * A reference index that describes references when asked instead of when a document is built.
 *
 * Langium's `DefaultIndexManager` keeps, for every linked document, one `ReferenceDescription`
 * per reference (source and target URI and path, a segment with a range): about 2 KB a project of
 * a large plan, and a walk over every reference in each build. Its readers (find references,
 * rename, highlight, and the document builder's `isAffected` when another document changes) ask
 * rarely and about few targets. `FastIndexManager` records only which documents are indexed, in
 * the same order, and computes the same descriptions from their linked trees on demand:
 * - a document is indexed from `updateReferences` until `removeReferences`/`remove`, exactly when
 *   Langium's index would hold its descriptions; the builder resets a document (and removes its
 *   references) before its tree or links change, so the linked tree is what the eager index saw;
 * - `findAllReferences` picks the references pointing at the target out of each indexed
 *   document's resolved references (`document.references`, which the linker fills), puts them in
 *   Langium's order (that of `allReferences` in tree-walk.ts: depth first, properties in
 *   order) and describes them as `DefaultReferenceDescriptionProvider` and
 *   `FastReferenceDescriptionProvider` would: a few milliseconds for a plan of 10,000 projects;
 * - `isAffected` reads the same resolved references for a target in a changed document, as
 *   Langium reads the non-local descriptions, once per indexed document: the documents they
 *   point at are kept with it until it is indexed again;
 * - documents of a language with another `ReferenceDescriptionProvider` are indexed eagerly,
 *   as Langium does, since their descriptions could differ.
 */
import {
    AstUtils, Cancellation, CstUtils, DefaultIndexManager, DefaultReferenceDescriptionProvider, UriUtils, interruptAndCheck,
    isMultiReference, isReference, stream, type AstNode, type AstNodeDescription, type GenericAstNode, type LangiumDocument,
    type MultiReference, type Reference, type ReferenceDescription, type ReferenceInfo, type Stream,
    type URI
} from 'langium';
import { FastReferenceDescriptionProvider, describeReference, type FastBuildCoreServices } from './linking.js';
import { allReferences } from './tree-walk.js';

const { CancellationToken } = Cancellation;
type CancellationToken = Cancellation.CancellationToken;

/** What the index keeps for one document: the document itself, or (other providers) its descriptions. */
type IndexEntry = DocumentEntry | { readonly descriptions: readonly ReferenceDescription[] };

/**
 * An indexed document, and the URI strings of the other documents its references point at, found
 * when first asked (`isAffected`, on every edit for every other document of the workspace); the
 * entry is made anew each time the document is indexed, so the URIs are those of its current links.
 */
interface DocumentEntry {
    readonly document: LangiumDocument;
    targetUris?: ReadonlySet<string>;
}

/** The reference description providers whose descriptions `describeReferences` reproduces. */
const DESCRIBABLE_PROVIDERS: ReadonlySet<unknown> = new Set([DefaultReferenceDescriptionProvider, FastReferenceDescriptionProvider]);

export class FastIndexManager extends DefaultIndexManager {
    /**
     * The indexed documents by URI string, in the order Langium's `referenceIndex` would list them
     * (a document indexed again keeps its place; one removed and indexed again goes last).
     */
    private readonly indexed = new Map<string, IndexEntry>();

    override async updateReferences(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<void> {
        const provider = this.serviceRegistry.getServices(document.uri).workspace.ReferenceDescriptionProvider;
        if (!DESCRIBABLE_PROVIDERS.has(provider.constructor)) {
            const descriptions = await provider.createDescriptions(document, cancelToken);
            this.indexed.set(document.uri.toString(), { descriptions });
            return;
        }
        // Cancelled here, Langium's index would not hold the document either.
        await interruptAndCheck(cancelToken);
        (this.serviceRegistry.getServices(document.uri) as Partial<FastBuildCoreServices>).fastBuild?.SyntaxTrees.forgetLinkedReferences(document.parseResult.value);
        this.indexed.set(document.uri.toString(), { document });
    }

    override removeReferences(uri: URI): void {
        this.indexed.delete(uri.toString());
    }

    override findAllReferences(targetNode: AstNode, astNodePath: string): Stream<ReferenceDescription> {
        const targetUri = AstUtils.getDocument(targetNode).uri;
        const isTargetUri = sameUriAs(targetUri);
        const isTarget = (description: AstNodeDescription) => isTargetUri(description.documentUri) && description.path === astNodePath;
        const result: ReferenceDescription[] = [];
        for (const entry of this.indexed.values()) {
            if ('document' in entry) {
                this.describeReferences(entry.document, isTarget, result);
            } else {
                for (const description of entry.descriptions) {
                    if (UriUtils.equals(description.targetUri, targetUri) && description.targetPath === astNodePath) result.push(description);
                }
            }
        }
        return stream(result);
    }

    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        const entry = this.indexed.get(document.uri.toString());
        if (!entry) return false;
        if (!('document' in entry)) {
            return entry.descriptions.some(ref => !ref.local && changedUris.has(ref.targetUri.toString()));
        }
        entry.targetUris ??= otherTargetUris(entry.document);
        for (const uri of entry.targetUris) if (changedUris.has(uri)) return true;
        return false;
    }

    /**
     * Appends the descriptions Langium's reference description provider makes of the document's
     * references whose target `isTarget` accepts, in its order (the order of `allReferences`).
     * The linker lists every resolved reference in `document.references`: the few that match are
     * found there and put in tree order, without walking the tree, when each one's container is
     * where its name's CST node says; else the tree is walked.
     */
    private describeReferences(document: LangiumDocument, isTarget: (target: AstNodeDescription) => boolean, into: ReferenceDescription[]): void {
        const matching: Array<Reference | MultiReference> = [];
        for (const reference of document.references) {
            if (reference.error || !reference.$refNode) continue;
            if (hasTarget(reference, isTarget)) matching.push(reference);
        }
        if (matching.length === 0) return;
        const placed = placeAll(matching) ?? allReferences(document.parseResult.value);
        const sourceUri = document.uri;
        const locator = this.serviceRegistry.getServices(sourceUri).workspace.AstNodeLocator;
        for (const { reference, container } of placed) {
            if (reference.error || !reference.$refNode) continue;
            let sourcePath: string | undefined;
            let segment: ReferenceDescription['segment'] | undefined;
            for (const target of targetsOf(reference)) {
                if (!isTarget(target)) continue;
                sourcePath ??= locator.getAstNodePath(container);
                segment ??= CstUtils.toDocumentSegment(reference.$refNode);
                into.push(describeReference(sourceUri, sourcePath, segment, target));
            }
        }
    }
}

/** `UriUtils.equals(uri, _)`, judging the last URI object asked about once. */
function sameUriAs(uri: URI): (other: URI) => boolean {
    let last: URI | undefined;
    let lastEquals = false;
    return other => {
        if (other !== last) {
            last = other;
            lastEquals = UriUtils.equals(other, uri);
        }
        return lastEquals;
    };
}

/** Whether a resolved reference points to a target `isTarget` accepts (`targetsOf(...).some(isTarget)`, no list). */
function hasTarget(reference: Reference | MultiReference, isTarget: (target: AstNodeDescription) => boolean): boolean {
    if (isReference(reference)) {
        return reference.$nodeDescription !== undefined && isTarget(reference.$nodeDescription);
    }
    return isMultiReference(reference) && reference.items.some(item => item.$nodeDescription !== undefined && isTarget(item.$nodeDescription));
}

/** A reference with where it sits: its container, the property and (in a list) the index. */
interface PlacedReference extends ReferenceInfo {
    /** The container's ancestors, the root first, the container last. */
    readonly ancestry: readonly AstNode[];
}

/**
 * The references in tree order (that of `allReferences`) with their containers; undefined when
 * one of them cannot be placed. Exported for tests.
 */
export function placeAll(references: ReadonlyArray<Reference | MultiReference>): PlacedReference[] | undefined {
    const placed: PlacedReference[] = [];
    for (const reference of references) {
        const place = placeOf(reference);
        if (!place) return undefined;
        placed.push(place);
    }
    return placed.sort(compareInTree);
}

/** The reference's container (the AST node of its name's CST node) and its slot there, if it holds it. */
function placeOf(reference: Reference | MultiReference): PlacedReference | undefined {
    const container = reference.$refNode?.astNode;
    if (!container) return undefined;
    const properties = container as GenericAstNode;
    for (const property in properties) {
        if (property.charCodeAt(0) === DOLLAR) continue;
        const value = properties[property];
        if (value === reference) return { reference, container, property, ancestry: ancestryOf(container) };
        const index = Array.isArray(value) ? value.indexOf(reference) : -1;
        if (index >= 0) return { reference, container, property, index, ancestry: ancestryOf(container) };
    }
    return undefined;
}

const DOLLAR = 36; // '$': Langium's own properties, as in tree-walk.ts

function ancestryOf(node: AstNode): AstNode[] {
    const ancestry: AstNode[] = [];
    for (let current: AstNode | undefined = node; current; current = current.$container) ancestry.push(current);
    return ancestry.reverse();
}

/**
 * The order of `allReferences` (Langium's `streamAst` then `streamReferences`): depth first, a
 * node's own references (properties in order, list items in order) before its children's.
 */
function compareInTree(a: PlacedReference, b: PlacedReference): number {
    if (a.container === b.container) return compareSlots(a.container, a.property, a.index, b.property, b.index);
    let depth = 0;
    while (depth < a.ancestry.length && depth < b.ancestry.length && a.ancestry[depth] === b.ancestry[depth]) depth++;
    if (depth === a.ancestry.length) return -1; // a's container holds b's: its own references come first
    if (depth === b.ancestry.length) return 1;
    if (depth === 0) return 0; // different trees: never in one document
    const [childA, childB] = [a.ancestry[depth], b.ancestry[depth]];
    return compareSlots(a.ancestry[depth - 1], childA.$containerProperty ?? '', childA.$containerIndex, childB.$containerProperty ?? '', childB.$containerIndex);
}

/** Two slots of one node: properties in the node's order, then list indices. */
function compareSlots(node: AstNode, propertyA: string, indexA: number | undefined, propertyB: string, indexB: number | undefined): number {
    if (propertyA === propertyB) return (indexA ?? -1) - (indexB ?? -1);
    return propertyRank(node, propertyA) - propertyRank(node, propertyB);
}

function propertyRank(node: AstNode, property: string): number {
    let rank = 0;
    for (const key in node) {
        if (key === property) return rank;
        rank++;
    }
    return rank;
}

/** The URI strings of the documents other than `document` that its resolved references point at. */
function otherTargetUris(document: LangiumDocument): Set<string> {
    const sourceUri = document.uri;
    const uris = new Set<string>();
    // The targets of a plan's references share a few URI objects (its own, one per file it uses): each is looked at once.
    const seen = new Set<URI>();
    for (const reference of document.references) {
        const single = isReference(reference) ? reference.$nodeDescription : undefined;
        if (single && seen.has(single.documentUri)) continue;
        if (reference.error || !reference.$refNode) continue;
        for (const target of single ? [single] : targetsOf(reference)) {
            const uri = target.documentUri;
            if (seen.has(uri)) continue;
            seen.add(uri);
            if (!UriUtils.equals(uri, sourceUri)) uris.add(uri.toString());
        }
    }
    return uris;
}

/** The descriptions a resolved reference points to, as the reference description provider lists them. */
function targetsOf(reference: Reference | MultiReference): readonly AstNodeDescription[] {
    if (isReference(reference)) {
        return reference.$nodeDescription ? [reference.$nodeDescription] : [];
    }
    if (isMultiReference(reference)) {
        return reference.items.flatMap(item => (item.$nodeDescription ? [item.$nodeDescription] : []));
    }
    return [];
}
