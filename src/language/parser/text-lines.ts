/**
 * Lines of a text as Chevrotain and Langium count them: a line ends at `\n`, `\r\n` or a lone
 * `\r`; positions count UTF-16 code units from 0.
 */
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;

/** The offset at which each line of the text starts (line 0 at offset 0). */
export function lineStartsOf(text: string): Uint32Array {
    const starts = [0];
    if (text.indexOf('\r') < 0) {
        // Only line feeds: let the engine's search find them.
        for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
        for (let i = 0; i < text.length; i++) {
            const code = text.charCodeAt(i);
            if (code === LINE_FEED || (code === CARRIAGE_RETURN && text.charCodeAt(i + 1) !== LINE_FEED)) starts.push(i + 1);
        }
    }
    return Uint32Array.from(starts);
}

/** The line breaks (`\n`, `\r\n`, a lone `\r`) in `text[start, end)`, counted up to `limit`. */
export function lineBreaks(text: string, start: number, end: number, limit = Number.POSITIVE_INFINITY): number {
    let count = 0;
    for (let i = start; i < end && count < limit; i++) {
        const code = text.charCodeAt(i);
        if (code === LINE_FEED) {
            count++;
        } else if (code === CARRIAGE_RETURN) {
            count++;
            if (text.charCodeAt(i + 1) === LINE_FEED) i++;
        }
    }
    return count;
}

/** The line (0-based) holding an offset: the last line that starts at or before it. */
export function lineOf(starts: Uint32Array, offset: number): number {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
        const middle = (low + high + 1) >>> 1;
        if (starts[middle] <= offset) low = middle;
        else high = middle - 1;
    }
    return low;
}
