/**
 * Names are identifiers, and every word of the language is one: a plan may name its members,
 * channels, initiatives, stages, goals, metrics, projects, actions and stories `medium`, `staff`,
 * `on`, `plan`, and refer to them. The words come from the grammar (every keyword that the ID
 * terminal matches), so that a keyword added to the language is checked here without an edit.
 *
 * A plan that names everything with one keyword must be answered exactly as the same plan with
 * an ordinary name of the same length in its place: the same diagnostics (with the name in them),
 * the same links, semantic tokens, document symbols, hovers, definitions, completions and
 * formatting; with Langium's parser and with the fast parser (which must have taken its fast
 * path: the grammar stays LL(1)).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { AstUtils, type LangiumDocument } from 'langium';
import { parseHelper } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import { createAdoptServices, type AdoptServices } from '../../../src/language/adopt-module.js';
import { FastBuildParser } from '../../../src/language/fast-build/fast-build-parser.js';
import type { AdoptFile } from '../../../src/language/generated/ast.js';
import { grammarKeywords, namePattern } from '../../../src/language/model/grammar-words.js';
import { AdoptSyntaxProblemWords } from '../../../src/language/parser/syntax-problems.js';
import { validPlan } from '../../support/plan-arbitraries.js';
import { planNamingEverything } from '../../support/plan-fixtures.js';

const plain = createAdoptServices({ fastBuild: false }).Adopt;
const fast = createAdoptServices().Adopt;

/** The keywords that are identifiers, read from the grammar: each must be a name. */
const NAME_KEYWORDS = (() => {
    const pattern = namePattern(fast.Grammar);
    return [...grammarKeywords(fast.Grammar)].filter(word => pattern.test(word)).sort();
})();


/** An identifier of the same length and first letter as a keyword that is no keyword (`mediuq` for `medium`): completion filters by the first. */
function ordinaryName(word: string): string {
    for (const letter of 'qzxjk') {
        const name = word.slice(0, -1) + letter;
        if (!grammarKeywords(fast.Grammar).has(name)) return name;
    }
    throw new Error(`no ordinary name for ${word}`);
}

async function build(services: AdoptServices, text: string): Promise<LangiumDocument<AdoptFile>> {
    return parseHelper<AdoptFile>(services)(text, { validation: true });
}

/** The offsets of a name in a text (the ordinary name is unique to it). */
function offsetsOf(text: string, name: string): number[] {
    const offsets: number[] = [];
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) offsets.push(at);
    return offsets;
}

/** What the services answer about a plan, at the places where the name stands; `rename` turns an ordinary name into the keyword. */
async function answers(services: AdoptServices, text: string, positions: Position[], rename?: { from: string; to: string }): Promise<Answers> {
    const document = await build(services, text);
    const lsp = services.lsp as Required<AdoptServices['lsp']>;
    const textDocument = { uri: document.uri.toString() };
    const each = async <T>(ask: (position: Position) => Promise<T> | T) => Promise.all(positions.map(ask));
    const links = AstUtils.streamAst(document.parseResult.value)
        .flatMap(node => AstUtils.streamReferences(node).map(({ property, reference }) => [node.$type, property, 'ref' in reference ? reference.ref?.$type : undefined, reference.error?.message]))
        .toArray();
    const answered = {
        syntax: [...document.parseResult.lexerErrors, ...document.parseResult.parserErrors].length,
        links,
        diagnostics: (document.diagnostics ?? []).map(({ code, message, range }) => ({ code, message, range })),
        semanticTokens: (await lsp.SemanticTokenProvider.semanticHighlight(document, { textDocument })).data,
        symbols: await lsp.DocumentSymbolProvider.getSymbols(document, { textDocument }),
        hover: await each(position => lsp.HoverProvider.getHoverContent(document, { textDocument, position })),
        definitions: await each(position => lsp.DefinitionProvider.getDefinition(document, { textDocument, position })),
        // Not at the platform: the well-known platforms offered there include `medium` unless the plan uses it already.
        completion: await each(position => (document.textDocument.getText({ start: { line: position.line, character: position.character - 4 }, end: position }).startsWith('on ')
            ? undefined : lsp.CompletionProvider.getCompletion(document, { textDocument, position }))),
        formatted: TextDocument.applyEdits(document.textDocument,
            await lsp.Formatter.formatDocument(document, { textDocument, options: { tabSize: 4, insertSpaces: true } }))
    };
    // The ordinary name is no word of the answers' texts: written as the keyword, it says what the keyword's answers must say.
    const json = JSON.stringify(answered).replaceAll(document.uri.toString(), 'plan.adopt');
    return JSON.parse(rename ? json.replaceAll(rename.from, rename.to) : json);
}

type Answers = { syntax: number; links: unknown[][] } & Record<string, unknown>;

