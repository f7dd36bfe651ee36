/**
 * Text in HTML and SVG: everything a plan says (titles, names, messages) goes through `escape`
 * before it is written into markup, in text and in attribute values alike.
 */
const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escape(text: string | number): string {
    return String(text).replace(/[&<>"']/g, char => ESCAPES[char]);
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
