/**
 * Property-based robustness tests (fast-check): valid plans, mutated plans and garbage (made from
 * the grammar, tests/support/plan-arbitraries.ts) go through every language feature (parse,
 * validate, score, hover, code lens, completion, code actions, formatting), which must never
 * throw; diagnostics, hovers, completion edits and code lenses lie inside the document; quick
 * fixes leave a plan that parses and lose nothing the user wrote; formatting is idempotent and
 * keeps every token and comment in order; the parser's CST equals Langium's own parser's on a text
 * without errors, and is well formed on one with errors. A workspace of plans and the shared file
 * they use (examples/northfield-network), with text cut out or typed in (use lines among it) and
 * files gone, answers on every file.
 *
 * Runs: about 2,600 cases by default, always the same ones (a fixed seed). For a long run with
 * fresh random cases set FUZZ_RUNS to the total number of cases wanted (split over the
 * properties like the default), e.g.
 *     FUZZ_RUNS=100000 npx vitest run tests/robustness/fuzz.test.ts
 * A failure prints fast-check's seed and the shrunk counterexample; FUZZ_SEED=<seed> replays it.
 * Errors that a service catches and logs (console.error) count as failures too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { createLangiumParser, type CstNode } from 'langium';
import type { TextEdit } from 'vscode-languageserver-types';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
    applyEdits, editsFor, exerciseFeatures, hasSyntaxErrors, lexemes, lostText, rangeInside, services, withDocument, withWorkspace
} from './feature-harness.js';
import { entryKeywords, garbage, keywords, mutatedPlan, validPlan } from '../support/plan-arbitraries.js';
import { expectWellFormed } from '../language/fast-build/recovered-tree.js';

const DEFAULT_TOTAL = 2600;
/** The default run replays the same cases every time (a stable CI); a long run explores new ones. */
const DEFAULT_SEED = 20261126;
const total = Number(process.env.FUZZ_RUNS ?? DEFAULT_TOTAL);
const seed = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : process.env.FUZZ_RUNS === undefined ? DEFAULT_SEED : undefined;
/** Each property's share of the runs (relative cost differs a lot). */
const runs = (share: number): number => Math.max(1, Math.round(total * share));
/** The hang guard of a property: a second a case, far beyond what a case takes on a busy machine. */
const perCase = (share: number): number => Math.max(300_000, runs(share) * 1_000);

function settings(share: number): fc.Parameters<unknown> {
    return { numRuns: runs(share), seed, verbose: 0 };
}

/** How much the properties exercised: a property that checks nothing must fail. */
const seen = { fixes: 0, formatEdits: 0 };

/** Errors the services caught and logged instead of throwing: a feature failed all the same. */
const logged: string[] = [];
const consoleError = console.error;
beforeAll(() => {
    console.error = (...args: unknown[]) => {
        logged.push(args.map(arg => (arg instanceof Error ? arg.stack ?? arg.message : String(arg))).join(' '));
    };
});
afterAll(() => {
    console.error = consoleError;
});

/** Checks a text through every feature; returns what the other properties need. */
async function checkEveryFeature(text: string) {
    return withDocument(text, async document => {
        logged.length = 0;
        const answers = await exerciseFeatures(document);
        if (logged.length > 0) throw new Error(`a feature logged an error: ${logged[0]}`);
        for (const diagnostic of answers.diagnostics) {
            if (!rangeInside(diagnostic.range, text)) {
                throw new Error(`diagnostic ${String(diagnostic.code)} has a range outside the document: ${JSON.stringify(diagnostic.range)}`);
            }
        }
        for (const { feature, range } of answers.ranges) {
            if (!rangeInside(range, text)) throw new Error(`${feature} has a range outside the document: ${JSON.stringify(range)}`);
        }
        return { ...answers, uri: document.uri.toString(), syntaxErrors: hasSyntaxErrors(document) };
    });
}

/** Formatting keeps every lexeme (tokens, comments, unreadable characters) in order and is idempotent. */
async function checkFormatting(text: string, edits: TextEdit[] | undefined) {
    if (!edits) return;
    seen.formatEdits += edits.length;
    for (const edit of edits) {
        if (!rangeInside(edit.range, text)) throw new Error(`format edit outside the document: ${JSON.stringify(edit.range)}`);
    }
    const formatted = applyEdits(text, edits);
    expect(lexemes(formatted)).toEqual(lexemes(text));
    const again = await withDocument(formatted, async document => services.lsp.Formatter?.formatDocument(document, {
        textDocument: { uri: document.uri.toString() }, options: { tabSize: 4, insertSpaces: true }
    }));
    expect(applyEdits(formatted, again ?? [])).toBe(formatted);
}

