/**
 * The quick-win score of docs/language.md#the-quick-win-score as pure functions: from the facts of one project and the
 * settings, the points of each part, the score and whether the project is a quick win.
 */
import type { Level, TraitKind } from '../generated/ast.js';
import { LEVEL_VALUES, TRAIT_KINDS } from '../model/plan-model.js';
import { SCORE_PARTS, type QuickWinSettings, type ScorePart, type Weights } from './quick-win-settings.js';
import { ExactWeights, roundHalfUpDecimal } from './exact-score.js';

/** What the score needs to know about a project, independent of the syntax tree. */
export interface ProjectFacts {
    /** The project supports at least one (resolved) initiative. */
    readonly supportsInitiative: boolean;
    /** Number of distinct willing (non-naysayer) members in the coalition. */
    readonly willingCount: number;
    /** Distinct willing members the project involves. */
    readonly involvedWilling: number;
    /** Of those, the trained ones. */
    readonly involvedTrainedWilling: number;
    /** Declared trait levels; an absent trait is missing. */
    readonly traits: ReadonlyMap<TraitKind, Level>;
}

export interface ProjectScore {
    /** Points of each part (weight x value), rounded half up to one decimal. */
    readonly points: Readonly<Record<ScorePart, number>>;
    /** Sum of weight x value, rounded half up to one decimal. */
    readonly score: number;
    readonly quickWin: boolean;
    /** What keeps the project from being a quick win, in words; empty for a quick win. */
    readonly missing: readonly string[];
    readonly missingTraits: readonly TraitKind[];
}

/**
 * Rounds half up to one decimal, on the decimal the number is written as (0.05 -> 0.1,
 * 1.45 -> 1.5, 100000000 -> 100000000): free of binary noise at any size.
 */
export function roundScore(value: number): number {
    return roundHalfUpDecimal(value);
}

export function partValues(facts: ProjectFacts): Record<ScorePart, number> {
    const trained = facts.involvedTrainedWilling;
    const untrained = facts.involvedWilling - trained;
    const reach = facts.willingCount === 0 ? 0 : Math.min(1, (trained + 0.5 * untrained) / facts.willingCount);
    return {
        reach,
        initiative: facts.supportsInitiative ? 1 : 0,
        asynchrony: levelValue(facts.traits, 'asynchrony'),
        geography: levelValue(facts.traits, 'geography'),
        crowdsourcing: levelValue(facts.traits, 'crowdsourcing')
    };
}

function levelValue(traits: ReadonlyMap<TraitKind, Level>, kind: TraitKind): number {
    const value = traits.get(kind);
    return value ? LEVEL_VALUES[value] : 0;
}

/**
 * The traits a project lacks and the words that ask for them, shared by every project that lacks
 * the same ones (a plan of 10,000 projects has at most eight different answers): frozen, read only.
 */
interface MissingTraits {
    readonly kinds: readonly TraitKind[];
    readonly words: string;
}

const missingTraitsByMask: Array<MissingTraits | undefined> = [];

function missingTraitsOf(traits: ReadonlyMap<TraitKind, Level>): MissingTraits {
    let mask = 0;
    for (let i = 0; i < TRAIT_KINDS.length; i++) {
        if (!traits.has(TRAIT_KINDS[i])) mask |= 1 << i;
    }
    let missing = missingTraitsByMask[mask];
    if (!missing) {
        const kinds = Object.freeze(TRAIT_KINDS.filter((_kind, i) => (mask & (1 << i)) !== 0));
        missing = { kinds, words: `add the trait${kinds.length > 1 ? 's' : ''} ${kinds.join(', ')}` };
        missingTraitsByMask[mask] = missing;
    }
    return missing;
}

const NOTHING_MISSING: readonly string[] = Object.freeze([]);

/** A level's value in thirds. */
const LEVEL_THIRDS: Readonly<Record<Level, number>> = { low: 1, medium: 2, high: 3 };

function levelThirds(traits: ReadonlyMap<TraitKind, Level>, kind: TraitKind): number {
    const value = traits.get(kind);
    return value ? LEVEL_THIRDS[value] : 0;
}

/** The weights in force as exact decimals, kept with the weights they come from. */
const exactWeights = new WeakMap<Readonly<Weights>, ExactWeights>();

function exactOf(weights: Readonly<Weights>): ExactWeights {
    let exact = exactWeights.get(weights);
    if (!exact) {
        exact = new ExactWeights(SCORE_PARTS.map(part => weights[part]));
        exactWeights.set(weights, exact);
    }
    return exact;
}

export function scoreProject(facts: ProjectFacts, settings: QuickWinSettings): ProjectScore {
    // Each part's value as a whole number over one denominator: a multiple of 3 (levels are
    // thirds) and of twice the willing members (reach counts half members).
    const halfMembers = 2 * facts.willingCount;
    const denominator = halfMembers === 0 ? 3 : halfMembers % 3 === 0 ? halfMembers : 3 * halfMembers;
    const third = denominator / 3;
    const halves = Math.min(halfMembers, 2 * facts.involvedTrainedWilling + (facts.involvedWilling - facts.involvedTrainedWilling));
    const numerators = [
        halfMembers === 0 ? 0 : halves * (denominator / halfMembers),
        facts.supportsInitiative ? denominator : 0,
        levelThirds(facts.traits, 'asynchrony') * third,
        levelThirds(facts.traits, 'geography') * third,
        levelThirds(facts.traits, 'crowdsourcing') * third
    ];
    const tenths = [0, 0, 0, 0, 0];
    const score = exactOf(settings.weights).tenths(numerators, denominator, tenths) / 10;
    // Every part's key at once, in SCORE_PARTS order: an object made empty keeps four properties
    // inside and the fifth in an array of its own (10,000 analyses kept at 10,000 projects).
    const points: Record<ScorePart, number> = { reach: tenths[0] / 10, initiative: tenths[1] / 10, asynchrony: tenths[2] / 10, geography: tenths[3] / 10, crowdsourcing: tenths[4] / 10 };
    const { kinds: missingTraits, words: addTraits } = missingTraitsOf(facts.traits);
    const missing: string[] = [];
    if (!facts.supportsInitiative) {
        missing.push('support an existing initiative');
    }
    if (facts.involvedTrainedWilling === 0) {
        missing.push('involve at least one trained, willing member');
    }
    if (missingTraits.length > 0) {
        missing.push(addTraits);
    }
    // The score is the number nearest to its exact tenths, and the threshold a number: comparing
    // the two numbers compares the decimals they stand for.
    if (score < settings.threshold) {
        missing.push(`reach a score of ${settings.threshold} (now ${score})`);
    }
    // Kept with the analysis: a list of its exact length (one grown by `push` keeps room for 16 more).
    return { points, score, quickWin: missing.length === 0, missing: missing.length === 0 ? NOTHING_MISSING : missing.slice(), missingTraits };
}
