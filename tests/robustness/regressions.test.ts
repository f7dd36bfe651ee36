/**
 * Reproducers of failures the fuzzing found, shrunk to a line, so they stay fixed.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { services, withDocument } from './feature-harness.js';

describe('completion inside a comment', () => {
    const logged: string[] = [];
    const consoleError = console.error;
    beforeEach(() => {
        logged.length = 0;
        console.error = (...args: unknown[]) => logged.push(args.map(String).join(' '));
    });
    afterEach(() => {
        console.error = consoleError;
    });

    // Langium's completion reads the commented-out words as code and asks for the scope of a
    // reference the node at the cursor does not have: "Property after of type Channel is not a
    // reference" was logged (and the completion list was empty) for every keystroke there.
    test.each([
        ['plan P "" { channel c "" /* stage s "" after ', ' */ }'],
        ['plan P "" { stage s "" { project p "" { /* involves ', ' */ } } }'],
        ['plan P "" { stage s "" { project p "" { // supports ', '\n } } }']
    ])('after %j logs no error', async (before, after) => {
        await withDocument(before + after, async document => {
            const position = document.textDocument.positionAt(before.length);
            await services.lsp.CompletionProvider?.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position });
            expect(logged).toEqual([]);
        });
    });
});
