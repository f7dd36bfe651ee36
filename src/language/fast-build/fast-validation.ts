/**
 * The validation phase of the fast build: the same diagnostics as Langium's, less work.
 * - FastDocumentValidator: Langium's loop over the nodes, with the same nodes in the same order
 *   listed once per tree (syntax-trees.ts) instead of a stream of iterators per node, each node
 *   type's checks looked up once per run; diagnostics without the fields Langium leaves
 *   undefined, their ranges found without making leaves (fast-syntax-facts.ts).
 * - FastValidationRegistry: Langium's registry wraps every check in two async functions, so each
 *   check of each node costs several promises even when it runs synchronously, as all of Adopt's
 *   checks do; this one runs a synchronous check synchronously (and awaits only a check that
 *   returns a promise). A check that throws is reported as Langium reports it: an error diagnostic
 *   on the node, the error on the console, and cancellation passed on.
 * - After an incremental update, the nodes the edit cannot have changed keep the diagnostics of
 *   the version before instead of being checked again (kept-diagnostics.ts): a project (or goal,
 *   or action) and all it holds at once, without a visit to each node, when none of its
 *   diagnostics moves; the plan-wide rules that say what they read, when the edit changed none of
 *   it. The rest is checked as always.
 */
import {
    AstUtils, Cancellation, DefaultDocumentValidator, interruptAndCheck, isOperationCancelled, toDiagnosticSeverity, ValidationRegistry, type AstNode,
    type DiagnosticInfo, type LangiumDocument, type ValidationAcceptor, type ValidationCheck, type ValidationOptions, type ValidationSeverity
} from 'langium';
import type { Diagnostic, Position, Range } from 'vscode-languageserver-types';
import type { SyntaxFacts } from '../parser/syntax-facts.js';
import { mayLeaveOutDeclarations } from '../parser/parse-errors.js';
import { AdoptDocumentValidator } from '../validation/adopt-document-validator.js';
import { CHECKS_READ, carryRuleReads, ruleReads } from '../validation/adopt-validator.js';
import { isAdoptFile } from '../generated/ast.js';
import type { Today } from '../model/today.js';
import { compare, DiagnosticsReuse, typeBits, type KeptDiagnostics, type KeptSubtree } from './kept-diagnostics.js';
import type { FastBuildCoreServices } from './linking.js';
import type { TreeState } from './tree-state.js';

/** How many nodes to validate between two checks for cancellation (a node takes about a microsecond). */
const NODES_PER_CHECK = 256;

const defaultNodeOptions = DefaultDocumentValidator.prototype['validateSingleNodeOptions' as keyof DefaultDocumentValidator];

export class FastDocumentValidator extends AdoptDocumentValidator {
    private readonly services: FastBuildCoreServices;
    private readonly facts: SyntaxFacts;

    private readonly today: () => Today;
    /** The diagnostics of each validated tree, by its identity (tree-state.ts), for the next version's validation. */
    private readonly kept = new WeakMap<object, KeptDiagnostics>();
    /**
     * Nodes checked, nodes whose diagnostics were kept from the version before (by type); by the
     * last run, plan-wide rules whose diagnostics were kept, subtrees taken whole, and the entries
     * its maps by node hold for the next (tests read them).
     */
    readonly counts = { checked: 0, kept: {} as Record<string, number>, keptRules: 0, keptWhole: 0, entries: 0 };
    /** The diagnostics of the AST's checks being made (`validateAst`). */
    private items: Diagnostic[] | undefined;

    constructor(services: FastBuildCoreServices & { readonly syntax: { readonly Facts: SyntaxFacts }; readonly model: { readonly Today: Today } }) {
        super(services);
        this.services = services;
        this.facts = services.syntax.Facts;
        this.today = () => services.model.Today;
    }

