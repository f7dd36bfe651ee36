/**
 * Limits that keep the language server and the CLI responsive on hostile input (docs/command-line.md#exit-codes-and-bad-input):
 * the largest plan either of them reads, and how many syntax errors a document reports before the
 * rest are summed up in one diagnostic.
 */

/** The largest plan, in UTF-8 bytes, that the CLI reads and the server parses. */
export const MAX_PLAN_BYTES = 8 * 1024 * 1024;

/** Syntax errors reported per document; the rest are counted in one last diagnostic. */
export const MAX_SYNTAX_ERRORS = 100;

/** Whether a text is larger than MAX_PLAN_BYTES once encoded as UTF-8 (counts only when it must). */
export function exceedsPlanSize(text: string): boolean {
    if (text.length > MAX_PLAN_BYTES) return true;
    if (text.length * 3 <= MAX_PLAN_BYTES) return false;
    return utf8Length(text) > MAX_PLAN_BYTES;
}

/** The number of bytes of the text in UTF-8 (a lone surrogate counts as the 3 bytes of U+FFFD). */
export function utf8Length(text: string): number {
    let bytes = 0;
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code < 0x80) bytes += 1;
        else if (code < 0x800) bytes += 2;
        else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
            bytes += 4;
            i++;
        } else bytes += 3;
    }
    return bytes;
}

function isLowSurrogate(code: number): boolean {
    return code >= 0xdc00 && code <= 0xdfff;
}

/** The message of the one syntax error a too-large document gets. */
export function tooLargeMessage(text: string): string {
    const mib = (utf8Length(text) / 1024 / 1024).toFixed(1);
    return `This file is too large to check (${mib} MiB; the limit is ${MAX_PLAN_BYTES / 1024 / 1024} MiB). Split the plan into smaller files.`;
}

/**
 * Why a text is not read as a plan at all, as the message of its one syntax error: too large, or
 * not text (a NUL character, which no text file holds: a binary file named `.adopt`, as the CLI
 * refuses it); undefined for a text to parse.
 */
export function unreadableTextMessage(text: string): string | undefined {
    if (exceedsPlanSize(text)) return tooLargeMessage(text);
    const nul = text.indexOf('\0');
    if (nul < 0) return undefined;
    const lineStart = text.lastIndexOf('\n', nul) + 1;
    let line = 1;
    for (let at = text.indexOf('\n'); at >= 0 && at < nul; at = text.indexOf('\n', at + 1)) line++;
    return `This is not a text file: it holds a NUL character (line ${line}, column ${nul - lineStart + 1}), as binary files do. A plan is UTF-8 text: remove the NUL characters, or give binary files another extension than .adopt.`;
}
