/**
 * What makes bytes a plan's text or not, for every reader of `.adopt` files (the CLI, the files a
 * plan uses): no NUL byte, valid UTF-8, within the size limit (parser/plan-limits.ts).
 */
import { MAX_PLAN_BYTES } from '../parser/plan-limits.js';

/** The text of the bytes (a byte order mark dropped), or why they are not a plan's text, in words. */
export function textOfBytes(bytes: Uint8Array): { readonly text: string } | { readonly problem: string } {
    if (bytes.length > MAX_PLAN_BYTES) return { problem: tooLargeInWords(bytes.length) };
    const nul = bytes.indexOf(0);
    if (nul >= 0) return { problem: `not a text file (a NUL byte at byte ${nul + 1})` };
    try {
        const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
    } catch {
        return { problem: 'not a text file (it is not valid UTF-8)' };
    }
}

/** "too large (9.0 MiB; the limit is 8 MiB)". */
export function tooLargeInWords(size: number): string {
    return `too large (${(size / 1024 / 1024).toFixed(1)} MiB; the limit is ${MAX_PLAN_BYTES / 1024 / 1024} MiB)`;
}
