/**
 * The kinds of declaration, as types computed from the generated AST, and the facts every part
 * of the language needs about each kind. A table "per kind of declaration" elsewhere is typed by
 * these types (`{ [K in DeclarationKind]: … }`, `Record<ReferencedKind, …>`), so that a new kind
 * in the grammar (a rule with a `name`) does not compile until every such table has it, and a new
 * reference (`[Risk:Name]`) does not compile until every table of referenced kinds has its target.
 */
import type { AstNode, Reference } from 'langium';
import type { AdoptAstType, AdoptKeywordNames } from '../generated/ast.js';
import { allActions, allMembers, allProjects, allStories, stagesOf, type Block } from './plan-model.js';

/** The node types of the grammar that have a name: `Plan`, `Member`, `Project`, … */
export type DeclarationKind = { [K in keyof AdoptAstType]: AdoptAstType[K] extends { name: string } ? K : never }[keyof AdoptAstType];

/** A declaration of any kind. */
export type Declaration = AdoptAstType[DeclarationKind];

/** The types a property of `N` refers to, through a reference or a list of them. */
type ReferenceTargets<N> = N extends AstNode
    ? { [P in keyof N]-?: NonNullable<N[P]> extends Reference<infer T> | Array<Reference<infer T>> ? T : never }[keyof N]
    : never;

/** The kinds a reference can name: the targets of the grammar's cross-references (`[Member:Name]`). */
export type ReferencedKind = ReferenceTargets<AdoptAstType[keyof AdoptAstType]>['$type'];

/** The keyword that declares each kind; messages call the kind by it too (`a member named 'ana'`). */
export const DECLARATION_KEYWORDS = {
    Plan: 'plan',
    Shared: 'shared',
    Member: 'member',
    Channel: 'channel',
    Initiative: 'initiative',
    Stage: 'stage',
    Project: 'project',
    Goal: 'goal',
    Metric: 'metric',
    Story: 'story',
    Action: 'action'
} as const satisfies { readonly [K in DeclarationKind]: AdoptKeywordNames };

/**
 * Where the names of each kind must differ: for most, in the whole block, plan or shared (the
 * function gives the declarations of that kind in the block, in the order written; a reference to
 * the kind finds its target among them, then among those of the files the block's file uses); a
 * metric's among the metrics of its goal or project (`container`); a plan or a shared block is
 * alone in its file (`file`).
 */
export const NAMESPACES = {
    Plan: 'file',
    Shared: 'file',
    Member: allMembers,
    Channel: block => block.channels,
    Initiative: block => block.initiatives,
    Stage: stagesOf,
    Project: allProjects,
    Goal: block => stagesOf(block).flatMap(stage => stage.goals),
    Metric: 'container',
    Story: allStories,
    Action: allActions
} as const satisfies { readonly [K in DeclarationKind]: ((block: Block) => readonly AdoptAstType[K][]) | 'container' | 'file' };

/** The kinds whose names differ in the whole block. */
export type PlanWideKind = { [K in DeclarationKind]: (typeof NAMESPACES)[K] extends (block: Block) => unknown ? K : never }[DeclarationKind];

/** The kinds a shared block declares, which a plan sees when its file uses the shared file. */
export const SHARED_KINDS = ['Member', 'Channel', 'Initiative'] as const satisfies readonly PlanWideKind[];
export type SharedKind = (typeof SHARED_KINDS)[number];

export function isDeclarationKind(type: string): type is DeclarationKind {
    return Object.hasOwn(DECLARATION_KEYWORDS, type);
}

export function isDeclaration(node: AstNode): node is Declaration {
    return isDeclarationKind(node.$type);
}

/** The entry of a table per kind for `type`, or undefined when `type` is not one of its kinds. */
export function entryFor<T>(table: { readonly [kind: string]: T }, type: string): T | undefined {
    return Object.hasOwn(table, type) ? table[type] : undefined;
}

/** A word with its indefinite article: `a member`, `an action`. */
export function withArticle(word: string): string {
    return `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
}

/** A function per kind, each taking a node of its kind. */
export type PerKind<K extends keyof AdoptAstType, R> = { readonly [T in K]: (node: AdoptAstType[T]) => R };

/** The result of the function that `table` has for the kind of `node`; undefined when it has none. */
export function applyFor<K extends keyof AdoptAstType, R>(table: PerKind<K, R>, node: AstNode): R | undefined {
    const apply = entryFor<(node: never) => R>(table, node.$type);
    // The key is the node's own type: the function takes nodes of that type.
    return apply?.(node as never);
}
