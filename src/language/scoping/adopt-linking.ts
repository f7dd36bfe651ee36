/**
 * Build phases tuned for one large plan per file (see BENCHMARKS.md): same results as Langium's
 * defaults, less work.
 * - AdoptScopeComputation: no document-local symbol table. AdoptScopeProvider resolves every
 *   name from the plan's own cached scopes, so the table Langium builds of every named node
 *   (with a description and a path string each) would never be read.
 * - AdoptLinker and AdoptReferenceDescriptionProvider: the same references, linked and indexed in
 *   the same order, listed by the parser while it linked the containers (or, when a tree is linked
 *   again, by a plain walk; reference-walk.ts) instead of a stream per node; the index computes
 *   each container's path once instead of once per reference.
 */
import {
    Cancellation, CstUtils, DefaultLinker, DefaultReferenceDescriptionProvider, DefaultScopeComputation, MultiMap, UriUtils,
    interruptAndCheck, isLinkingError, isReference, type AstNode, type AstNodeDescription, type CstNode, type DefaultReference,
    type LangiumCoreServices, type LangiumDocument, type LinkingError, type LocalSymbols, type Module, type Reference, type ReferenceDescription,
    type ReferenceInfo, type URI
} from 'langium';

const { CancellationToken } = Cancellation;
type CancellationToken = Cancellation.CancellationToken;
import type { PartialLangiumServices } from 'langium/lsp';
import type { AdoptServices } from '../adopt-module.js';
import { allReferences, takeParsedReferences } from './reference-walk.js';
import type { AdoptCompositeCstNode } from '../parser/adopt-cst-nodes.js';

/**
 * The references the linker just walked, by plan, for the reference index that comes right after
 * (same tree, same references): taken, not kept, so the list does not outlive the build.
 */
const walkedReferences = new WeakMap<AstNode, ReferenceInfo[]>();

/** Drops the references the linker kept for an index that will not read them (adopt-index-manager.ts). */
export function forgetWalkedReferences(root: AstNode): void {
    walkedReferences.delete(root);
}

/** How many references to link or index between two checks for cancellation. */
const REFERENCES_PER_CHECK = 512;

export class AdoptScopeComputation extends DefaultScopeComputation {
    override async collectLocalSymbols(_document: LangiumDocument, _cancelToken = CancellationToken.None): Promise<LocalSymbols> {
        return new MultiMap<AstNode, AstNodeDescription>();
    }
}

export class AdoptLinker extends DefaultLinker {
    private readonly profiling: () => boolean;

    /**
     * Langium's reference, with every field it will ever hold set at once: Langium's adds its
     * `_nodeDescription` when linked, outside the object (60,000 references at 10,000 projects).
     */
    override buildReference(node: AstNode, property: string, refNode: CstNode | undefined, refText: string): Reference {
        return new this.references(node, property, refNode, refText);
    }

    /**
     * A reference whose token's leaf is not made yet: the child at `index` of the composite node
     * of `node` (the fast parser's references; adopt-cst-nodes.ts).
     */
    buildReferenceAt(node: AstNode, property: string, index: number, refText: string): Reference {
        return new this.references(node, property, index, refText);
    }

    /** This linker's references: AdoptReference with the linker's resolver on their prototype (one field less each). */
    private readonly references: new (node: AstNode, property: string, refNode: CstNode | number | undefined, refText: string) => AdoptReference;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.profiling = () => services.shared.profilers.LangiumProfiler?.isActive('linking') ?? false;
        const references = class extends AdoptReference { };
        Object.defineProperty(references.prototype, 'resolver', { value: this.referenceResolver });
        this.references = references;
    }

    /**
     * Langium's `unlink`, without `delete`: deleting `_nodeDescription` from each of 60,000
     * references (at 10,000 projects) turns every one into a slow dictionary object, on every edit.
     */
    override unlink(document: LangiumDocument): void {
        const others: LangiumDocument['references'] = [];
        for (const reference of document.references) {
            if (reference instanceof AdoptReference) {
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
        const root = document.parseResult.value;
        const parsed = takeParsedReferences(root);
        if (this.profiling()) return super.link(document, cancelToken);
        // The references the parser listed, for a tree linked for the first time; else a walk.
        const references = parsed ?? allReferences(root);
        walkedReferences.set(root, references);
        for (let i = 0; i < references.length; i++) {
            if (i % REFERENCES_PER_CHECK === 0) await interruptAndCheck(cancelToken);
            this.doLink(references[i], document);
        }
    }
}

/** What Langium's references ask their linker (`DefaultLinker.referenceResolver`). */
interface ReferenceResolver {
    resolveReference(reference: DefaultReference, node: AstNode, property: string): AstNode | undefined;
}

/**
 * Langium's `DefaultReferenceImpl` (not exported): the same behaviour, with `_nodeDescription`
 * set in the constructor instead of added when linked, the resolver on the prototype (each
 * linker makes a subclass: AdoptLinker), and the token's leaf made when first asked for (the
 * fast parser gives its place: a number). 60,000 references at 10,000 projects.
 */
export class AdoptReference implements DefaultReference {
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

    /** The token's leaf, made when first asked for (adopt-cst-nodes.ts). */
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

export class AdoptReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        const root = document.parseResult.value;
        const references = walkedReferences.get(root) ?? allReferences(root);
        walkedReferences.delete(root);
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

/** The three services above, as a module to inject after the language's own module. */
export const AdoptFastBuildModule: Module<AdoptServices, PartialLangiumServices> = {
    references: {
        ScopeComputation: services => new AdoptScopeComputation(services),
        Linker: services => new AdoptLinker(services)
    },
    workspace: {
        ReferenceDescriptionProvider: services => new AdoptReferenceDescriptionProvider(services)
    }
};