    /** Langium's `validateAst`, with the list of diagnostics at hand for the kept ones. */
    protected override async validateAst(rootNode: AstNode, options: ValidationOptions, cancelToken = Cancellation.CancellationToken.None): Promise<Diagnostic[]> {
        const items: Diagnostic[] = [];
        const acceptor: ValidationAcceptor = (severity, message, info) => {
            items.push(this.toDiagnostic(severity, message, info));
        };
        this.items = items;
        try {
            await this.validateAstBefore(rootNode, options, acceptor, cancelToken);
            await this.validateAstNodes(rootNode, options, acceptor, cancelToken);
            await this.validateAstAfter(rootNode, options, acceptor, cancelToken);
        } finally {
            this.items = undefined;
        }
        return items;
    }

    protected override async validateAstNodes(
        rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken = Cancellation.CancellationToken.None
    ): Promise<void> {
        const items = this.items;
        // Langium's own loop when profiling, or when a subclass skips some nodes or subtrees.
        if (!items || this.profiler?.isActive('validating') || this['validateSingleNodeOptions' as keyof this] !== defaultNodeOptions) {
            return super.validateAstNodes(rootNode, options, acceptor, cancelToken);
        }
        acceptor = this.placingInThisFile(rootNode, acceptor);
        const checksByType = new Map<string, ValidationCheck[]>();
        const trees = this.services.fastBuild.SyntaxTrees;
        const nodes = trees.nodes(rootNode);
        const state = trees.stateOf(rootNode);
        const context = this.contextOf(rootNode, options);
        // A file that uses others is checked in full: its diagnostics also follow the used files,
        // whose edits are no edit of this tree.
        const usesOthers = isAdoptFile(rootNode) && rootNode.uses.length > 0;
        const reuse = state && !usesOthers ? this.reuseFor(state, context) : undefined;
        const { byNode, subtrees } = reuse?.takeMaps() ?? { byNode: new Map<AstNode, readonly Diagnostic[]>(), subtrees: new Map<AstNode, KeptSubtree>() };
        if (reuse && state?.edit) this.kept.delete(state.edit.from);
        const byRule = new Map<object, readonly Diagnostic[]>();
        this.counts.keptRules = 0;
        this.counts.keptWhole = 0;
        // The subtrees being walked whose diagnostics may be kept whole (innermost last). They are
        // recorded by a run that keeps diagnostics: a version validated in full (a plan opened, or
        // parsed again whole) does not pay for them; the first edit after it records them.
        const open: OpenSubtree[] = [];
        const close = (end: number) => {
            const subtree = open.pop()!;
            // A node alone keeps its diagnostics as well by `byNode`.
            if (!subtree.whole || end - subtree.at === 1) {
                subtrees.delete(subtree.node);
                return;
            }
            const found = items.slice(subtree.itemsAt);
            const [first, last] = bounds(found);
            subtrees.set(subtree.node, { size: end - subtree.at, items: found, types: subtree.types, first, last });
        };
        const planNode = isAdoptFile(rootNode) ? rootNode.plan : undefined;
        let visited = 0;
        for (let i = 0; i < nodes.length; i++) {
            // Langium yields to the event loop (so that an edit can cancel this run) once 10 ms
            // have passed; asking after every node costs a clock read and a promise per node.
            if (visited++ % NODES_PER_CHECK === 0) await interruptAndCheck(cancelToken);
            const node = nodes[i];
            while (open.length > 0 && !holds(open[open.length - 1].node, node)) close(i);
            const type = node.$type;
            const keepable = CHECKS_READ[type as keyof typeof CHECKS_READ] !== undefined;
            if (keepable && reuse) {
                const subtree = subtrees.get(node);
                const whole = subtree && reuse.ofSubtree(node, subtree);
                if (subtree && whole) {
                    this.counts.kept[type] = (this.counts.kept[type] ?? 0) + 1;
                    this.counts.keptWhole++;
                    for (const diagnostic of whole) items.push(diagnostic);
                    for (const outer of open) outer.types |= subtree.types;
                    i += subtree.size - 1;
                    continue;
                }
                const reused = reuse.of(node);
                if (reused) {
                    this.counts.kept[type] = (this.counts.kept[type] ?? 0) + 1;
                    for (const diagnostic of reused) items.push(diagnostic);
                    if (reused.length > 0) byNode.set(node, reused);
                    this.opening(open, node, i, items.length - reused.length);
                    continue;
                }
            }
            let checks = checksByType.get(type);
            if (!checks) {
                checks = this.validationRegistry.getChecks(type, options.categories).toArray();
                checksByType.set(type, checks);
            }
            if (!keepable && checks.length > 0) for (const outer of open) outer.whole = false;
            if (keepable && reuse) this.opening(open, node, i, items.length);
            const before = items.length;
            this.counts.checked++;
            // The plan's rules that say what they read (a plan is alone in its file) keep their results like a node.
            const plan = node === planNode;
            for (const check of checks) {
                const reads = plan ? ruleReads(check) : undefined;
                if (reads) {
                    const reusedRule = reuse?.ofRule(check, reads);
                    if (reusedRule) {
                        this.counts.keptRules++;
                        for (const diagnostic of reusedRule) items.push(diagnostic);
                        byRule.set(check, reusedRule);
                        continue;
                    }
                }
                const ruleBefore = items.length;
                const pending = check(node, acceptor, cancelToken);
                if (pending) await pending;
                if (reads) byRule.set(check, items.slice(ruleBefore));
            }
            if (keepable) {
                if (items.length > before) byNode.set(node, items.slice(before));
                else byNode.delete(node);
            }
        }
        while (open.length > 0) close(nodes.length);
        this.counts.entries = byNode.size + subtrees.size;
        if (state) {
            this.kept.set(state.identity, { byNode, subtrees, byRule, context });
            state.edit = undefined;
        }
    }

