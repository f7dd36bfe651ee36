/**
 * Reads a plan file for the CLI, refusing what is not a plan's text: a missing file, a folder,
 * binary data, text that is not UTF-8, or a file larger than the limit.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { fileErrorInWords } from './file-errors.js';
import { textOfBytes, tooLargeInWords } from '../language/workspace/file-text.js';

// One limit for the CLI and the language server (which does not parse larger documents).
import { MAX_PLAN_BYTES } from '../language/parser/plan-limits.js';
export { MAX_PLAN_BYTES };

/** A file or option the command cannot use; `path`: the file it is about, when it is about one. */
export class InputProblem extends Error {
    constructor(message: string, readonly path?: string) {
        super(message);
    }
}

export function readPlanFile(path: string, what = 'file'): string {
    let size: number;
    try {
        const stat = statSync(path);
        if (stat.isDirectory()) throw new InputProblem(`${path}: is a folder, not a ${what}`, path);
        size = stat.size;
    } catch (error) {
        if (error instanceof InputProblem) throw error;
        const reason = fileErrorInWords(error, path, 'read');
        throw new InputProblem(reason === 'no such file' ? `${path}: no such ${what}` : `${path}: cannot be read (${reason})`, path);
    }
    if (size > MAX_PLAN_BYTES) {
        throw new InputProblem(`${path}: ${tooLargeInWords(size)}`, path);
    }
    return decodeText(readAtMost(path, what), path);
}

/**
 * The bytes of the file, read in chunks and never more than the limit: a device or a pipe
 * (`/dev/zero`, `/dev/stdin`) has no size to check beforehand and may never end.
 */
function readAtMost(path: string, what: string): Buffer {
    let fd: number;
    try {
        fd = openSync(path, 'r');
    } catch (error) {
        throw new InputProblem(`${path}: cannot be read (${fileErrorInWords(error, path, 'read')})`, path);
    }
    try {
        const chunks: Buffer[] = [];
        let total = 0;
        const chunk = Buffer.alloc(64 * 1024);
        for (;;) {
            const count = readChunk(fd, chunk, path);
            if (count === 0) break;
            if (total + count > MAX_PLAN_BYTES) {
                throw new InputProblem(`${path}: too large (more than ${MAX_PLAN_BYTES / 1024 / 1024} MiB, the limit)`, path);
            }
            const nul = chunk.subarray(0, count).indexOf(0);
            if (nul >= 0) throw new InputProblem(`${path}: not a text ${what} (a NUL byte at byte ${total + nul + 1})`, path);
            chunks.push(Buffer.from(chunk.subarray(0, count)));
            total += count;
        }
        return Buffer.concat(chunks, total);
    } finally {
        closeSync(fd);
    }
}

function readChunk(fd: number, chunk: Buffer, path: string): number {
    try {
        return readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
        throw new InputProblem(`${path}: cannot be read (${fileErrorInWords(error, path, 'read')})`, path);
    }
}

/** The text of the bytes, or an InputProblem when they are not UTF-8 text. */
export function decodeText(bytes: Uint8Array, path: string): string {
    const read = textOfBytes(bytes);
    if ('problem' in read) throw new InputProblem(`${path}: ${read.problem}`, path);
    return read.text;
}
