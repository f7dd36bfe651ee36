/**
 * The known word a misspelt one most likely meant, for messages that say "did you mean …?": the
 * known word that starts with it (`warn` → `warning`), else the one within a small edit
 * distance (`low-rech` → `low-reach`).
 */
export function closestWord(word: string, known: readonly string[]): string | undefined {
    const lower = word.toLowerCase();
    if (lower.length >= 3) {
        const extended = known.find(candidate => candidate.startsWith(lower));
        if (extended) return extended;
    }
    const limit = Math.max(1, Math.min(3, Math.floor(lower.length / 3)));
    let best: string | undefined;
    let bestDistance = limit + 1;
    for (const candidate of known) {
        const distance = editDistance(lower, candidate);
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

/** The number of single-character insertions, deletions and substitutions from `a` to `b`. */
export function editDistance(a: string, b: string): number {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
}