    /** A node of a kept type, at `at` in the walk: its subtree's diagnostics start at `itemsAt`; a kept type of the subtrees around it. */
    private opening(open: OpenSubtree[], node: AstNode, at: number, itemsAt: number): void {
        const bit = typeBits(CHECKS_READ).get(node.$type) ?? 0;
        for (const outer of open) outer.types |= bit;
        open.push({ node, at, itemsAt, types: bit, whole: true });
    }

    /** The reuse of the diagnostics of the tree this one was made from by an edit, if that tree was validated in the same context. */
    private reuseFor(state: TreeState, context: readonly unknown[]): DiagnosticsReuse | undefined {
        const edit = state.edit;
        const kept = edit && this.kept.get(edit.from);
        return kept && edit ? DiagnosticsReuse.after(kept, context, edit, state, CHECKS_READ) : undefined;
    }

    /**
     * What every check's result depends on besides the tree: today, whether the parse may have
     * left declarations out, the checks that run on the
     * types whose diagnostics are kept (the categories asked for select them), the shared blocks
     * of the files used (a used file parsed again has a new one).
     */
    private contextOf(rootNode: AstNode, options: ValidationOptions): unknown[] {
        // Whether the parse may have left declarations out: the checks of what the plan lacks say nothing then.
        const context: unknown[] = [this.today().current, mayLeaveOutDeclarations(AstUtils.getDocument(rootNode).parseResult)];
        for (const type of Object.keys(CHECKS_READ)) context.push(type, ...this.validationRegistry.getChecks(type, options.categories));
        if (isAdoptFile(rootNode)) for (const use of rootNode.uses) context.push(use.shared?.ref);
        return context;
    }

