/**
 * Hostile inputs shared by the limit tests of the server and the CLI: deep nesting, huge files,
 * megabyte names and titles, NUL bytes, invalid UTF-8, random garbage. Each is built on demand
 * (they are large) and deterministically (a seeded generator, so failures replay).
 */
import { seededRandom as random } from '../../bench/generate-plan.js';
import { MAX_PLAN_BYTES } from '../../src/language/parser/plan-limits.js';

export const MIB = 1024 * 1024;

/** Inputs that are text (the server gets them from the editor; the CLI reads them as files). */
export const TEXT_INPUTS: Record<string, () => string> = {
    'braces nested 20,000 deep': () => `plan Deep "Deep" {${'{'.repeat(20_000)}${'}'.repeat(20_000)}}`,
    'stages and projects opened 2,000 deep, never closed': () => `plan Deep "Deep" {${'stage s "S" { project p "P" { '.repeat(2_000)}`,
    'a one-megabyte name': () => `plan ${'n'.repeat(MIB)} "Title" { initiative ${'i'.repeat(MIB)} "I" }`,
    'a one-megabyte title': () => `plan Big "${'t'.repeat(MIB)}" { initiative i "${'é'.repeat(MIB / 2)}" }`,
    'a one-megabyte title never closed': () => `plan Big "${'t'.repeat(MIB)}`,
    'a comment never closed': () => `plan C "C" { /* ${'x'.repeat(MIB)}`,
    'a megabyte of random printable garbage': () => {
        const next = random(1);
        let text = '';
        for (let i = 0; i < MIB; i++) text += String.fromCharCode(32 + Math.floor(next() * 95));
        return text;
    },
    'a megabyte of random characters of any kind': () => {
        const next = random(2);
        const chunks: string[] = [];
        for (let c = 0; c < MIB / 4096; c++) {
            const codes = new Uint16Array(4096);
            for (let i = 0; i < codes.length; i++) codes[i] = Math.floor(next() * 0x10000);
            chunks.push(String.fromCharCode(...codes));
        }
        return chunks.join('');
    },
    '200,000 comments after the plan': () => 'plan C "C" { }\n' + '// c\n'.repeat(200_000),
    'a comment before each of 10,000 declarations': () =>
        `plan C "C" {\n${Array.from({ length: 10_000 }, (_, i) => `  // initiative number ${i}\n  initiative i${i} "I" /* ${i} */`).join('\n')}\n}\n`,
    'a plan with NUL characters': () => 'plan N\u0000 "N\u0000" {\u0000 initiative i "I" \u0000}',
    'a plan with replacement characters and lone surrogates (decoded invalid UTF-8)': () => 'plan U\uFFFD "U\uD800" { initiative i\uDC00 "\uFFFD" }',
    'a valid plan of 4 MB (under the limit)': () => {
        let text = 'plan Large "Large" {\n';
        for (let i = 0; text.length < 4 * MIB; i++) text += `  initiative i${i} "Initiative number ${i}"\n`;
        return text + '}\n';
    },
    'a 10 MB file (over the limit)': () => 'plan Huge "Huge" {\n' + '  // filler\n'.repeat((10 * MIB) / 12) + '}\n'
};

/** Byte inputs only a file can hold (the CLI must refuse them as not text). */
export const BINARY_INPUTS: Record<string, () => Uint8Array> = {
    'NUL bytes': () => Buffer.from('plan N "N" {\u0000}', 'utf8'),
    'invalid UTF-8': () => Buffer.concat([Buffer.from('plan P "'), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from('" { }')]),
    'a megabyte of random bytes': () => {
        const next = random(3);
        const bytes = new Uint8Array(MIB);
        for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(next() * 256);
        return bytes;
    }
};

export { MAX_PLAN_BYTES };
