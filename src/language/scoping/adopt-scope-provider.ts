/**
 * Every named declaration of a plan is visible everywhere in that plan, in its own namespace
 * (members, channels, initiatives, stages, projects). The scope of each kind is built once per
 * document version and cached, so linking stays linear in the size of the plan.
 */
import { AstUtils, DefaultScopeProvider, DocumentCache, MapScope, type AstNode, type ReferenceInfo, type Scope } from 'langium';
import type { LangiumCoreServices } from 'langium';
import { Channel, Initiative, Member, Project, Stage, isPlan, type Plan } from '../generated/ast.js';
import { allMembers, allProjects } from '../model/plan-model.js';

/** The declarations of each referencable kind, in declaration order. */
const declarationsByType: Record<string, (plan: Plan) => readonly AstNode[]> = {
    [Member.$type]: allMembers,
    [Channel.$type]: plan => plan.channels,
    [Initiative.$type]: plan => plan.initiatives,
    [Stage.$type]: plan => plan.stages,
    [Project.$type]: allProjects
};

export class AdoptScopeProvider extends DefaultScopeProvider {
    private readonly planScopes: DocumentCache<string, Scope>;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.planScopes = new DocumentCache(services.shared);
    }

    override getScope(context: ReferenceInfo): Scope {
        const referenceType = this.reflection.getReferenceType(context);
        const declarations = declarationsByType[referenceType];
        const plan = AstUtils.getContainerOfType(context.container, isPlan);
        if (!declarations || !plan) {
            return super.getScope(context);
        }
        const document = AstUtils.getDocument(plan);
        return this.planScopes.get(document.uri, referenceType, () => this.createPlanScope(declarations(plan)));
    }

    /** A name refers to its first declaration: later ones are duplicates and reported as such. */
    private createPlanScope(nodes: readonly AstNode[]): Scope {
        const descriptions = [];
        for (let i = nodes.length - 1; i >= 0; i--) {
            const node = nodes[i];
            const name = this.nameProvider.getName(node);
            if (name) {
                descriptions.push(this.descriptions.createDescription(node, name));
            }
        }
        return new MapScope(descriptions);
    }
}
