/**
 * The fast build changes nothing anyone sees in a plan without syntax errors:
 * `createAdoptServices({ fastBuild: false })` (plain Langium) and `createAdoptServices()` (the
 * fast build, src/language/fast-build/) give the same
 * diagnostics (code, severity, message, range), rank results, hover texts, document symbols,
 * folding ranges, semantic tokens, code lenses, definitions, references, code actions, completions
 * and formatting edits, and the same answer from every method of `services.syntax.Facts` on
 * every node of the tree. Compared on every example plan, every acceptance plan, generated plans
 * of a few hundred projects, plans generated from the grammar (valid, mutated, garbage), and a
 * document edited step by step (incremental updates on the fast side). A plan with syntax errors
 * is broken on both sides, and the fast side answers every question about it (its recovery and
 * its messages are its own: recovery.test.ts).
 *
 * The fast side must have taken the fast path (its parser's counts), so that the comparison
 * cannot pass with the fast build switched off.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import {
    AstUtils, DefaultIndexManager, DefaultLinker, GrammarAST, GrammarUtils, URI, isReference, type AstNode, type LangiumDocument
} from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import { createAdoptServices, type AdoptServices } from '../../../src/language/adopt-module.js';
import { FastBuildParser } from '../../../src/language/fast-build/fast-build-parser.js';
import { FastIndexManager } from '../../../src/language/fast-build/index-manager.js';
import { FastLinker } from '../../../src/language/fast-build/linking.js';
import type { AdoptFile } from '../../../src/language/generated/ast.js';
import { AdoptParser } from '../../../src/language/parser/adopt-parser.js';
import { generatePlan, toAdopt } from '../../../bench/generate-plan.js';
import { garbage, mutatedPlan, validPlan } from '../../support/plan-arbitraries.js';

type Services = ReturnType<typeof createAdoptServices>;

const plain: Services = createAdoptServices({ fastBuild: false });
const fast: Services = createAdoptServices();
const fastParser = fast.Adopt.parser.LangiumParser as FastBuildParser;

const ROOT = resolve(__dirname, '../../..');
const plansIn = (folder: string): Array<[string, string]> => readdirSync(resolve(ROOT, folder)).filter(name => name.endsWith('.adopt')).sort()
    .map(name => [`${folder}/${name}`, readFileSync(resolve(ROOT, folder, name), 'utf8')]);

const EXAMPLES = plansIn('examples');
const ACCEPTANCE = plansIn('tests/acceptance/plans');
const GENERATED: Array<[string, string]> = [[300, 20260501], [200, 7]].map(([projects, seed]) =>
    [`a generated plan of ${projects} projects (seed ${seed})`, toAdopt(generatePlan({ projects, seed }))]);

const takesTerminal = (rule: GrammarAST.ParserRule) => AstUtils.streamAst(rule.definition)
    .some(element => GrammarAST.isRuleCall(element) && GrammarAST.isTerminalRule(element.rule.ref));

/** For each node type, the keywords its rules and the data type rules they call write (the node's own tokens), and one they do not. */
const keywordsByType = (() => {
    const byType = new Map<string, Set<string>>();
    const all = new Set<string>();
    const collect = (rule: GrammarAST.ParserRule, into: Set<string>, seen: Set<GrammarAST.ParserRule>) => {
        if (seen.has(rule)) return;
        seen.add(rule);
        for (const element of AstUtils.streamAst(rule.definition)) {
            if (GrammarAST.isKeyword(element)) into.add(element.value);
            // Not the words a name may be (`Name: ID | 'medium' | …`): a name is no keyword of its node.
            if (GrammarAST.isRuleCall(element) && GrammarAST.isParserRule(element.rule.ref) && !takesTerminal(element.rule.ref)
                && (GrammarUtils.isDataTypeRule(element.rule.ref) || element.rule.ref.fragment)) collect(element.rule.ref, into, seen);
        }
    };
    for (const rule of fast.Adopt.Grammar.rules) {
        if (!GrammarAST.isParserRule(rule) || GrammarUtils.isDataTypeRule(rule) || rule.fragment) continue;
        const type = GrammarUtils.getRuleTypeName(rule);
        const keywords = byType.get(type) ?? new Set<string>();
        collect(rule, keywords, new Set());
        byType.set(type, keywords);
        keywords.forEach(keyword => all.add(keyword));
    }
    return (type: string): string[] => {
        const own = [...(byType.get(type) ?? [])];
        return [...own, [...all].find(keyword => !own.includes(keyword))!];
    };
})();

const INDEXES = [undefined, 0, 1, 3];

