/**
 * The example plans in examples/: each parses without syntax errors and shows exactly the
 * hurdles it was written to show.
 */
import { describe, expect, test } from 'vitest';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { codesOf, createTestServices, example, parser } from '../support/helpers.js';

const expected: Record<string, { codes: string[]; ranking: Array<[name: string, score: number, quickWin: boolean]> }> = {
    'riverside-health.adopt': {
        // hashtagContest's three, and (SPEC section 7) the facebook channel it uses, which no launch opens.
        codes: ['freestanding-project', 'untapped-opportunity', 'low-reach', 'channel-not-launched'],
        ranking: [['streamRounds', 88, true], ['hashtagContest', 0, false]]
    },
    'northfield-university.adopt': {
        codes: [
            'no-quick-wins', 'few-managers', 'naysayer-unreached', 'mantra-missing', 'virtual-before-human', 'vanity-metric',
            'virtual-before-human', 'goal-without-metric', 'untrained-project', 'freestanding-project', 'untapped-opportunity',
            'low-reach', 'metric-without-target', 'untapped-opportunity'
        ],
        ranking: [['mascotVideo', 36.3, false], ['photoContest', 17.8, false]]
    },
    'coastal-research-institute.adopt': {
        codes: ['naysayer-unreached', 'freestanding-project', 'untapped-opportunity', 'low-reach', 'channel-not-launched'],
        ranking: [['samplingWiki', 85, true], ['seminarStream', 77, true], ['fieldBlog', 14, false]]
    }
};

describe('examples', () => {
    test('every example in examples/ is covered here', () => {
        const files = readdirSync(resolve(__dirname, '../../examples')).filter(name => name.endsWith('.adopt'));
        expect(files.sort()).toEqual(Object.keys(expected).sort());
    });

    describe.each(Object.entries(expected))('%s', (file, { codes, ranking }) => {
        test('parses without syntax errors and shows exactly the designed diagnostics, in document order', async () => {
            const document = await parser()(example(file));
            expect(document.parseResult.lexerErrors).toEqual([]);
            expect(document.parseResult.parserErrors).toEqual([]);
            const inOrder = [...(document.diagnostics ?? [])].sort((a, b) =>
                a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.severity ?? 1) - (b.severity ?? 1));
            expect(inOrder.map(d => String(d.code))).toEqual(codes);
            expect(codesOf(document)).not.toContain('syntax-error');
        });

        test('ranks its projects as the comments say', async () => {
            const services = createTestServices();
            const document = await parser(services)(example(file));
            const analysis = services.score.QuickWins.analyze(document.parseResult.value);
            expect(analysis.ranked.map(p => [p.project.name, p.score, p.quickWin])).toEqual(ranking);
        });
    });
});
