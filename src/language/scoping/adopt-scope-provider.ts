/**
 * Every named declaration of a plan is visible everywhere in that plan, in the namespace of its
 * kind (model/declaration-kinds.ts), and so are the members, channels and initiatives of the
 * shared files its file uses (docs/language.md#plans-in-many-files):
 * - a plan's own declarations: a scope of each kind per syntax tree, kept with the tree, so that
 *   linking stays linear in the size of the plan;
 * - the used files' declarations: Langium's index of exported symbols (scoping/adopt-scope-
 *   computation.ts), restricted to the files this one uses directly (`use` is not transitive),
 *   as the outer scope; kept in a workspace cache that is emptied whenever documents are indexed
 *   again, as Langium's own global scope is;
 * - the path of a `use`: the shared block of the file it names (workspace/used-files.ts).
 */
import {
    AstUtils, CstUtils, DefaultScopeProvider, DocumentState, EMPTY_SCOPE, MapScope, WorkspaceCache, stream, type AstNode,
    type AstNodeDescription, type AstNodeLocator, type DocumentSegment, type LangiumCoreServices, type LangiumDocuments,
    type NameProvider, type ReferenceInfo, type Scope, type Stream, type URI
} from 'langium';
import { isAdoptFile, type Use } from '../generated/ast.js';
import { NAMESPACES, SHARED_KINDS, entryFor, type ReferencedKind } from '../model/declaration-kinds.js';
import { blockOfFile, type Block } from '../model/plan-model.js';
import { usePathBetween, usedFileUri } from '../workspace/used-files.js';

/**
 * The declarations of each kind a reference names by name, in declaration order: its namespace
 * in the block (a kind whose names differ only within a container cannot be referenced from
 * elsewhere, and does not compile here).
 */
const declarationsByType: { readonly [K in Exclude<ReferencedKind, 'Shared'>]: (block: Block) => readonly AstNode[] } = NAMESPACES;

const SHARED_KIND_NAMES: ReadonlySet<string> = new Set(SHARED_KINDS);

export class AdoptScopeProvider extends DefaultScopeProvider {
    /**
     * The scopes of each block's own declarations, by reference type. Keyed by the file's root
     * node: a changed text is parsed into a new root (and the old one's scopes go with it; an
     * incremental parse keeps the block node but makes a new root), while relinking an unchanged
     * tree finds the same declarations again.
     */
    private readonly blockScopes = new WeakMap<AstNode, Map<string, Scope>>();
    /** The scopes of blocks whose files use others, by document URI and reference type (see above). */
    private readonly usingScopes: WorkspaceCache<string, Scope>;
    private readonly locator: AstNodeLocator;
    private readonly documents: () => LangiumDocuments;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.locator = services.workspace.AstNodeLocator;
        this.documents = () => services.shared.workspace.LangiumDocuments;
        this.usingScopes = new WorkspaceCache(services.shared, DocumentState.IndexedContent);
    }

    override getScope(context: ReferenceInfo): Scope {
        const referenceType = this.referenceTypeOf(context);
        if (!referenceType) {
            return EMPTY_SCOPE;
        }
        if (referenceType === 'Shared') {
            return new UsedFileScope(AstUtils.getDocument(context.container).uri, this.documents(), this.descriptions);
        }
        const declarations = entryFor<(block: Block) => readonly AstNode[]>(declarationsByType, referenceType);
        const block = declarations ? blockOfFile(AstUtils.findRootNode(context.container)) : undefined;
        if (!declarations || !block) {
            return super.getScope(context);
        }
        const file = block.$container;
        if (file.uses.length === 0 || !SHARED_KIND_NAMES.has(referenceType)) {
            return this.blockScope(block, referenceType, declarations);
        }
        const document = AstUtils.getDocument(block);
        return this.usingScopes.get(`${referenceType} ${document.uri.toString()}`, () => {
            const used = this.usedFileDescriptions(file.uses, referenceType);
            return this.createBlockScope(declarations(block), block, new MapScope(used));
        });
    }

    private blockScope(block: Block, referenceType: string, declarations: (block: Block) => readonly AstNode[]): Scope {
        let scopes = this.blockScopes.get(block.$container);
        if (!scopes) {
            scopes = new Map();
            this.blockScopes.set(block.$container, scopes);
        }
        let scope = scopes.get(referenceType);
        if (!scope) {
            scope = this.createBlockScope(declarations(block), block);
            scopes.set(referenceType, scope);
        }
        return scope;
    }

    /**
     * The exported declarations of a kind in the files the `use` lines name, in the order of the
     * lines; of two with one name, the first (the second is reported as `duplicate-name`).
     */
    private usedFileDescriptions(uses: readonly Use[], referenceType: string): AstNodeDescription[] {
        const uris = new Set<string>();
        for (const use of uses) {
            const shared = use.shared?.ref;
            if (shared) uris.add(AstUtils.getDocument(shared).uri.toString());
        }
        if (uris.size === 0) return [];
        const byFile = new Map<string, AstNodeDescription[]>();
        for (const description of this.indexManager.allElements(referenceType, uris)) {
            const key = description.documentUri.toString();
            let list = byFile.get(key);
            if (!list) byFile.set(key, (list = []));
            list.push(description);
        }
        // MapScope keeps the last description of a name: list the first file's last.
        return [...uris].flatMap(uri => byFile.get(uri) ?? []).reverse();
    }

    /**
     * The type a reference points to; undefined when the property is no reference at all, which
     * happens when completion reads commented-out words as code (`/* stage s "" after |`).
     */
    private referenceTypeOf(context: ReferenceInfo): string | undefined {
        const metaData = this.reflection.getTypeMetaData(context.container.$type);
        return metaData.properties[context.property]?.referenceType;
    }

    /** A name refers to its first declaration: later ones are duplicates and reported as such. */
    private createBlockScope(nodes: readonly AstNode[], block: Block, outer?: Scope): Scope {
        const document = AstUtils.getDocument(block);
        const descriptions = [];
        for (let i = nodes.length - 1; i >= 0; i--) {
            const node = nodes[i];
            const name = this.nameProvider.getName(node);
            if (name) {
                descriptions.push(new DeclarationDescription(node, name, document.uri, this.locator, this.nameProvider));
            }
        }
        return new MapScope(descriptions, outer);
    }
}