/** Every answer of the syntax facts about every node of a tree (nodes by their path). */
function factsOf(services: AdoptServices, root: AstNode): unknown[] {
    const facts = services.syntax.Facts;
    const locator = services.workspace.AstNodeLocator;
    const answers: unknown[] = [facts.nodes(root).map(node => locator.getAstNodePath(node)), facts.comments(root)];
    for (const node of facts.nodes(root)) {
        answers.push(locator.getAstNodePath(node), facts.start(node), facts.diagnosticRange({ node }));
        for (const property of [...Object.keys(services.shared.AstReflection.getTypeMetaData(node.$type).properties), 'nothing']) {
            answers.push(facts.propertyRanges(node, property));
            for (const index of INDEXES) answers.push(facts.propertyRange(node, property, index), facts.diagnosticRange({ node, property, index }));
        }
        for (const keyword of keywordsByType(node.$type)) {
            for (const index of INDEXES) answers.push(facts.keywordRange(node, keyword, index), facts.diagnosticRange({ node, keyword, index }));
        }
    }
    return answers;
}

/** Positions worth asking about: each name and reference (its start and its middle), and a few spread over the text; at most `limit`. */
function positionsOf(services: AdoptServices, document: LangiumDocument, limit: number): Position[] {
    const text = document.textDocument;
    const offsets = new Set<number>([0, text.getText().length]);
    for (let i = 1; i < 8; i++) offsets.add(Math.floor((text.getText().length * i) / 8));
    for (const node of AstUtils.streamAst(document.parseResult.value)) {
        const named = services.references.NameProvider.getNameNode(node);
        const cst = [named, ...AstUtils.streamReferences(node).map(({ reference }) => reference.$refNode).toArray()];
        for (const at of cst) {
            if (at) offsets.add(at.offset).add(at.offset + (at.length >> 1));
        }
    }
    const all = [...offsets].sort((a, b) => a - b);
    const step = Math.max(1, Math.ceil(all.length / limit));
    return all.filter((_, i) => i % step === 0).map(offset => text.positionAt(offset));
}

/** What the services answer about a built document, section by section. */
async function answersOf(services: AdoptServices, document: LangiumDocument<AdoptFile>, positions: Position[]): Promise<Record<string, unknown>> {
    const lsp = services.lsp as Required<AdoptServices['lsp']>;
    const textDocument = { uri: document.uri.toString() };
    const diagnostics = document.diagnostics ?? [];
    const whole = { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(document.textDocument.getText().length) };
    const at = async <T>(ask: (position: Position) => Promise<T> | T, limit = positions.length) => {
        const answers: T[] = [];
        const step = Math.max(1, Math.ceil(positions.length / limit));
        for (let i = 0; i < positions.length; i += step) answers.push(await ask(positions[i]));
        return answers;
    };
    return {
        diagnostics: diagnostics.map(({ code, severity, message, range }) => ({ code, severity, message, range })),
        rank: services.score.RankResults.of(document),
        hover: await at(position => lsp.HoverProvider.getHoverContent(document, { textDocument, position })),
        symbols: await lsp.DocumentSymbolProvider.getSymbols(document, { textDocument }),
        folding: await lsp.FoldingRangeProvider.getFoldingRanges(document, { textDocument }),
        semanticTokens: (await lsp.SemanticTokenProvider.semanticHighlight(document, { textDocument })).data,
        codeLenses: await lsp.CodeLensProvider.provideCodeLens(document, { textDocument }),
        definitions: await at(position => lsp.DefinitionProvider.getDefinition(document, { textDocument, position })),
        references: await at(position => lsp.ReferencesProvider.findReferences(document, { textDocument, position, context: { includeDeclaration: true } })),
        // The quick fixes of (at most) 60 diagnostics spread over the plan: each builds its edits.
        codeActions: await lsp.CodeActionProvider.getCodeActions(document, {
            textDocument, range: whole, context: { diagnostics: diagnostics.filter((_, i) => i % Math.ceil(diagnostics.length / 60) === 0) }
        }),
        // Completion lexes the whole text at each position: a few positions suffice.
        completion: await at(position => lsp.CompletionProvider.getCompletion(document, { textDocument, position }), 16),
        formatting: await lsp.Formatter.formatDocument(document, { textDocument, options: { tabSize: 2, insertSpaces: true } }),
        facts: factsOf(services, document.parseResult.value)
    };
}

let opened = 0;

/** Whether a built document has syntax errors (lexer or parser). */
const broken = (document: LangiumDocument) => document.parseResult.lexerErrors.length + document.parseResult.parserErrors.length > 0;

