/**
 * Langium reports lexing, parsing and linking problems itself, with programmer-speak messages and
 * no LSP code. Here they become `syntax-error` and `unresolved-reference` diagnostics in words.
 */
import {
    Cancellation, DefaultDocumentValidator, diagnosticData, interruptAndCheck, toDiagnosticSeverity, type AstNode,
    type DiagnosticInfo, type LangiumDocument, type ParseResult, type ValidationAcceptor, type ValidationCheck, type ValidationOptions,
    type ValidationSeverity
} from 'langium';
import type { LangiumCoreServices } from 'langium';
import type { AdoptServices } from '../adopt-module.js';
import type { AdoptRuleControl } from './rule-control.js';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { diagnosticRange } from '../model/property-nodes.js';
import { capSyntaxErrors } from '../parser/syntax-error-cap.js';
import { nodesOf } from '../scoping/reference-walk.js';
import { IssueCodes } from './issue-codes.js';

const KIND_WORDS: Record<string, { kind: string; hint: string }> = {
    Member: { kind: 'member', hint: 'Add them to the coalition, or correct the name.' },
    Channel: { kind: 'channel', hint: 'Declare it with channel NAME "Title" on PLATFORM, or correct the name.' },
    Initiative: { kind: 'initiative', hint: 'Declare it with initiative NAME "Title", or correct the name.' },
    Stage: { kind: 'stage', hint: 'Declare that stage, or correct the name.' },
    Project: { kind: 'project', hint: 'Declare that project in a stage, or correct the name.' }
};

/** How many nodes to validate between two checks for cancellation (a node takes about a microsecond). */
const NODES_PER_CHECK = 256;

const defaultNodeOptions = (DefaultDocumentValidator.prototype as unknown as { validateSingleNodeOptions: unknown }).validateSingleNodeOptions;

export class AdoptDocumentValidator extends DefaultDocumentValidator {
    private readonly reflection: LangiumCoreServices['shared']['AstReflection'];
    /** Severities in force and suppressions (SPEC section 9), asked for when first used. */
    private readonly ruleControl: () => AdoptRuleControl;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.reflection = services.shared.AstReflection;
        this.ruleControl = () => (services as AdoptServices).config.RuleControl;
    }

    /**
     * Langium's loop over the nodes, with the same nodes in the same order, listed by a plain walk
     * instead of a stream of iterators per node, and each node type's checks looked up once per
     * run: on a plan of 10,000 projects this loop was a third of the validation time.
     */
    protected override async validateAstNodes(
        rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken = Cancellation.CancellationToken.None
    ): Promise<void> {
        // Langium's own loop when profiling, or when a subclass skips some nodes or subtrees.
        if (this.profiler?.isActive('validating') || this.validateSingleNodeOptions !== defaultNodeOptions) {
            return super.validateAstNodes(rootNode, options, acceptor, cancelToken);
        }
        const checksByType = new Map<string, ValidationCheck[]>();
        // The nodes the parser listed (or one walk per tree), kept for the next validation of the tree.
        const nodes = nodesOf(rootNode);
        for (let i = 0; i < nodes.length; i++) {
            // Langium yields to the event loop (so that an edit can cancel this run) once 10 ms
            // have passed; asking after every node costs a clock read and a promise per node.
            if (i % NODES_PER_CHECK === 0) await interruptAndCheck(cancelToken);
            const node = nodes[i];
            let checks = checksByType.get(node.$type);
            if (!checks) {
                checks = this.validationRegistry.getChecks(node.$type, options.categories).toArray();
                checksByType.set(node.$type, checks);
            }
            for (const check of checks) {
                const pending = check(node, acceptor, cancelToken);
                if (pending) await pending;
            }
        }
    }

    /**
     * Langium's diagnostic, without the fields it would leave undefined (a code description,
     * tags, related information: none of Adopt's checks gives them): 24 bytes less a diagnostic,
     * 20,000 diagnostics at 10,000 projects. What a client receives is the same (JSON leaves
     * undefined fields out). Two diagnostics in a row on the same place (a project's name: its
     * reach and its untapped traits) share one range object.
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
        const range = diagnosticRange(info);
        this.lastRange = { info: info as DiagnosticInfo<AstNode>, range };
        return range;
    }

    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken = Cancellation.CancellationToken.None): Promise<Diagnostic[]> {
        try {
            const diagnostics = await super.validateDocument(document, options, cancelToken);
            // Severities in force and adopt-ignore suppressions (SPEC section 9), in one place.
            return this.ruleControl().apply(document, diagnostics, options);
        } finally {
            this.lastRange = undefined;
        }
    }

    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const start = diagnostics.length;
        super.processLexingErrors(parseResult, diagnostics, options);
        const errors = [...parseResult.lexerErrors, ...(parseResult.lexerReport?.diagnostics ?? [])];
        const fullText = parseResult.value?.$cstNode?.root.fullText;
        for (let i = start; i < diagnostics.length; i++) {
            const error = errors[i - start];
            const text = error ? lexedText(error, fullText) : '';
            diagnostics[i] = {
                ...diagnostics[i],
                code: IssueCodes.SyntaxError,
                message: unexpectedCharacterMessage(text),
                data: diagnosticData(IssueCodes.SyntaxError)
            };
        }
    }

    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const start = diagnostics.length;
        super.processParsingErrors(parseResult, diagnostics, options);
        for (let i = start; i < diagnostics.length; i++) {
            diagnostics[i] = { ...diagnostics[i], code: IssueCodes.SyntaxError, data: diagnosticData(IssueCodes.SyntaxError) };
        }
        capSyntaxErrors(diagnostics);
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        for (const reference of document.references) {
            const error = reference.error;
            if (!error) continue;
            const info = error.info;
            const type = this.reflection.getReferenceType(info);
            const words = KIND_WORDS[type] ?? { kind: 'declaration', hint: 'Declare it, or correct the name.' };
            const name = info.reference.$refText;
            diagnostics.push(
                this.toDiagnostic('error', `There is no ${words.kind} named '${name}' in this plan. ${words.hint}`, {
                    node: info.container,
                    range: reference.$refNode?.range,
                    property: info.property,
                    index: info.index,
                    code: IssueCodes.UnresolvedReference,
                    data: { ...diagnosticData(IssueCodes.UnresolvedReference), kind: words.kind, name }
                })
            );
        }
    }
}

/**
 * The characters a lexing error is about. The lexer skips one character at a time, so an
 * unclosed comment or title shows up as a lone `/` or `"`: read on in the file to tell them apart.
 */
function lexedText(error: { text?: string; message: string; offset?: number }, fullText?: string): string {
    if (fullText !== undefined && typeof error.offset === 'number') {
        const ahead = fullText.slice(error.offset, error.offset + 2);
        if (ahead === '/*' || ahead.startsWith('"')) return ahead;
    }
    if (typeof error.text === 'string') return error.text;
    const match = /->(.*)<-/s.exec(error.message);
    return match ? match[1] : '';
}

/** A message for characters the language has no use for, with the likely fix. */
export function unexpectedCharacterMessage(text: string): string {
    if (text.startsWith('"')) {
        return 'This title has no closing double quote. Close it on the same line: "Title".';
    }
    if (text.startsWith('/*')) {
        return 'This comment is never closed. End it with */.';
    }
    const shown = [...text].slice(0, 10).map(ch => (ch < ' ' || ch === '\u007f' ? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}` : ch)).join('');
    return `Unexpected character${[...text].length > 1 ? 's' : ''} '${shown}'. Names use letters, digits and _; titles go in double quotes; comments start with //.`;
}