/**
 * The fixes whose purpose is to replace a word: "did you mean" on an `unresolved-reference`
 * replaces the undeclared name by a name; on a `syntax-error` where a word was read as the
 * keyword it is close to, the word by that keyword (exactly the text of the diagnostic, and
 * nothing else); a fix that sets a value written as a keyword (an action's status) replaces that
 * keyword by another.
 */
function replacesAWord(action: { diagnostics?: Array<{ code?: unknown; range: TextEdit['range']; data?: unknown }> }, text: string, edits: TextEdit[]): boolean {
    const diagnostic = action.diagnostics?.[0];
    if (edits.length !== 1) return false;
    const [edit] = edits;
    const lines = text.split(/\r\n|\r|\n/);
    const { start, end } = diagnostic?.range ?? edit.range;
    const sameRange = JSON.stringify(edit.range) === JSON.stringify(diagnostic?.range) && start.line === end.line;
    const word = lines[start.line]?.slice(start.character, end.character) ?? '';
    if (diagnostic?.code === 'unresolved-reference') return sameRange && /^[_a-zA-Z]\w*$/.test(word) && /^[_a-zA-Z]\w*$/.test(edit.newText);
    const replacement = (diagnostic?.data as { replacement?: unknown } | undefined)?.replacement;
    if (diagnostic?.code === 'syntax-error') return sameRange && edit.newText === replacement && /^[_a-zA-Z][\w-]*$/.test(word);
    // A keyword for another (a status: `blocked` to `done` when an action is marked done).
    const replaced = lines[edit.range.start.line]?.slice(edit.range.start.character, edit.range.end.character) ?? '';
    return edit.range.start.line === edit.range.end.line && keywords.includes(replaced) && keywords.includes(edit.newText);
}

/** Every quick fix edits only this document, inside it, loses no word (but the word a "did you mean" fix replaces), and (on a plan that parsed) leaves one that parses. */
async function checkQuickFixes(text: string, answers: Awaited<ReturnType<typeof checkEveryFeature>>) {
    seen.fixes += answers.actions.length;
    for (const action of answers.actions) {
        const edits = editsFor(action, answers.uri);
        for (const edit of edits) {
            if (!rangeInside(edit.range, text)) throw new Error(`fix '${action.title}' edits outside the document`);
        }
        const fixed = applyEdits(text, edits);
        const lost = lostText(text, fixed);
        if (lost.length > 0 && !replacesAWord(action, text, edits)) throw new Error(`fix '${action.title}' lost ${lost.join(' ')}`);
        if (!answers.syntaxErrors) {
            await withDocument(fixed, async document => {
                if (hasSyntaxErrors(document)) {
                    const first = [...document.parseResult.lexerErrors, ...document.parseResult.parserErrors][0];
                    throw new Error(`fix '${action.title}' leaves a plan that does not parse: ${first.message}\n${fixed}`);
                }
            });
        }
    }
}

describe('valid plans', () => {
    test('every feature answers, fixes give plans that parse and lose nothing, formatting is stable', async () => {
        await fc.assert(
            fc.asyncProperty(validPlan, async text => {
                const answers = await checkEveryFeature(text);
                expect(answers.syntaxErrors, `the generator made a plan that does not parse:\n${text}`).toBe(false);
                await checkQuickFixes(text, answers);
                await checkFormatting(text, answers.formatEdits);
            }),
            settings(0.12)
        );
        if (services.lsp.CodeActionProvider) expect(seen.fixes).toBeGreaterThan(0);
        if (services.lsp.Formatter) expect(seen.formatEdits).toBeGreaterThan(0);
    }, perCase(0.12));
});

describe('mutated plans (typing, deleting, pasting)', () => {
    test('every feature answers with ranges inside the document; fixes and formatting lose nothing', async () => {
        await fc.assert(
            fc.asyncProperty(mutatedPlan, async text => {
                const answers = await checkEveryFeature(text);
                await checkQuickFixes(text, answers);
                await checkFormatting(text, answers.formatEdits);
            }),
            settings(0.38)
        );
    }, perCase(0.38));
});