/**
 * The shared files a `use` may name from one file: a path (relative to the file's folder) names
 * the shared block of the file it leads to, when the workspace holds that file and it is shared.
 * All of them (for completion): the workspace's shared files, by their paths from this file.
 */
class UsedFileScope implements Scope {
    constructor(
        private readonly from: URI,
        private readonly documents: LangiumDocuments,
        private readonly descriptions: LangiumCoreServices['workspace']['AstNodeDescriptionProvider']
    ) { }

    getElement(path: string): AstNodeDescription | undefined {
        const target = usedFileUri(this.from, path);
        if (!('uri' in target)) return undefined;
        const document = this.documents.getDocument(target.uri);
        const root = document?.parseResult.value;
        const shared = isAdoptFile(root) ? root.shared : undefined;
        return document && shared?.name ? this.descriptions.createDescription(shared, path, document) : undefined;
    }

    getElements(path: string): Stream<AstNodeDescription> {
        const element = this.getElement(path);
        return stream(element ? [element] : []);
    }

    getAllElements(): Stream<AstNodeDescription> {
        return this.documents.all.filter(document => document.uri.toString() !== this.from.toString()).flatMap(document => {
            const root = document.parseResult.value;
            const shared = isAdoptFile(root) ? root.shared : undefined;
            return shared?.name ? [this.descriptions.createDescription(shared, usePathBetween(this.from, document.uri), document)] : [];
        });
    }
}

/**
 * What Langium's `DefaultAstNodeDescriptionProvider.createDescription(node, name, document)`
 * describes, with `path`, `selectionSegment` and `nameSegment` computed when first read instead
 * of for every declaration (a plan of 10,000 projects has 10,000 project descriptions; only the
 * ones a story names are ever read by path). The syntax tree never changes after parsing, so the
 * values are the same.
 */
class DeclarationDescription implements AstNodeDescription {
    readonly type: string;
    private cachedPath: string | undefined = undefined;
    private cachedSelection: DocumentSegment | undefined | null = null;
    private cachedName: DocumentSegment | undefined | null = null;

    constructor(
        readonly node: AstNode,
        readonly name: string,
        readonly documentUri: URI,
        private readonly locator: AstNodeLocator,
        private readonly nameProvider: NameProvider
    ) {
        this.type = node.$type;
    }

    get path(): string {
        return (this.cachedPath ??= this.locator.getAstNodePath(this.node));
    }

    get selectionSegment(): DocumentSegment | undefined {
        if (this.cachedSelection === null) this.cachedSelection = CstUtils.toDocumentSegment(this.node.$cstNode);
        return this.cachedSelection;
    }

    get nameSegment(): DocumentSegment | undefined {
        if (this.cachedName === null) this.cachedName = CstUtils.toDocumentSegment(this.nameProvider.getNameNode(this.node) ?? this.node.$cstNode);
        return this.cachedName;
    }
}
