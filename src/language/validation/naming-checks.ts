/**
 * duplicate-name: the names of each kind of declaration differ within its namespace
 * (model/declaration-kinds.ts): the plan for most kinds; a metric's goal or project.
 */
import type { AstNode, ValidationAcceptor } from 'langium';
import type { Goal, Project } from '../generated/ast.js';
import type { Block } from '../model/plan-model.js';
import { DECLARATION_KEYWORDS, NAMESPACES, withArticle, type DeclarationKind } from '../model/declaration-kinds.js';
import { IssueCodes } from './issue-codes.js';
import { report } from './report.js';

interface Named extends AstNode {
    name: string;
}

/** Names within a plan or a shared block (what it uses: use-checks.ts). */
export function namesMustBeUniqueInPlan(block: Block, accept: ValidationAcceptor): void {
    for (const kind of Object.keys(NAMESPACES) as DeclarationKind[]) {
        const namespace = NAMESPACES[kind];
        if (typeof namespace === 'function') reportDuplicates(namespace(block), DECLARATION_KEYWORDS[kind], accept);
    }
}

export function metricNamesMustBeUnique(owner: Goal | Project, accept: ValidationAcceptor): void {
    // Runs on every project: name the kind only when there is a duplicate to report.
    reportDuplicates(owner.metrics, () => `metric of ${DECLARATION_KEYWORDS[owner.$type]} '${owner.name}'`, accept);
}

function reportDuplicates(nodes: readonly Named[], kind: string | (() => string), accept: ValidationAcceptor): void {
    if (nodes.length < 2) return;
    const seen = new Set<string>();
    for (const node of nodes) {
        if (!node.name) continue;
        if (seen.has(node.name)) {
            const kindName = typeof kind === 'string' ? kind : kind();
            report(accept, IssueCodes.DuplicateName,
                `There is already ${withArticle(kindName)} named '${node.name}'. Give this one another name.`,
                { node, property: 'name' });
        } else {
            seen.add(node.name);
        }
    }
}