    /**
     * Langium's diagnostic, without the fields it would leave undefined (a code description,
     * tags, related information: none of Adopt's checks gives them): 24 bytes less a diagnostic,
     * 20,000 diagnostics at 10,000 projects. What a client receives is the same (JSON leaves
     * undefined fields out). Diagnostics in a row on the same place (a project's name: its reach
     * and its untapped traits) share one range object; keeping every range to share it with a
     * diagnostic that comes back to the place later cost more time than the memory it saves.
     */
    protected override toDiagnostic<N extends AstNode>(severity: ValidationSeverity, message: string, info: DiagnosticInfo<N>): Diagnostic {
        const diagnostic: Diagnostic = {
            message,
            range: this.rangeOf(info),
            severity: toDiagnosticSeverity(severity),
            code: info.code,
            data: info.data,
            source: this.getSource()
        };
        if (info.codeDescription !== undefined) diagnostic.codeDescription = info.codeDescription;
        if (info.tags !== undefined) diagnostic.tags = info.tags;
        if (info.relatedInformation !== undefined) diagnostic.relatedInformation = info.relatedInformation;
        return diagnostic;
    }

    /** The last range computed and where (the node, property, keyword, index): kept only while a document is validated. */
    private lastRange: { readonly info: DiagnosticInfo<AstNode>; readonly range: Range } | undefined;

    private rangeOf<N extends AstNode>(info: DiagnosticInfo<N>): Range {
        if (info.range) return info.range;
        const last = this.lastRange;
        if (last && last.info.node === info.node && last.info.property === info.property && last.info.keyword === info.keyword
            && last.info.index === info.index) {
            return last.range;
        }
        const range = this.facts.diagnosticRange(info);
        this.lastRange = { info: info as DiagnosticInfo<AstNode>, range };
        return range;
    }

    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken = Cancellation.CancellationToken.None): Promise<Diagnostic[]> {
        try {
            return await super.validateDocument(document, options, cancelToken);
        } finally {
            this.lastRange = undefined;
        }
    }
}

/** A subtree being walked whose diagnostics may be kept whole (KeptSubtree). */
interface OpenSubtree {
    readonly node: AstNode;
    /** Where it starts in the walk, and its diagnostics in the list being made. */
    readonly at: number;
    readonly itemsAt: number;
    /** Its kept types, as bits (`typeBits`). */
    types: number;
    /** False once a node it holds has checks and is of no kept type. */
    whole: boolean;
}

/** Whether `node` is `ancestor` or held by it. */
function holds(ancestor: AstNode, node: AstNode): boolean {
    for (let at: AstNode | undefined = node; at; at = at.$container) if (at === ancestor) return true;
    return false;
}

/** The earliest start and the latest end of the diagnostics' ranges. */
function bounds(diagnostics: readonly Diagnostic[]): [Position | undefined, Position | undefined] {
    let first: Position | undefined;
    let last: Position | undefined;
    for (const { range } of diagnostics) {
        if (!first || compare(range.start, first) < 0) first = range.start;
        if (!last || compare(range.end, last) > 0) last = range.end;
    }
    return [first, last];
}

const MESSAGE_CONTEXT = 'An error occurred during validation';

export class FastValidationRegistry extends ValidationRegistry {
    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        const wrapper: ValidationCheck = (node, accept, cancelToken) => {
            let result: unknown;
            try {
                result = check.call(thisObj, node, accept, cancelToken);
            } catch (error) {
                reportFailure(error, accept, node);
                return;
            }
            if (isPromiseLike(result)) {
                return Promise.resolve(result).then(() => undefined, (error: unknown) => reportFailure(error, accept, node));
            }
            return;
        };
        carryRuleReads(check, wrapper);
        return wrapper;
    }
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
    return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/** Langium's `handleException`: cancellation goes on; any other error becomes a diagnostic. */
function reportFailure(error: unknown, accept: ValidationAcceptor, node: AstNode): void {
    if (isOperationCancelled(error)) throw error;
    console.error(`${MESSAGE_CONTEXT}:`, error);
    if (error instanceof Error && error.stack) console.error(error.stack);
    const details = error instanceof Error ? error.message : String(error);
    accept('error', `${MESSAGE_CONTEXT}: ${details}`, { node });
}