describe('every word of the language may be a name', () => {
    test('the words are the keywords of the grammar that are identifiers, the ones users named things with among them', () => {
        for (const word of ['medium', 'low', 'high', 'staff', 'trained', 'geography', 'story', 'unit', 'on', 'role', 'plan', 'action', 'to']) {
            expect(NAME_KEYWORDS).toContain(word);
        }
        expect(NAME_KEYWORDS).not.toContain('middle-manager');
    });

    for (const [parserName, services] of [['Langium\'s parser', plain], ['the fast parser', fast]] as const) {
        test.each(NAME_KEYWORDS)(`${parserName}: a plan naming everything '%s' is answered as one with an ordinary name`, async word => {
            const ordinary = ordinaryName(word);
            const positions = offsetsOf(planNamingEverything(ordinary), ordinary).map(offset => TextDocument.create('x', 'adopt', 0, planNamingEverything(ordinary)).positionAt(offset + 1));
            const parser = services.parser.LangiumParser;
            const fastBefore = parser instanceof FastBuildParser ? parser.counts.fast : 0;
            const named = await answers(services, planNamingEverything(word), positions);
            const expected = await answers(services, planNamingEverything(ordinary), positions, { from: ordinary, to: word });
            expect(named).toEqual(expected);
            expect(named.syntax).toBe(0);
            // Every reference resolves to a declaration of its kind.
            expect(named.links.length).toBe(10);
            expect(named.links.filter(link => link[2] == null || link[3] != null)).toEqual([]);
            if (parser instanceof FastBuildParser) expect(parser.counts.fast).toBeGreaterThan(fastBefore);
        });
    }

    test('the fast parser is compiled from the grammar (LL(1) with every keyword a name)', () => {
        const parser = fast.parser.LangiumParser as FastBuildParser;
        expect(parser.fastParserOff).toBeUndefined();
    });

    test('a plan naming things with every word at once parses, links and checks the same with both parsers', async () => {
        const text = `plan plan "All the words" {\n  coalition {\n${NAME_KEYWORDS.map(word => `    member ${word} "M" role staff`).join('\n')}\n  }\n`
            + NAME_KEYWORDS.map(word => `  channel ${word} "C" on ${word}\n  initiative ${word} "I"`).join('\n')
            + `\n  stage s "S" {\n    launch ${NAME_KEYWORDS.join(', ')}\n    project p "P" {\n      supports ${NAME_KEYWORDS.join(', ')}\n`
            + `      involves ${NAME_KEYWORDS.join(', ')}\n      uses ${NAME_KEYWORDS.join(', ')}\n    }\n  }\n}\n`;
        const [ours, theirs] = [await build(fast, text), await build(plain, text)];
        for (const document of [ours, theirs]) {
            expect(document.parseResult.parserErrors).toEqual([]);
            expect(document.parseResult.value.plan!.channels.map(channel => [channel.name, channel.platform])).toEqual(NAME_KEYWORDS.map(word => [word, word]));
            expect(document.parseResult.value.plan!.stages[0].projects[0].involves[0].members.map(member => member.ref?.name)).toEqual(NAME_KEYWORDS);
            expect((document.diagnostics ?? []).filter(d => d.code === 'syntax-error' || d.code === 'unresolved-reference')).toEqual([]);
        }
        expect((ours.diagnostics ?? []).map(d => [d.code, d.message])).toEqual((theirs.diagnostics ?? []).map(d => [d.code, d.message]));
    });
});

describe('the generated plans of the property tests', () => {
    test('name things with words of the language, and both parsers read them as names', async () => {
        const plans = fc.sample(validPlan, { numRuns: 60, seed: 22 });
        const named = new Set<string>();
        for (const text of plans) {
            for (const services of [plain, fast]) {
                const result = services.parser.LangiumParser.parse(text);
                expect(result.parserErrors).toEqual([]);
                for (const node of AstUtils.streamAst(result.value)) {
                    const name = (node as { name?: unknown }).name;
                    if (typeof name === 'string' && NAME_KEYWORDS.includes(name)) named.add(name);
                }
            }
        }
        expect(named.size).toBeGreaterThan(5);
    });
});

describe('a keyword that is no identifier is still no name', () => {
    test.each([['Langium\'s parser', plain], ['the fast parser', fast]] as const)('%s: the message says what a name is made of', async (_name, services) => {
        const document = await build(services, 'plan P "P" {\n  initiative middle-manager "I"\n}');
        const messages = (document.diagnostics ?? []).filter(d => d.code === 'syntax-error').map(d => d.message);
        expect(messages[0]).toMatch(/^Expected a name here( in the initiative)?, but found the keyword 'middle-manager'\. A name starts with a letter or _, followed by letters, digits or _ \(no spaces, dashes or accents\)\.$/);
    });

    test('the fast parser\'s words for a keyword read as a name', () => {
        const message = new AdoptSyntaxProblemWords().messageFor({
            kind: 'reserved', found: { image: 'middle-manager' }, expected: [{ terminal: 'ID' }], within: { type: 'Initiative' }
        });
        expect(message).toBe("Expected a name here in the initiative, but found the keyword 'middle-manager'. A name starts with a letter or _, followed by letters, digits or _ (no spaces, dashes or accents).");
    });
});
