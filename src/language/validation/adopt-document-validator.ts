/**
 * Langium reports lexing, parsing and linking problems itself, with programmer-speak messages and
 * no LSP code. Here they become `syntax-error` and `unresolved-reference` diagnostics in words.
 */
import {
    AstUtils, Cancellation, DefaultDocumentValidator, diagnosticData, type AstNode, type LangiumCoreServices, type LangiumDocument, type ParseResult,
    type ValidationAcceptor, type ValidationOptions
} from 'langium';
import { isAdoptFile } from '../generated/ast.js';
import { writtenPath } from './use-checks.js';
import type { Diagnostic, Position, Range } from 'vscode-languageserver-types';
import type { AdoptServices } from '../adopt-module.js';
import type { AdoptRuleControl } from './rule-control.js';
import { capSyntaxErrors } from '../parser/syntax-error-cap.js';
import { dateKeywords, malformedDateAt, malformedDateMessage, type MalformedDate } from '../parser/date-syntax.js';
import { mayLeaveOutDeclarations, replacementOf } from '../parser/parse-errors.js';
import { IssueCodes } from './issue-codes.js';
import { didYouMean, similarNames } from './name-suggestions.js';
import { DECLARATION_KEYWORDS, entryFor, type ReferencedKind } from '../model/declaration-kinds.js';

/** What to do about a name that is not declared, for each kind a reference names. */
const DECLARE_HINTS: Readonly<Record<ReferencedKind, string>> = {
    Member: 'Add them to the coalition, or correct the name.',
    Channel: 'Declare it with channel NAME "Title" on PLATFORM, or correct the name.',
    Initiative: 'Declare it with initiative NAME "Title", or correct the name.',
    Stage: 'Declare that stage, or correct the name.',
    Project: 'Declare that project in a stage, or correct the name.',
    Shared: 'Name a shared .adopt file, relative to this file\'s folder.'
};

/** How many name comparisons a validation may make for "did you mean" suggestions (tens of milliseconds). */
const SUGGESTION_BUDGET = 1_000_000;

export class AdoptDocumentValidator extends DefaultDocumentValidator {
    private readonly reflection: LangiumCoreServices['shared']['AstReflection'];
    private readonly scopeProvider: LangiumCoreServices['references']['ScopeProvider'];
    /** Severities in force and suppressions (docs/configuration.md), asked for when first used. */
    private readonly ruleControl: () => AdoptRuleControl;