/**
 * Compares what both sides answer about a document: every answer for a text without syntax
 * errors; for one with errors (where each parser recovers its own way and words its own
 * messages), that both find it broken, and that the fast side answers every question too.
 */
async function expectSame(plainDocument: LangiumDocument<AdoptFile>, fastDocument: LangiumDocument<AdoptFile>, positionLimit: number): Promise<void> {
    const positions = positionsOf(plain.Adopt, plainDocument, positionLimit);
    const ours = await answersOf(fast.Adopt, fastDocument, positions);
    expect(broken(fastDocument)).toBe(broken(plainDocument));
    if (broken(plainDocument)) {
        const syntaxErrors = (answers: Record<string, unknown>) => (answers.diagnostics as Array<{ code: string }>).some(diagnostic => diagnostic.code === 'syntax-error');
        expect(syntaxErrors(ours) || fastDocument.parseResult.lexerErrors.length > 0).toBe(true);
        return;
    }
    const expected = await answersOf(plain.Adopt, plainDocument, positions);
    for (const section of Object.keys(expected)) expect(ours[section], section).toEqual(expected[section]);
}

/** Builds the text in both modes, compares their answers (`expectSame`), closes both documents; whether the text is free of syntax errors. */
async function expectSameAnswers(text: string, positionLimit = 400): Promise<boolean> {
    const uri = URI.parse(`file:///modes/plan-${opened++}.adopt`);
    const open = async (services: Services) => {
        const document = services.shared.workspace.LangiumDocumentFactory.fromString<AdoptFile>(text, uri);
        services.shared.workspace.LangiumDocuments.addDocument(document);
        await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
        return document;
    };
    const fastBefore = fastParser.counts.fast;
    const [plainDocument, fastDocument] = [await open(plain), await open(fast)];
    try {
        await expectSame(plainDocument, fastDocument, positionLimit);
        // The fast side took the fast path, whatever the text.
        expect(fastParser.counts.fast).toBeGreaterThan(fastBefore);
        expect(fast.Adopt.syntax.Facts.builtBy(fastDocument.parseResult.value)).toBe('fast');
        expect(plain.Adopt.syntax.Facts.builtBy(plainDocument.parseResult.value)).toBe('langium');
        return !broken(plainDocument);
    } finally {
        await plain.shared.workspace.DocumentBuilder.update([], [uri]);
        await fast.shared.workspace.DocumentBuilder.update([], [uri]);
    }
}

