/**
 * "Did you mean": the declared names closest to a name that is not declared, for the
 * `unresolved-reference` message and its quick fixes. A candidate is the same name in another
 * case (`fluFAQ` for `fluFaq`), or one a few edits away (`flue` for `flu`, `strat` for `start`):
 * at most 1 edit for names of up to 4 characters, 2 up to 8, 3 beyond, and always fewer edits
 * than the shorter name has characters. Closest first, at most three.
 */
import { distance } from 'fastest-levenshtein';

export const MAX_SUGGESTIONS = 3;

/** How many edits may separate a name from a suggestion. */
export function allowedEdits(name: string): number {
    return name.length <= 4 ? 1 : name.length <= 8 ? 2 : 3;
}

/**
 * The suggestions for `name` among `candidates` (declaration order breaks ties). `budget`, when
 * given, counts the distance computations allowed and is decreased by the ones made: a plan with
 * thousands of unresolved names among thousands of declarations gets suggestions for the first
 * ones only instead of a slow validation.
 */
export function similarNames(name: string, candidates: Iterable<string>, budget?: { remaining: number }): string[] {
    const lower = name.toLowerCase();
    const limit = allowedEdits(name);
    const found: Array<{ name: string; edits: number; exactEdits: number; index: number }> = [];
    const seen = new Set<string>();
    let index = 0;
    for (const candidate of candidates) {
        index++;
        if (candidate === name || seen.has(candidate)) continue;
        seen.add(candidate);
        if (Math.abs(candidate.length - name.length) > limit) continue;
        if (budget) {
            if (budget.remaining <= 0) return [];
            budget.remaining--;
        }
        const edits = distance(lower, candidate.toLowerCase());
        if (edits > limit || edits >= Math.min(name.length, candidate.length)) continue;
        found.push({ name: candidate, edits, exactEdits: edits === 0 ? 0 : distance(name, candidate), index });
    }
    found.sort((a, b) => a.edits - b.edits || a.exactEdits - b.exactEdits || a.index - b.index);
    return found.slice(0, MAX_SUGGESTIONS).map(entry => entry.name);
}

/** `'a'`, `'a' or 'b'`, `'a', 'b' or 'c'`. */
export function quotedAlternatives(names: readonly string[]): string {
    const quoted = names.map(name => `'${name}'`);
    return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

/** The sentence added to an `unresolved-reference` message, or '' without suggestions. */
export function didYouMean(suggestions: readonly string[]): string {
    return suggestions.length > 0 ? ` Did you mean ${quotedAlternatives(suggestions)}?` : '';
}