    /** The words a date follows (`due`, `from`, `to`), from the grammar. */
    private readonly dateWords: ReadonlySet<string>;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.dateWords = dateKeywords(services.Grammar);
        this.reflection = services.shared.AstReflection;
        this.scopeProvider = services.references.ScopeProvider;
        this.ruleControl = () => (services as AdoptServices).config.RuleControl;
    }

    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken = Cancellation.CancellationToken.None): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        // Severities in force and adopt-ignore suppressions (docs/configuration.md), in one place.
        return this.ruleControl().apply(document, diagnostics, options);
    }

    protected override async validateAstNodes(
        rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken = Cancellation.CancellationToken.None
    ): Promise<void> {
        return super.validateAstNodes(rootNode, options, this.placingInThisFile(rootNode, acceptor), cancelToken);
    }

    /**
     * The acceptor for the checks of a file: a diagnostic whose place is a declaration in a file
     * this one uses (a shared naysayer no story reaches) sits instead on the path of the `use`
     * that brings that file in, and its message names the declaration and the file
     * (docs/language.md#plans-in-many-files). A file without `use` gets the acceptor as it is.
     */
    protected placingInThisFile(root: AstNode, acceptor: ValidationAcceptor): ValidationAcceptor {
        if (!isAdoptFile(root) || root.uses.length === 0) return acceptor;
        const uses = root.uses;
        return (severity, message, info) => {
            const elsewhere = AstUtils.findRootNode(info.node);
            if (elsewhere === root) {
                acceptor(severity, message, info);
                return;
            }
            const use = uses.find(candidate => candidate.shared?.ref?.$container === elsewhere);
            if (!use) return;
            const name = (info.node as { name?: unknown }).name;
            const kind = entryFor(DECLARATION_KEYWORDS, info.node.$type) ?? 'declaration';
            const declared = typeof name === 'string' ? `The ${kind} '${name}' is declared in ${writtenPath(use)}.` : `It is declared in ${writtenPath(use)}.`;
            acceptor(severity, `${message} ${declared}`, {
                node: use,
                property: 'shared',
                code: info.code,
                data: { ...(info.data as Record<string, unknown> | undefined), declaredIn: use.shared.$refText, ...(typeof name === 'string' ? { declaration: name } : {}) }
            });
        };
    }

    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const start = diagnostics.length;
        super.processLexingErrors(parseResult, diagnostics, options);
        const errors = lexingErrors(parseResult);
        const fullText = parseResult.value?.$cstNode?.root.fullText;
        const dates = this.malformedDates(parseResult);
        const reported = new Set<MalformedDate>();
        const repeated = new Set<number>();
        for (let i = start; i < diagnostics.length; i++) {
            const error = errors[i - start];
            // A date written another way (`27-1-1`): one message for the whole of it.
            const date = error ? dates.get(error) : undefined;
            if (date && reported.has(date.date)) {
                repeated.add(i);
                continue;
            }
            const text = error ? lexedText(error, fullText) : '';
            diagnostics[i] = {
                ...diagnostics[i],
                ...(date ? { range: date.range } : {}),
                code: IssueCodes.SyntaxError,
                message: date ? malformedDateMessage(date.date) : unexpectedCharacterMessage(text),
                data: diagnosticData(IssueCodes.SyntaxError)
            };
            if (date) reported.add(date.date);
        }
        removeAt(diagnostics, repeated);
    }

    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const start = diagnostics.length;
        super.processParsingErrors(parseResult, diagnostics, options);
        const malformed = [...this.malformedDates(parseResult).values()].map(date => date.range);
        // Parse errors the lexer's errors already tell: in a malformed date, after an unclosed title or comment.
        const toldByTheLexer = new Set<number>();
        for (let i = start; i < diagnostics.length; i++) {
            // The parser missed a date where a malformed one stands: the lexing error already says so.
            if (malformed.some(range => contains(range, diagnostics[i].range.start))) toldByTheLexer.add(i);
            // A word read as a keyword it is close to (the fast build's parser): the keyword, for the quick fix.
            const replacement = replacementOf(parseResult.parserErrors[i - start]);
            const data = typeof replacement === 'string' ? { ...diagnosticData(IssueCodes.SyntaxError), replacement } : diagnosticData(IssueCodes.SyntaxError);
            diagnostics[i] = { ...diagnostics[i], code: IssueCodes.SyntaxError, data };
        }
        // After a title without its closing quote (the rest of its line) or a comment never closed
        // (the rest of the file), the lexer reads the words as names: what the parser then finds
        // says nothing more than the lexer's error.
        const unclosed = diagnostics.slice(0, start).filter(error => error.code === IssueCodes.SyntaxError && UNCLOSED.test(String(error.message)));
        for (let i = start; i < diagnostics.length; i++) {
            const at = diagnostics[i].range.start;
            if (unclosed.some(error => isTitle(error) ? at.line === error.range.start.line && at.character > error.range.start.character : isAfter(at, error.range.start))) {
                toldByTheLexer.add(i);
            }
        }
        removeAt(diagnostics, toldByTheLexer);
        capSyntaxErrors(diagnostics);
    }

    /** The lexing errors that stand in a malformed date (`27-1-1` after `due`), with the date and its range. */
    private malformedDates(parseResult: ParseResult): Map<LexingError, { date: MalformedDate; range: Range }> {
        const found = new Map<LexingError, { date: MalformedDate; range: Range }>();
        const fullText = parseResult.value?.$cstNode?.root.fullText;
        if (fullText === undefined) return found;
        const byOffset = new Map<number, { date: MalformedDate; range: Range }>();
        for (const error of lexingErrors(parseResult)) {
            if (typeof error.offset !== 'number' || typeof error.line !== 'number' || typeof error.column !== 'number') continue;
            const date = malformedDateAt(fullText, error.offset, this.dateWords);
            if (!date) continue;
            let entry = byOffset.get(date.offset);
            if (!entry) {
                // A date stands on one line: its start is as far before the error's column as its offset is.
                const character = error.column - 1 - (error.offset - date.offset);
                const line = error.line - 1;
                entry = { date, range: { start: { line, character }, end: { line, character: character + date.text.length } } };
                byOffset.set(date.offset, entry);
            }
            found.set(error, entry);
        }
        return found;
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        // A name's declaration may be in text a syntax error left out: "there is no X" could be false.
        if (mayLeaveOutDeclarations(document.parseResult)) return;
        const budget = { remaining: SUGGESTION_BUDGET };
        for (const reference of document.references) {
            const error = reference.error;
            if (!error) continue;
            const info = error.info;
            const type = this.reflection.getReferenceType(info);
            // A `use` whose path leads to no shared file: use-not-found or use-not-shared (use-checks.ts).
            if (type === 'Shared') continue;
            const words = { kind: entryFor(DECLARATION_KEYWORDS, type) ?? 'declaration', hint: entryFor(DECLARE_HINTS, type) ?? 'Declare it, or correct the name.' };
            const name = info.reference.$refText;
            const suggestions = similarNames(name, this.scopeProvider.getScope(info).getAllElements().map(d => d.name), budget);
            diagnostics.push(
                this.toDiagnostic('error', `There is no ${words.kind} named '${name}' in this plan.${didYouMean(suggestions)} ${words.hint}`, {
                    node: info.container,
                    range: reference.$refNode?.range,
                    property: info.property,
                    index: info.index,
                    code: IssueCodes.UnresolvedReference,
                    data: { kind: words.kind, name, suggestions, ...diagnosticData(IssueCodes.UnresolvedReference) }
                })
            );
        }
    }
}

const UNCLOSED = /^(This title has no closing double quote|This comment is never closed)/;
const isTitle = (error: Diagnostic) => String(error.message).startsWith('This title');
const isAfter = (a: Position, b: Position) => a.line > b.line || (a.line === b.line && a.character > b.character);

/** A lexing error as the parse result holds it. */
type LexingError = ReturnType<typeof lexingErrors>[number];

function lexingErrors(parseResult: ParseResult) {
    return [...parseResult.lexerErrors, ...(parseResult.lexerReport?.diagnostics ?? [])];
}

function contains(range: Range, position: Position): boolean {
    const after = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
    const before = position.line < range.end.line || (position.line === range.end.line && position.character < range.end.character);
    return after && before;
}

/** Removes the entries at the given indexes, in place. */
function removeAt<T>(list: T[], indexes: ReadonlySet<number>): void {
    if (indexes.size === 0) return;
    const kept = list.filter((_, index) => !indexes.has(index));
    list.length = 0;
    list.push(...kept);
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
