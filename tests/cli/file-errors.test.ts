/**
 * Why a file cannot be read or written, in words: the system's codes (ENOENT, EACCES, ENOSPC)
 * mean nothing to most users.
 */
import { describe, expect, test } from 'vitest';
import { fileErrorInWords } from '../../src/cli/file-errors.js';

function systemError(code: string, message: string): NodeJS.ErrnoException {
    return Object.assign(new Error(message), { code });
}

describe('fileErrorInWords', () => {
    test.each([
        ['ENOENT', 'write', 'the folder /plans/out does not exist'],
        ['ENOENT', 'read', 'no such file'],
        ['EISDIR', 'write', 'it is a folder'],
        ['EACCES', 'write', 'permission denied'],
        ['EPERM', 'read', 'permission denied'],
        ['ENOSPC', 'write', 'the disk is full'],
        ['EROFS', 'write', 'the file system is read-only'],
        ['ENOTDIR', 'write', 'a part of /plans/out is a file, not a folder']
    ] as const)('%s when %sing', (code, access, words) => {
        expect(fileErrorInWords(systemError(code, `${code}: whatever, open '/plans/out/report.html'`), '/plans/out/report.html', access)).toBe(words);
    });

    test('a code without words of its own: the system\'s sentence without the code and the call', () => {
        const error = systemError('EXDEV', "EXDEV: cross-device link not permitted, rename '/a' -> '/b'");
        expect(fileErrorInWords(error, '/a', 'write')).toBe('cross-device link not permitted');
        expect(fileErrorInWords(systemError('EWHATEVER', "EWHATEVER: something odd, open '/a'"), '/a', 'read')).not.toMatch(/EWHATEVER/);
    });
});
