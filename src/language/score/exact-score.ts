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

/** The fraction rounded half up to one decimal, in tenths. */
export function tenthsHalfUp(value: Fraction): bigint {
    // floor(value * 10 + 1/2) = floor((20 num + den) / (2 den)); both are at least 0.
    return (20n * value.num + value.den) / (2n * value.den);
}

/** A count of tenths as the number nearest to it (the text `123e-1` read as a number is correctly rounded). */
export function tenthsToNumber(tenths: bigint): number {
    return Number(`${tenths}e-1`);
}

/** Rounds half up to one decimal, on the decimal the number is written as (0.05 -> 0.1, 1.45 -> 1.5, 100000000 -> 100000000). */
export function roundHalfUpDecimal(value: number): number {
    if (value < 0) return -roundHalfUpDecimal(-value);
    return tenthsToNumber(tenthsHalfUp(decimalOf(value)));
}

/** floor(a / b) for whole numbers from 0 to 2^53, exactly. */
function floorDivision(a: number, b: number): number {
    return (a - (a % b)) / b;
}

/**
 * Weights as exact decimals, all over one power of ten: weight i is `scaled[i] / 10^decimals`.
 * `tenths` gives each part's points and the sum, rounded half up to one decimal, for part values
 * given as whole numerators over one denominator: in ordinary numbers while every intermediate
 * stays a whole number below 2^53 (where they are exact), else in big integers.
 */
export class ExactWeights {
    private readonly scaled: readonly bigint[];
    private readonly scaledNumbers: readonly number[];
    private readonly scale: bigint;
    private readonly scaleNumber: number;
    private readonly sum: number;

    constructor(weights: readonly number[]) {
        const decimals = weights.map(decimalOf);
        const scale = decimals.reduce((max, decimal) => (decimal.den > max ? decimal.den : max), 1n);
        this.scaled = decimals.map(decimal => decimal.num * (scale / decimal.den));
        this.scaledNumbers = this.scaled.map(Number);
        this.scale = scale;
        this.scaleNumber = Number(scale);
        this.sum = this.scaledNumbers.reduce((total, weight) => total + weight, 0);
    }

    /**
     * The tenths of each part's points (weight i x numerators[i] / denominator) into `parts`, and
     * the tenths of their sum as the result.
     */
    tenths(numerators: readonly number[], denominator: number, parts: number[]): number {
        const divisor = this.scaleNumber * denominator;
        // Every product is at most sum x denominator; 20 x that plus the divisor is the largest intermediate.
        if (20 * this.sum * denominator + divisor <= Number.MAX_SAFE_INTEGER) {
            let total = 0;
            for (let i = 0; i < numerators.length; i++) {
                const product = this.scaledNumbers[i] * numerators[i];
                total += product;
                parts[i] = floorDivision(20 * product + divisor, 2 * divisor);
            }
            return floorDivision(20 * total + divisor, 2 * divisor);
        }
        const den = this.scale * BigInt(denominator);
        let total = 0n;
        for (let i = 0; i < numerators.length; i++) {
            const product = this.scaled[i] * BigInt(numerators[i]);
            total += product;
            parts[i] = Number(tenthsHalfUp({ num: product, den }));
        }
        return Number(tenthsHalfUp({ num: total, den }));
    }
}
