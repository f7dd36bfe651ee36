/**
 * Limits that hold (SPEC section 6) for hostile input: deep nesting, a 10 MB file, megabyte names
 * and titles, NUL bytes, invalid UTF-8, random garbage.
 * - The language services: the size guard, the cap on syntax errors, the parser's speed guard.
 * - The built server process: answers each with diagnostics inside the document, then keeps
 *   serving another document.
 * - The built CLI: exit 0, 1 or 2, at most one line on stderr, no stack trace; non-text refused
 *   with exit 2.
 * Test timeouts are hang guards, not speed measurements.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { IToken, TokenType } from 'chevrotain';
import { CstUtils, type AstNode, type CompositeCstNode, type CstNode, type GrammarAST } from 'langium';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FastCstNodeBuilder } from '../../src/language/fast-build/cst-builder.js';
import { FastBuildParser } from '../../src/language/fast-build/fast-build-parser.js';
import { AdoptCompositeCstNode } from '../../src/language/fast-build/lazy-cst.js';
import { MAX_SYNTAX_ERRORS, exceedsPlanSize, utf8Length } from '../../src/language/parser/plan-limits.js';
import { capSyntaxErrors } from '../../src/language/parser/syntax-error-cap.js';
import { example } from '../support/helpers.js';
import { exerciseFeatures, rangeInside, services, withDocument } from './feature-harness.js';
import { BINARY_INPUTS, MAX_PLAN_BYTES, MIB, TEXT_INPUTS } from './hostile-inputs.js';
import { HANG_GUARD_MS, ServerProcess } from '../support/lsp-server.js';

const CLI_BUNDLE = resolve(__dirname, '../../out/cli.cjs');
const syntaxErrors = (codes: unknown[]) => codes.filter(code => code === 'syntax-error').length;
/** A file name or URI path segment for an input's description. */
const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
/** Inputs that are plans without a syntax error. */
const PARSES = new Set(['a one-megabyte name', 'a one-megabyte title', 'a valid plan of 4 MB (under the limit)', '200,000 comments after the plan', 'a comment before each of 10,000 declarations']);

describe('the size guard', () => {
    test('counts UTF-8 bytes, like the CLI: the limit itself is fine, one byte more is too large', () => {
        expect(exceedsPlanSize('a'.repeat(MAX_PLAN_BYTES))).toBe(false);
        expect(exceedsPlanSize('a'.repeat(MAX_PLAN_BYTES + 1))).toBe(true);
        expect(exceedsPlanSize('日'.repeat(Math.floor(MAX_PLAN_BYTES / 3)))).toBe(false);
        expect(exceedsPlanSize('日'.repeat(Math.floor(MAX_PLAN_BYTES / 3) + 1))).toBe(true);
        expect(utf8Length('aé日🙂\uD800')).toBe(1 + 2 + 3 + 4 + 3);
    });

    test('a document over the limit is not parsed: one syntax error says it is too large', async () => {
        const text = TEXT_INPUTS['a 10 MB file (over the limit)']();
        await withDocument(text, async document => {
            const diagnostics = document.diagnostics ?? [];
            const errors = diagnostics.filter(d => d.code === 'syntax-error');
            expect(errors).toHaveLength(1);
            expect(errors[0].message).toMatch(/too large to check \(10\.0 MiB; the limit is 8 MiB\)/);
            expect(errors[0].range.start).toEqual({ line: 0, character: 0 });
            // The other features answer, and formatting rewrites nothing of a text it never read.
            const answers = await exerciseFeatures(document);
            expect(answers.formatEdits ?? []).toEqual([]);
            // Completion proposes nothing in a text it does not read (reading 10 MB for each
            // completion would hold the server for seconds).
            const textDocument = { uri: document.uri.toString() };
            for (const position of [{ line: 0, character: 0 }, document.textDocument.positionAt(text.length)]) {
                expect((await services.lsp.CompletionProvider?.getCompletion(document, { textDocument, position }))?.items).toEqual([]);
            }
        });
    });
});

describe('a text with a NUL character (a binary file named .adopt)', () => {
    test('is not parsed: one syntax error, at the start, says where the NUL is and what to do', async () => {
        const text = 'plan P "P" {\n  initiative i "I\u0000\u0001\u00ff"\n}\n';
        await withDocument(text, async document => {
            const diagnostics = document.diagnostics ?? [];
            expect(diagnostics.map(d => [d.code, d.range.start.line, d.range.start.character])).toEqual([['syntax-error', 0, 0]]);
            expect(diagnostics[0].message).toBe('This is not a text file: it holds a NUL character (line 2, column 18), as binary files do. A plan is UTF-8 text: remove the NUL characters, or give binary files another extension than .adopt.');
            const answers = await exerciseFeatures(document);
            expect(answers.formatEdits ?? []).toEqual([]);
        });
    });
});

