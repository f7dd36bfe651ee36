/**
 * Exact arithmetic for the quick-win score. A weight is taken as the decimal it is written as
 * (`0.15` is fifteen hundredths, not the binary fraction nearest to it), a part's value is a
 * fraction (a level is a third, two thirds or one; reach is a count of half members over the
 * willing members), and the sum is rounded half up to one decimal on the exact result, so that
 * the score of a project does not depend on binary rounding noise at any size of weight.
 */

/** A non-negative fraction of big integers. */
export interface Fraction {
    readonly num: bigint;
    readonly den: bigint;
}

const TEN = 10n;

/** A finite number of at least 0 as the decimal it is written as (its shortest round-trip text): `num / den` with `den` a power of ten. */
export function decimalOf(value: number): Fraction {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`not a finite number of at least 0: ${value}`);
    const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
    if (!match) throw new RangeError(`not a decimal: ${value}`);
    const fraction = match[2] ?? '';
    const exponent = Number(match[3] ?? 0) - fraction.length;
    const digits = BigInt(match[1] + fraction);
    return exponent >= 0 ? { num: digits * TEN ** BigInt(exponent), den: 1n } : { num: digits, den: TEN ** BigInt(-exponent) };
}

export function times(a: Fraction, b: Fraction): Fraction {
    return { num: a.num * b.num, den: a.den * b.den };
}

export function plus(a: Fraction, b: Fraction): Fraction {
    return a.den === b.den ? { num: a.num + b.num, den: a.den } : { num: a.num * b.den + b.num * a.den, den: a.den * b.den };
}

/** The fraction rounded half up to one decimal, in tenths. */
export function tenthsHalfUp(value: Fraction): bigint {
    // floor(value * 10 + 1/2) = floor((20 num + den) / (2 den)); both are at least 0.
    return (20n * value.num + value.den) / (2n * value.den);
}

/** A count of tenths as the number nearest to it (the text `123e-1` read as a number is correctly rounded). */
export function tenthsToNumber(tenths: bigint): number {
    return Number(`${tenths}e-1`);
}

/** `tenths / 10 >= value`, exactly. */
export function tenthsAtLeast(tenths: bigint, value: Fraction): boolean {
    return tenths * value.den >= 10n * value.num;
}

/** Rounds half up to one decimal, on the decimal the number is written as (0.05 -> 0.1, 1.45 -> 1.5, 100000000 -> 100000000). */
export function roundHalfUpDecimal(value: number): number {
    if (value < 0) return -roundHalfUpDecimal(-value);
    return tenthsToNumber(tenthsHalfUp(decimalOf(value)));
}