describe('plain Langium and the fast build give the same answers', () => {
    const fastAtStart = fastParser.counts.fast;

    afterAll(() => {
        // The comparisons ran on the fast path: a fast build switched off cannot pass them.
        expect(fastParser.counts.fast - fastAtStart).toBeGreaterThan(EXAMPLES.length + 20);
    });

    test('plain Langium has none of the fast build; the fast build has all of it', () => {
        expect(plain.Adopt.parser.LangiumParser).toBeInstanceOf(AdoptParser);
        expect(plain.Adopt.parser.LangiumParser).not.toBeInstanceOf(FastBuildParser);
        expect(plain.Adopt.references.Linker).toBeInstanceOf(DefaultLinker);
        expect(plain.Adopt.references.Linker).not.toBeInstanceOf(FastLinker);
        expect(plain.shared.workspace.IndexManager.constructor).toBe(DefaultIndexManager);
        expect((plain.Adopt as Partial<{ fastBuild: unknown }>).fastBuild).toBeUndefined();
        expect(fastParser).toBeInstanceOf(FastBuildParser);
        expect(fastParser.fastParserOff).toBeUndefined();
        expect(fast.Adopt.references.Linker).toBeInstanceOf(FastLinker);
        expect(fast.shared.workspace.IndexManager).toBeInstanceOf(FastIndexManager);
    });

    test.each(EXAMPLES)('%s', async (_name, text) => {
        expect(await expectSameAnswers(text)).toBe(true);
    });

    test.each(ACCEPTANCE)('%s', async (_name, text) => {
        await expectSameAnswers(text);
    });

    test.each(GENERATED)('%s', async (_name, text) => {
        expect(await expectSameAnswers(text, 300)).toBe(true);
    });

    test('a workspace of plans that use a shared file (examples/northfield-network): every file', async () => {
        const folder = resolve(ROOT, 'examples/northfield-network');
        const paths = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter(name => name.endsWith('.adopt')).sort();
        expect(paths.length).toBe(4);
        const uriOf = (path: string) => URI.parse(`file:///modes/network-${opened}/${path}`);
        const open = async (services: Services) => {
            const documents = paths.map(path => {
                const document = services.shared.workspace.LangiumDocumentFactory.fromString<AdoptFile>(readFileSync(resolve(folder, path), 'utf8'), uriOf(path));
                services.shared.workspace.LangiumDocuments.addDocument(document);
                return document;
            });
            await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
            return documents;
        };
        const [plainDocuments, fastDocuments] = [await open(plain), await open(fast)];
        try {
            for (let i = 0; i < paths.length; i++) {
                expect(fast.Adopt.syntax.Facts.builtBy(fastDocuments[i].parseResult.value), paths[i]).toBe('fast');
                await expectSame(plainDocuments[i], fastDocuments[i], 200);
            }
            // The plans resolve the shared names in both modes (a comparison of two failures would pass too).
            const cardiology = fastDocuments[paths.indexOf('cardiology.adopt')];
            expect(AstUtils.streamAst(cardiology.parseResult.value).flatMap(node => AstUtils.streamReferences(node)).every(({ reference }) => isReference(reference) && reference.ref !== undefined)).toBe(true);
        } finally {
            const uris = paths.map(uriOf);
            opened++;
            await plain.shared.workspace.DocumentBuilder.update([], uris);
            await fast.shared.workspace.DocumentBuilder.update([], uris);
        }
    });

    test('plans generated from the grammar: valid, mutated and garbage (fast-check)', async () => {
        let valid = 0;
        let brokenTexts = 0;
        await fc.assert(fc.asyncProperty(fc.oneof({ weight: 3, arbitrary: validPlan }, { weight: 3, arbitrary: mutatedPlan }, { weight: 1, arbitrary: garbage }), async text => {
            if (await expectSameAnswers(text, 60)) valid++;
            else brokenTexts++;
        }), { numRuns: 120, seed: 4242 });
        expect(valid).toBeGreaterThan(20);
        expect(brokenTexts).toBeGreaterThan(20);
    });

    test('a document edited step by step (incremental updates on the fast side; fast-check)', async () => {
        const uri = URI.parse('file:///modes/edited.adopt');
        const start = toAdopt(generatePlan({ projects: 30, seed: 3 }));
        const documents = (services: Services) => services.shared.workspace.TextDocuments!;
        const open = async (services: Services) => {
            documents(services).set(TextDocument.create(uri.toString(), 'adopt', 1, start));
            const document = services.shared.workspace.LangiumDocumentFactory.fromTextDocument<AdoptFile>(documents(services).get(uri.toString())!, uri);
            services.shared.workspace.LangiumDocuments.addDocument(document);
            await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
            return document;
        };
        const edit = async (services: Services, text: string, version: number) => {
            documents(services).set(TextDocument.create(uri.toString(), 'adopt', version, text));
            await services.shared.workspace.DocumentBuilder.update([uri], []);
        };
        const [plainDocument, fastDocument] = [await open(plain), await open(fast)];
        const incremental = () => Object.values(fastParser.counts.incremental).reduce((sum, count) => sum + count, 0);
        const before = incremental();
        // Edits of trait levels, names and members, some breaking the plan for a step.
        const edits = fc.sample(fc.tuple(fc.nat(), fc.constantFrom(
            (t: string, n: number) => replaceNth(t, /asynchrony (low|medium|high)/g, n, 'asynchrony medium'),
            (t: string, n: number) => replaceNth(t, /geography( (low|medium|high))?/g, n, 'geography low'),
            (t: string, n: number) => replaceNth(t, /involves (\w+)/g, n, 'involves m1'),
            (t: string, n: number) => replaceNth(t, /unit "/g, n, 'unit "East '),
            (t: string, n: number) => replaceNth(t, /project p(\d+) "/g, n, 'project renamed "'),
            (t: string, n: number) => replaceNth(t, /\{/g, n, '{ {')
        )), { numRuns: 12, seed: 77 });
        let text = start;
        try {
            for (const [n, change] of edits) {
                text = change(text, n);
                await edit(plain, text, opened);
                await edit(fast, text, opened++);
                await expectSame(plainDocument, fastDocument, 60);
                if (text.includes('{ {')) text = text.replace('{ {', '{');
            }
            expect(incremental() - before).toBeGreaterThan(3);
        } finally {
            for (const services of [plain, fast]) {
                await services.shared.workspace.DocumentBuilder.update([], [uri]);
                documents(services).delete(uri.toString());
            }
        }
    });
});

/** The text with the `n`-th match (counting round) of a global pattern replaced. */
function replaceNth(text: string, pattern: RegExp, n: number, replacement: string): string {
    const matches = [...text.matchAll(pattern)];
    if (matches.length === 0) return text;
    const match = matches[n % matches.length];
    return text.slice(0, match.index) + replacement + text.slice(match.index + match[0].length);
}