describe("the parser's CST builder", () => {
    const feature = {} as GrammarAST.AbstractElement;
    const tokenType = { name: 'ID' } as TokenType;
    const token = (offset: number, image = 'x'): IToken =>
        ({ image, startOffset: offset, endOffset: offset, startLine: 1, endLine: 1, startColumn: offset + 1, endColumn: offset + 1, tokenType, tokenTypeIdx: 0 }) as IToken;

    /** Reads of the numbered items of an array, counted: an array to put in its place. */
    function counted<T>(items: T[], reads: { count: number }): T[] {
        return new Proxy(items, {
            get(target, key, receiver) {
                if (typeof key === 'string' && /^\d+$/.test(key)) reads.count++;
                return Reflect.get(target, key, receiver) as unknown;
            }
        });
    }

    /**
     * A tree with `count` closed declarations and one just opened, in the root or in a block (the
     * fast build's composite node), and a counter of reads of their container's children.
     */
    function treeWithOpenNode(count: number, inBlock = false) {
        const builder = new FastCstNodeBuilder(undefined);
        const root = builder.buildRootNode('x'.repeat(count + 10));
        const block = inBlock ? builder.buildCompositeNode(feature) as AdoptCompositeCstNode : undefined;
        for (let i = 0; i < count; i++) {
            builder.buildCompositeNode(feature);
            builder.buildLeafNode(token(i), feature);
            builder.construct({ $type: 'Declaration' } as unknown as AstNode & { $cstNode: CstNode });
        }
        builder.buildCompositeNode(feature);
        const reads = { count: 0 };
        if (block) {
            const fields = block as unknown as { kept: CstNode[] };
            fields.kept = counted(fields.kept, reads);
        } else {
            (root as unknown as { content: CstNode[] }).content = counted((root as CompositeCstNode).content as CstNode[], reads);
        }
        return { builder, root, block, reads };
    }

    test("the language's parser is the fast build's, with its node builder and its fix for comments in force", () => {
        const parser = services.parser.LangiumParser;
        expect(parser).toBeInstanceOf(FastBuildParser);
        expect((parser as FastBuildParser).internals).toEqual({ builder: true, linearComments: true, problems: [] });
    });

    test('keeps every comment: 200,000 of them after the plan, one before and after each of 10,000 declarations', () => {
        for (const name of ['200,000 comments after the plan', 'a comment before each of 10,000 declarations']) {
            const result = services.parser.LangiumParser.parse(TEXT_INPUTS[name]());
            const comments = [...CstUtils.streamCst(result.value.$cstNode!)].filter(node => node.hidden && node.text.startsWith('/'));
            expect(comments.length).toBe(name.startsWith('200') ? 200_000 : 20_000);
        }
    });

    test('takes the comments before each token without moving the rest (linear parsing of commented plans)', () => {
        const lexer = services.parser.Lexer;
        const tokenize = lexer.tokenize.bind(lexer);
        const writes = { count: 0 };
        lexer.tokenize = (text, options) => {
            const result = tokenize(text, options);
            const hidden = new Proxy(result.hidden, {
                set(target, key, value, receiver) {
                    writes.count++;
                    return Reflect.set(target, key, value, receiver);
                }
            });
            return { ...result, hidden };
        };
        try {
            const declarations = Array.from({ length: 2000 }, (_, i) => `  // note ${i}\n  initiative i${i} "I"`).join('\n');
            const result = services.parser.LangiumParser.parse(`plan C "C" {\n${declarations}\n}\n// last`);
            expect(result.parserErrors).toEqual([]);
        } finally {
            lexer.tokenize = tokenize;
        }
        // Taking them off the front of the array one token at a time moves all the rest: millions of writes.
        expect(writes.count).toBeLessThan(20_000);
    });

    test('does not search the tree for each new node when there are no comments to place (linear parsing)', () => {
        const { builder, reads } = treeWithOpenNode(1000);
        builder.addHiddenNodes([]);
        expect(reads.count).toBe(0);
    });

    test('places a comment before a node just opened, searching from the back, moving only what follows it', () => {
        const { builder, root, reads } = treeWithOpenNode(1000);
        builder.addHiddenNodes([token(1000, '// note')]);
        expect(reads.count).toBeLessThan(10);
        const children = (root as CompositeCstNode).content;
        expect(children).toHaveLength(1002);
        expect(children[1000].hidden).toBe(true);
        expect(children[1000].container).toBe(root);
        expect(children[1001].hidden).toBe(false);
    });

    test('places a comment before a declaration just opened in a block the same way (comments before each of a stage\'s projects)', () => {
        const { builder, block, reads } = treeWithOpenNode(1000, true);
        builder.addHiddenNodes([token(1000, '// note')]);
        expect(reads.count).toBeLessThan(10);
        const children = block!.children;
        expect(children).toHaveLength(1002);
        expect((children[1000] as CstNode).hidden).toBe(true);
        expect((children[1000] as CstNode).container).toBe(block);
        expect((children[1001] as CstNode).hidden).toBe(false);
    });
});

