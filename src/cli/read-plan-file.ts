/**
 * Reads a plan file for the CLI, refusing what is not a plan's text: a missing file, a folder,
 * binary data, text that is not UTF-8, or a file larger than the limit.
 */
import { readFileSync, statSync } from 'node:fs';

export const MAX_PLAN_BYTES = 8 * 1024 * 1024;

export class InputProblem extends Error {}

export function readPlanFile(path: string, what = 'file'): string {
    let size: number;
    try {
        const stat = statSync(path);
        if (stat.isDirectory()) throw new InputProblem(`${path}: is a folder, not a ${what}`);
        size = stat.size;
    } catch (error) {
        if (error instanceof InputProblem) throw error;
        throw new InputProblem(`${path}: no such ${what}`);
    }
    if (size > MAX_PLAN_BYTES) {
        throw new InputProblem(`${path}: too large (${(size / 1024 / 1024).toFixed(1)} MiB; the limit is ${MAX_PLAN_BYTES / 1024 / 1024} MiB)`);
    }
    let bytes: Buffer;
    try {
        bytes = readFileSync(path);
    } catch (error) {
        throw new InputProblem(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    return decodeText(bytes, path);
}

/** The text of the bytes, or an InputProblem when they are not UTF-8 text. */
export function decodeText(bytes: Uint8Array, path: string): string {
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
        throw new InputProblem(`${path}: not a text file (a NUL byte at byte ${nul + 1})`);
    }
    try {
        const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    } catch {
        throw new InputProblem(`${path}: not a text file (it is not valid UTF-8)`);
    }
}
