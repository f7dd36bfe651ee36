/**
 * The quick-win score of SPEC section 2 as pure functions: from the facts of one project and the
 * settings, the points of each part, the score and whether the project is a quick win.
 */
import type { Level, TraitKind } from '../generated/ast.js';
import { LEVEL_VALUES, TRAIT_KINDS } from '../model/plan-model.js';
import { SCORE_PARTS, type QuickWinSettings, type ScorePart, type Weights } from './quick-win-settings.js';
import { decimalOf, plus, roundHalfUpDecimal, tenthsAtLeast, tenthsHalfUp, tenthsToNumber, times, type Fraction } from './exact-score.js';

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

/** The value of each part as an exact fraction (a third, two thirds, half members over willing members). */
function partFractions(facts: ProjectFacts): Record<ScorePart, Fraction> {
    const halves = BigInt(2 * facts.involvedTrainedWilling + (facts.involvedWilling - facts.involvedTrainedWilling));
    const willingHalves = BigInt(2 * facts.willingCount);
    return {
        reach: facts.willingCount === 0 ? ZERO : halves >= willingHalves ? ONE : { num: halves, den: willingHalves },
        initiative: facts.supportsInitiative ? ONE : ZERO,
        asynchrony: levelFraction(facts.traits, 'asynchrony'),
        geography: levelFraction(facts.traits, 'geography'),
        crowdsourcing: levelFraction(facts.traits, 'crowdsourcing')
    };
}

const ZERO: Fraction = { num: 0n, den: 1n };
const ONE: Fraction = { num: 1n, den: 1n };
const LEVEL_FRACTIONS: Readonly<Record<Level, Fraction>> = { low: { num: 1n, den: 3n }, medium: { num: 2n, den: 3n }, high: ONE };

function levelFraction(traits: ReadonlyMap<TraitKind, Level>, kind: TraitKind): Fraction {
    const value = traits.get(kind);
    return value ? LEVEL_FRACTIONS[value] : ZERO;
}

/** The settings as exact decimals, and each part's rounded points by value, kept with the weights they come from. */
interface ExactSettings {
    readonly weights: Readonly<Record<ScorePart, Fraction>>;
    readonly threshold: Fraction;
    readonly points: Map<string, number>;
}

const exactSettings = new WeakMap<Readonly<Weights>, Map<number, ExactSettings>>();

function exactOf(settings: QuickWinSettings): ExactSettings {
    let byThreshold = exactSettings.get(settings.weights);
    if (!byThreshold) {
        byThreshold = new Map();
        exactSettings.set(settings.weights, byThreshold);
    }
    let exact = byThreshold.get(settings.threshold);
    if (!exact) {
        const weights = Object.fromEntries(SCORE_PARTS.map(part => [part, decimalOf(settings.weights[part])])) as Record<ScorePart, Fraction>;
        exact = { weights, threshold: decimalOf(settings.threshold), points: new Map() };
        byThreshold.set(settings.threshold, exact);
    }
    return exact;
}

export function scoreProject(facts: ProjectFacts, settings: QuickWinSettings): ProjectScore {
    const values = partFractions(facts);
    const exact = exactOf(settings);
    let total: Fraction = ZERO;
    // Every part's key at once, in SCORE_PARTS order: an object made empty keeps four properties
    // inside and the fifth in an array of its own (10,000 analyses kept at 10,000 projects).
    const points: Record<ScorePart, number> = { reach: 0, initiative: 0, asynchrony: 0, geography: 0, crowdsourcing: 0 };
    for (const part of SCORE_PARTS) {
        const value = values[part];
        if (value.num === 0n) continue;
        const raw = times(exact.weights[part], value);
        total = plus(total, raw);
        // A plan has few different values per part: each part's rounded points are worked out once.
        const key = `${part}:${value.num}/${value.den}`;
        let rounded = exact.points.get(key);
        if (rounded === undefined) {
            rounded = tenthsToNumber(tenthsHalfUp(raw));
            exact.points.set(key, rounded);
        }
        points[part] = rounded;
    }
    const tenths = tenthsHalfUp(total);
    const score = tenthsToNumber(tenths);
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
    if (!tenthsAtLeast(tenths, exact.threshold)) {
        missing.push(`reach a score of ${settings.threshold} (now ${score})`);
    }
    // Kept with the analysis: a list of its exact length (one grown by `push` keeps room for 16 more).
    return { points, score, quickWin: missing.length === 0, missing: missing.length === 0 ? NOTHING_MISSING : missing.slice(), missingTraits };
}
