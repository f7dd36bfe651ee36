/**
 * Every named declaration of a plan is visible everywhere in that plan, in the namespace of its
 * kind (model/declaration-kinds.ts). The scope of each kind a reference names is built once per
 * syntax tree and kept with it, so linking stays linear in the size of the plan.
 */
import {
    AstUtils, CstUtils, DefaultScopeProvider, EMPTY_SCOPE, MapScope, type AstNode, type AstNodeDescription, type AstNodeLocator,
    type DocumentSegment, type LangiumCoreServices, type NameProvider, type ReferenceInfo, type Scope, type URI
} from 'langium';
import { isPlan, type Plan } from '../generated/ast.js';
import { NAMESPACES, entryFor, type ReferencedKind } from '../model/declaration-kinds.js';

/**
 * The declarations of each kind a reference names, in declaration order: its namespace in the
 * plan (a kind whose names differ only within a container cannot be referenced from elsewhere,
 * and does not compile here).
 */
const declarationsByType: { readonly [K in ReferencedKind]: (plan: Plan) => readonly AstNode[] } = NAMESPACES;

export class AdoptScopeProvider extends DefaultScopeProvider {
    /**
     * The scopes of each plan, by reference type. Keyed by the plan node itself: a changed text is
     * parsed into a new plan (and the old one's scopes go with it), while relinking an unchanged
     * tree finds the same declarations again.
     */
    private readonly planScopes = new WeakMap<Plan, Map<string, Scope>>();
    private readonly locator: AstNodeLocator;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.locator = services.workspace.AstNodeLocator;
    }

    override getScope(context: ReferenceInfo): Scope {
        const referenceType = this.referenceTypeOf(context);
        if (!referenceType) {
            return EMPTY_SCOPE;
        }
        const declarations = entryFor<(plan: Plan) => readonly AstNode[]>(declarationsByType, referenceType);
        const plan = declarations ? planOf(context.container) : undefined;
        if (!declarations || !plan) {
            return super.getScope(context);
        }
        let scopes = this.planScopes.get(plan);
        if (!scopes) {
            scopes = new Map();
            this.planScopes.set(plan, scopes);
        }
        let scope = scopes.get(referenceType);
        if (!scope) {
            scope = this.createPlanScope(declarations(plan), plan);
            scopes.set(referenceType, scope);
        }
        return scope;
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
    private createPlanScope(nodes: readonly AstNode[], plan: Plan): Scope {
        const document = AstUtils.getDocument(plan);
        const descriptions = [];
        for (let i = nodes.length - 1; i >= 0; i--) {
            const node = nodes[i];
            const name = this.nameProvider.getName(node);
            if (name) {
                descriptions.push(new DeclarationDescription(node, name, document.uri, this.locator, this.nameProvider));
            }
        }
        return new MapScope(descriptions);
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

/** The plan a node belongs to: the root of its tree, when that root is a plan. */
function planOf(node: AstNode): Plan | undefined {
    let current = node;
    while (current.$container) current = current.$container;
    return isPlan(current) ? current : undefined;
}
