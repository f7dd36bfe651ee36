/**
 * The protocol's schemas are written with zod/mini, which has no messages of its own: a message
 * that disagrees with a schema is still rejected with zod's English words (what the extension
 * shows when a server's answer does not parse, and what the worker reports when a file answer is
 * malformed).
 */
import { describe, expect, test } from 'vitest';
import { fileStatSchema, fileRequestSchema, findFilesRequestSchema, foundFilesSchema } from '../../src/protocol/file-system-protocol.js';
import { dateSchema } from '../../src/protocol/overview-protocol.js';
import { rankQuickWinsParamsSchema, rankResultSchema } from '../../src/protocol/rank-protocol.js';

function messages(result: { success: boolean; error?: { issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }> } }): string[] {
    return (result.error?.issues ?? []).map(issue => `${issue.path.join('.')}: ${issue.message}`);
}

describe('an answer that disagrees with its schema is named in words', () => {
    test('a wrong type', () => {
        expect(messages(rankQuickWinsParamsSchema.safeParse({ uri: 3 }))).toEqual(['uri: Invalid input: expected string, received number']);
    });

    test('a number below its bound', () => {
        expect(messages(fileStatSchema.safeParse({ isFile: true, isDirectory: false, size: -1 }))).toEqual(['size: Too small: expected number to be >=0']);
    });

    test('a text that is too short', () => {
        expect(messages(fileRequestSchema.safeParse({ uri: '' }))).toEqual(['uri: Too small: expected string to have >=1 characters']);
    });

    test('a field that is missing, and an answer that is neither of its shapes', () => {
        expect(messages(findFilesRequestSchema.safeParse({ uri: 'file:///w' }))).toEqual(['pattern: Invalid input: expected string, received undefined']);
        expect(foundFilesSchema.safeParse({ uris: ['file:///w/a.adopt'] }).success).toBe(true);
        expect(foundFilesSchema.safeParse({ uris: 'file:///w/a.adopt' }).success).toBe(false);
    });

    test('a date that is not YYYY-MM-DD', () => {
        expect(messages(dateSchema.safeParse('June 1st'))).toEqual([': Invalid string: must match pattern /^\\d{4}-\\d{2}-\\d{2}$/']);
    });

    test('a field the schema does not know', () => {
        expect(messages(rankQuickWinsParamsSchema.safeParse({ uri: 'file:///a.adopt', extra: 1 }))).toEqual([': Unrecognized key: "extra"']);
    });

    test('parse throws an Error whose message lists the issues with their words', () => {
        expect(() => rankResultSchema.parse({ plan: 'P', status: 'on-track', projects: [], diagnostics: [{ code: 'c', severity: 'error', message: 'm', line: 0, column: 1.5 }] }))
            .toThrow(/Too small: expected number to be >0[\s\S]*Invalid input: expected int, received number/);
    });
});
