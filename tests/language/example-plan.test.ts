import { describe, expect, test } from 'vitest';
import { createTestServices, example, parser } from '../support/helpers.js';

describe('the SPEC example plan', () => {
    test('parses exactly as written and scores streamRounds 88 as the only quick win', async () => {
        const services = createTestServices();
        const document = await parser(services)(example('riverside-health.adopt'));
        expect(document.parseResult.lexerErrors).toEqual([]);
        expect(document.parseResult.parserErrors).toEqual([]);
        const analysis = services.score.QuickWins.analyze(document.parseResult.value.plan!);
        expect(analysis.ranked.map(p => [p.project.name, p.score, p.rank, p.quickWin])).toEqual([
            ['streamRounds', 88, 1, true],
            ['hashtagContest', 0, 2, false]
        ]);
        expect(analysis.ranked[0].points).toEqual({ reach: 25, initiative: 25, asynchrony: 12, geography: 12, crowdsourcing: 14 });
    });
});
