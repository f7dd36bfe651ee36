/**
 * The starter plan of "Adopt: New Plan": it parses without any diagnostic, its project is a
 * quick win, it explains itself in comments (action items and effort too), and it is canonical (the formatter leaves it as is).
 */
import { describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { STARTER_PLAN } from '../../src/language/starter/starter-plan.js';
import { createTestServices, parser } from '../support/helpers.js';

const services = createTestServices();

describe('the starter plan', () => {
    test('parses without a single diagnostic, and its project is a quick win', async () => {
        const document = await parser(services)(STARTER_PLAN);
        expect(document.diagnostics).toEqual([]);
        const analysis = services.score.QuickWins.analyze(document.parseResult.value.plan!);
        expect(analysis.ranked.map(entry => [entry.project.name, entry.score, entry.quickWin])).toEqual([['welcomeWiki', 96, true]]);
    });

    test('has a comment before every part', () => {
        const lines = STARTER_PLAN.split('\n');
        for (const part of ['plan ', '  coalition {', '  channel ', '  initiative ', '  stage initiation', '  stage rollout', '      effort ', '      action ', '  stage roadShow']) {
            const index = lines.findIndex(line => line.startsWith(part));
            expect(index, part).toBeGreaterThan(0);
            expect(lines[index - 1].trim().startsWith('//'), part).toBe(true);
        }
    });

    test('is canonical: formatting changes nothing', async () => {
        const document = await parser(services)(STARTER_PLAN);
        const edits = await services.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.textDocument.uri }, options: { tabSize: 2, insertSpaces: true } });
        expect(TextDocument.applyEdits(TextDocument.create('x', 'adopt', 0, STARTER_PLAN), edits)).toBe(STARTER_PLAN);
    });
});