describe('the cap on syntax errors', () => {
    test(`a megabyte of garbage reports ${MAX_SYNTAX_ERRORS} syntax errors and one that counts the rest`, async () => {
        await withDocument(TEXT_INPUTS['a megabyte of random printable garbage'](), async document => {
            const errors = (document.diagnostics ?? []).filter(d => d.code === 'syntax-error');
            expect(errors).toHaveLength(MAX_SYNTAX_ERRORS + 1);
            expect(errors[MAX_SYNTAX_ERRORS].message).toMatch(/^\d+ more syntax errors are not shown/);
        });
    });

    test('keeps other diagnostics and their order; leaves a short list alone', () => {
        const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 1 } });
        const diagnostics = [
            { range: at(0), message: 'w', code: 'few-managers' },
            ...Array.from({ length: 5 }, (_, i) => ({ range: at(i + 1), message: `e${i}`, code: 'syntax-error' }))
        ];
        const short = [...diagnostics];
        capSyntaxErrors(short, 5);
        expect(short).toEqual(diagnostics);
        capSyntaxErrors(diagnostics, 2);
        expect(diagnostics.map(d => d.message)).toEqual(['w', 'e0', 'e1', '3 more syntax errors are not shown. Fix the ones above first: one missing brace or quote often causes many.']);
        expect(diagnostics[3].range).toEqual(at(3));
    });
});

describe('the built server on hostile text', () => {
    let server: ServerProcess;

    beforeAll(async () => {
        server = await ServerProcess.start();
        await server.open('file:///limits/example.adopt', example('riverside-health.adopt'));
        await server.diagnosticsOf('file:///limits/example.adopt');
    });

    afterAll(async () => {
        await server?.stop();
    });

    for (const [name, make] of Object.entries(TEXT_INPUTS)) {
        test(`${name}: diagnostics inside the document, then it keeps serving`, async () => {
            const text = make();
            const uri = `file:///limits/${slug(name)}.adopt`;
            await server.open(uri, text);
            const diagnostics = await server.diagnosticsOf(uri);
            expect(server.alive, server.errorOutput).toBe(true);
            for (const diagnostic of diagnostics) expect(rangeInside(diagnostic.range, text), JSON.stringify(diagnostic.range)).toBe(true);
            expect(syntaxErrors(diagnostics.map(d => d.code))).toBeLessThanOrEqual(MAX_SYNTAX_ERRORS + 1);
            if (name.includes('over the limit')) expect(diagnostics.map(d => d.message).join('\n')).toMatch(/too large to check/);
            expect(syntaxErrors(diagnostics.map(d => d.code)) > 0).toBe(!PARSES.has(name));

            const hover = await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } });
            expect(hover.kind).not.toBe('timeout');
            const other = await server.request('textDocument/hover', {
                textDocument: { uri: 'file:///limits/example.adopt' }, position: { line: 30, character: 14 }
            });
            expect(other.kind).toBe('result');
        });
    }
});

describe('the built CLI on hostile files', () => {
    let folder: string;

    beforeAll(() => {
        folder = mkdtempSync(join(tmpdir(), 'adopt-limits-'));
    });

    afterAll(() => {
        rmSync(folder, { recursive: true, force: true });
    });

    function run(args: string[]) {
        const result = spawnSync(process.execPath, [CLI_BUNDLE, ...args], { encoding: 'utf8', timeout: HANG_GUARD_MS, maxBuffer: 256 * MIB });
        return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
    }

    function expectCleanExit(result: ReturnType<typeof run>) {
        expect(result.signal, 'killed: it hung').toBeNull();
        expect([0, 1, 2]).toContain(result.status);
        expect(result.stderr.trimEnd().split('\n').length).toBeLessThanOrEqual(1);
        expect(result.stderr).not.toMatch(/\n\s+at /);
    }

    for (const [name, make] of Object.entries(TEXT_INPUTS)) {
        test(`${name}: check and rank exit cleanly`, () => {
            const text = make();
            const file = join(folder, `${slug(name)}.adopt`);
            writeFileSync(file, text);
            const check = run(['check', file]);
            expectCleanExit(check);
            // rank builds the plan once more: on the multi-megabyte plan, check is enough.
            const rank = text.length < 2 * MIB ? run(['rank', file, '--json']) : undefined;
            if (rank) expectCleanExit(rank);
            if (name.includes('over the limit')) {
                expect(check.status).toBe(2);
                expect(check.stderr).toMatch(/too large/);
            } else if (text.includes('\u0000')) {
                expect(check.status).toBe(2);
                expect(check.stderr).toMatch(/not a text file \(a NUL byte/);
            } else {
                expect(check.status).toBe(PARSES.has(name) ? 0 : 1);
                if (rank) expect(JSON.parse(rank.stdout).diagnostics.length).toBeGreaterThan(0);
                expect(check.stdout.split('\n').filter(line => line.includes(' syntax-error: ')).length).toBeLessThanOrEqual(MAX_SYNTAX_ERRORS + 1);
            }
        });
    }

    for (const [name, make] of Object.entries(BINARY_INPUTS)) {
        test(`${name}: refused as not text, exit 2 with one line`, () => {
            const file = join(folder, `${slug(name)}.adopt`);
            writeFileSync(file, make());
            for (const args of [['check', file], ['rank', file, '--json']]) {
                const result = run(args);
                expectCleanExit(result);
                expect(result.status).toBe(2);
                expect(result.stderr).toMatch(/^adopt: .*not a text file/);
            }
        });
    }
});