describe('garbage', () => {
    test('every feature answers on text that is nothing like a plan', async () => {
        await fc.assert(
            fc.asyncProperty(garbage, async text => {
                const answers = await checkEveryFeature(text);
                expect(answers.syntaxErrors || entryKeywords.some(keyword => text.trim().startsWith(keyword))).toBe(true);
            }),
            settings(0.2)
        );
    }, perCase(0.2));
});

describe('a workspace of plans and the shared file they use, mutated', () => {
    const folder = resolve(__dirname, '../../examples/northfield-network');
    const NETWORK: Record<string, string> = Object.fromEntries(readdirSync(folder, { recursive: true, encoding: 'utf8' })
        .filter(path => path.endsWith('.adopt')).map(path => [path, readFileSync(resolve(folder, path), 'utf8')]));
    const paths = Object.keys(NETWORK).sort();
    /** What typing, pasting and moving files do to a workspace: text cut out or typed in one file, a file gone. */
    const change = fc.oneof(
        fc.record({ file: fc.nat(), at: fc.nat(), cut: fc.nat({ max: 40 }), typed: fc.constantFrom(
            '', '"', '{', '}', 'use "network/people.adopt"\n', 'use "cardiology.adopt"\n', 'use "campuses/east-outreach.adopt"\n',
            'use "../network/people.adopt"\n', 'use "nowhere.adopt"\n', 'use ', 'shared ', 'ana', 'youtube', ...keywords) }),
        fc.record({ gone: fc.nat() })
    );
    test('every file: every feature answers with ranges inside it, nothing logged', async () => {
        let withUseProblems = 0;
        await fc.assert(fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 3 }), async changes => {
            const files = { ...NETWORK };
            for (const next of changes) {
                const path = paths[('gone' in next ? next.gone : next.file) % paths.length];
                if (!(path in files)) continue;
                if ('gone' in next) {
                    delete files[path];
                    continue;
                }
                const text = files[path];
                const at = next.at % (text.length + 1);
                files[path] = text.slice(0, at) + next.typed + text.slice(at + next.cut);
            }
            await withWorkspace(files, async documents => {
                logged.length = 0;
                for (const [path, document] of Object.entries(documents)) {
                    const text = files[path];
                    const answers = await exerciseFeatures(document, 2);
                    if (logged.length > 0) throw new Error(`a feature logged an error on ${path}: ${logged[0]}`);
                    for (const { feature, range } of [...answers.diagnostics.map(d => ({ feature: `diagnostic ${String(d.code)}`, range: d.range })), ...answers.ranges]) {
                        if (!rangeInside(range, text)) throw new Error(`${path}: ${feature} has a range outside the document: ${JSON.stringify(range)}`);
                    }
                    if (answers.diagnostics.some(d => String(d.code).startsWith('use-'))) withUseProblems++;
                }
            });
        }), settings(0.03));
        // The changes reach the use lines: some workspaces have a path that names no shared file.
        expect(withUseProblems).toBeGreaterThan(0);
    }, perCase(0.03));
});

describe('the parser', () => {
    const langiumParser = createLangiumParser(services);

    /** The CST as nested arrays: each leaf by offset, length and hidden flag. */
    function shape(node: CstNode): unknown {
        if ('content' in node) return (node as { content: CstNode[] }).content.map(shape);
        return [node.offset, node.length, node.hidden];
    }

    test("builds the same syntax tree, comments included, as Langium's own parser when the text has no error; a well-formed one when it has", () => {
        fc.assert(
            fc.property(fc.oneof(validPlan, mutatedPlan), text => {
                const ours = services.parser.LangiumParser.parse(text);
                const theirs = langiumParser.parse(text);
                const broken = (result: typeof ours) => result.lexerErrors.length + result.parserErrors.length > 0;
                expect(broken(ours)).toBe(broken(theirs));
                if (broken(ours)) {
                    expectWellFormed(text, ours);
                } else {
                    expect(shape(ours.value.$cstNode!)).toEqual(shape(theirs.value.$cstNode!));
                }
            }),
            settings(0.3)
        );
    }, perCase(0.3));
});
