/**
 * `isVanityMetric` (src/language/validation/metric-checks.ts) first looks for the stem of a vanity
 * word in the lower-cased text and splits it into words only then. It must answer exactly what
 * splitting every name and title answers.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { Metric } from '../../../src/language/generated/ast.js';
import { isVanityMetric, wordsOf } from '../../../src/language/validation/metric-checks.js';

const VANITY = new Set(['like', 'likes', 'follower', 'followers', 'subscriber', 'subscribers', 'fan', 'fans']);

/** The rule as SPEC section 3 states it: a vanity word, whole, case-insensitive, in the name or title. */
function splitEverything(name: string, title: string): boolean {
    return [...wordsOf(name), ...wordsOf(title)].some(word => VANITY.has(word));
}

const metric = (name: string, title: string) => ({ $type: 'Metric', name, title }) as unknown as Metric;

/** Text made of vanity words and their look-alikes, in any case, glued or separated. */
const pieces = ['like', 'Likes', 'LIKE', 'li\u212Ae', 'follower', 'Followers', 'subscriber', 'SubScribers', 'fan', 'Fans', 'fanatic',
    'unlike', 'Liked', 'fan_club', 'page', 'Views', 'x', '1', ' ', '-', '_', '.', 'é', 'İ', 'Σ', '\u00A0'];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map(parts => parts.join(''));

describe('isVanityMetric', () => {
    test('answers what splitting every name and title into words answers', () => {
        fc.assert(fc.property(text, text, (name, title) => {
            expect(isVanityMetric(metric(name, title))).toBe(splitEverything(name, title));
        }), { numRuns: 3000, seed: 5 });
    });

    test('finds vanity words in names and titles, whole words only', () => {
        expect(isVanityMetric(metric('pageLikes', 'Reach'))).toBe(true);
        expect(isVanityMetric(metric('reach', 'Number of fans'))).toBe(true);
        expect(isVanityMetric(metric('fanatics', 'Unliked posts'))).toBe(false);
        expect(isVanityMetric(metric('views', 'Views of the archive'))).toBe(false);
    });
});
