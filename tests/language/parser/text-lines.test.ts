/**
 * Lines as Chevrotain and Langium count them (src/language/parser/text-lines.ts): a line ends at
 * `\n`, `\r\n` or a lone `\r`. `lineStartsOf` gives where each line starts, `lineOf` finds an
 * offset's line, `lineBreaks` counts the breaks in a stretch of the text, read as a text of its own.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { lineBreaks, lineOf, lineStartsOf } from '../../../src/language/parser/text-lines.js';

/** Texts of line ends of every kind, separators that are no line ends for Chevrotain, and other characters. */
const text = fc.array(fc.constantFrom('\n', '\r', '\r\n', '\u2028', 'a', 'bc', ' ', '🙂'), { maxLength: 40 }).map(parts => parts.join(''));

/** The line breaks of a text read alone. */
const breaksIn = (value: string): number => [...value.matchAll(/\r\n|\r|\n/g)].length;

describe('text lines', () => {
    test('a line starts after \\n, \\r\\n and a lone \\r, and offsets find their line', () => {
        const starts = lineStartsOf('a\nb\r\nc\rd\r\n\re');
        expect(Array.from(starts)).toEqual([0, 2, 5, 7, 10, 11]);
        expect([0, 1, 2, 4, 5, 6, 7, 9, 10, 11, 12].map(offset => lineOf(starts, offset))).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 5, 5]);
    });

    test('line starts, lines and line breaks agree with the text split at its line ends (fast-check)', () => {
        fc.assert(fc.property(text, fc.nat(), fc.nat(), (value, a, b) => {
            const starts = Array.from(lineStartsOf(value));
            expect(starts).toEqual([0, ...[...value.matchAll(/\r\n|\r|\n/g)].map(match => match.index + match[0].length)]);
            for (let offset = 0; offset <= value.length; offset++) {
                expect(lineOf(lineStartsOf(value), offset)).toBe(starts.filter(start => start <= offset).length - 1);
            }
            const [start, end] = [a % (value.length + 1), b % (value.length + 1)].sort((x, y) => x - y);
            // The stretch read as a text of its own: a `\r\n` cut in two is one break on either side.
            const inside = breaksIn(value.slice(start, end));
            expect(lineBreaks(value, start, end)).toBe(inside);
            expect(lineBreaks(value, start, end, 1)).toBe(Math.min(1, inside));
        }), { numRuns: 300, seed: 11 });
    });
});
