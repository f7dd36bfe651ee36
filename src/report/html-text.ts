/**
 * Text in HTML and SVG: everything a plan says (titles, names, messages) goes through `escape`
 * before it is written into markup, in text and in attribute values alike.
 */
const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Characters HTML does not allow in a page, whatever their escaping: control characters other
 * than white space, noncharacters, and halves of surrogate pairs alone. A plan may hold them
 * (a title with `\v`); the report shows U+FFFD in their place.
 */
const NOT_IN_HTML = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\ufdd0-\ufdef\ufffe\uffff]|[\ud83f\ud87f\ud8bf\ud8ff\ud93f\ud97f\ud9bf\ud9ff\uda3f\uda7f\udabf\udaff\udb3f\udb7f\udbbf\udbff][\udffe\udfff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text with what HTML does not allow replaced by U+FFFD. */
export function htmlSafe(text: string): string {
    return text.replace(NOT_IN_HTML, '\ufffd');
}

export function escape(text: string | number): string {
    return htmlSafe(String(text)).replace(/[&<>"']/g, char => ESCAPES[char]);
}

/** A number as people read it: whole numbers without decimals, others with one. */
export function formatNumber(value: number): string {
    return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** `1 project`, `3 projects`. */
export function plural(count: number, one: string, many: string): string {
    return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** A number rounded for an SVG coordinate. */
export function coordinate(value: number): string {
    return String(Math.round(value * 10) / 10);
}
