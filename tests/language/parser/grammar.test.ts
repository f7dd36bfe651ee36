/**
 * The language of SPEC section 1 and the extensions the README documents: what parses, into
 * what, and what does not.
 */
import { describe, expect, test } from 'vitest';
import type { Plan } from '../../../src/language/generated/ast.js';
import { allMembers, allProjects } from '../../../src/language/model/plan-model.js';
import { languageKeywords } from '../../../src/language/parser/adopt-syntax-messages.js';
import { codesOf, example, parser, withCode } from '../../support/helpers.js';

const parse = parser();

async function parsed(text: string): Promise<{ plan: Plan; syntaxErrors: string[] }> {
    const document = await parse(text);
    return { plan: document.parseResult.value, syntaxErrors: withCode(document, 'syntax-error').map(d => (typeof d.message === 'string' ? d.message : d.message.value)) };
}

describe('the SPEC example', () => {
    test('parses into the plan the SPEC describes', async () => {
        const { plan, syntaxErrors } = await parsed(example('riverside-health.adopt'));
        expect(syntaxErrors).toEqual([]);
        expect(plan.name).toBe('RiversideHealth');
        expect(plan.title).toBe('Social media at Riverside Health');
        expect(allMembers(plan).map(m => [m.name, m.title, m.role, m.unit, m.trained])).toEqual([
            ['ana', 'Ana Ortiz', 'middle-manager', 'Cardiology', true],
            ['ben', 'Ben Hale', 'operational-manager', 'Nursing', false],
            ['cho', 'Dr. Mei Cho', 'early-adopter', 'Research', true],
            ['dee', 'Dee Park', 'naysayer', 'Finance', false]
        ]);
        expect(plan.channels.map(c => [c.name, c.platform])).toEqual([['youtube', 'youtube'], ['facebook', 'facebook']]);
        expect(plan.stages.map(s => [s.name, s.after?.ref?.name])).toEqual([['initiation', undefined], ['rollout', 'initiation'], ['diffusion', 'rollout']]);
        const [stream] = allProjects(plan);
        expect(stream.traits.map(t => [t.kind, t.level])).toEqual([['asynchrony', 'high'], ['geography', 'high'], ['crowdsourcing', 'medium']]);
        expect(stream.metrics[0].target).toMatchObject({ value: 500, percent: false });
        expect(plan.stages[0].goals[0].metrics[0].target).toMatchObject({ value: 60, percent: true });
        const story = plan.stages[2].stories[0];
        expect([story.name, story.project.ref?.name, story.audience.map(a => a.ref?.name)]).toEqual(['reach', 'streamRounds', ['dee']]);
    });

    test('has only the three information diagnostics of hashtagContest', async () => {
        const document = await parse(example('riverside-health.adopt'));
        expect(codesOf(document).sort()).toEqual(['freestanding-project', 'low-reach', 'untapped-opportunity']);
    });
});

describe('what the language accepts', () => {
    test.each([
        ['the parts of a plan in any order', 'stage s "S" { }\ninitiative i "I"\ncoalition { }\nchannel c "C" on x\nstage t "T" { }'],
        ['the parts of a stage in any order', 'channel c "C" on x\nstage s "S" { story st "St" from p\nproject p "P" { }\nlaunch c\ngoal g "G"\nmantra "M" }'],
        ['the parts of a project in any order', 'initiative i "I"\nchannel c "C" on x\ncoalition { member a "A" role staff }\nstage s "S" { project p "P" { metric m "M" target 1\nuses c\ncrowdsourcing low\ninvolves a\nsupports i\ngeography } }'],
        ['several coalition blocks', 'coalition { member a "A" role staff }\ncoalition { member b "B" role staff }'],
        ['a member with role only', 'coalition { member a "A" role executive }'],
        ['a member with role and trained', 'coalition { member a "A" role staff trained }'],
        ['every role', 'coalition { member a "A" role executive\nmember b "B" role middle-manager\nmember c "C" role operational-manager\nmember d "D" role early-adopter\nmember e "E" role staff\nmember f "F" role naysayer }'],
        ['names with underscores and digits', 'coalition { member _a1 "A" role staff\nmember Ana_2 "B" role staff }'],
        ['a platform that is also a level, trait or role word', 'channel blog "Blog" on medium\nchannel c2 "C" on staff\nchannel c3 "C" on geography'],
        ['a goal without a block', 'stage s "S" { goal g "G" }'],
        ['decimal and percent targets', 'stage s "S" { goal g "G" { metric a "A" target 12.5\nmetric b "B" target 12.5%\nmetric c "C" target 0 } }'],
        ['comma-separated lists', 'coalition { member a "A" role staff\nmember b "B" role staff }\ninitiative i "I"\ninitiative j "J"\nchannel c "C" on x\nchannel d "D" on y\nstage s "S" { launch c, d\nproject p "P" { supports i, j\ninvolves a, b\nuses c, d } }\nstage t "T" { story st "St" from p audience a, b }'],
        ['an audience that ends a story before the next statement', 'coalition { member a "A" role staff }\nstage s "S" { project p "P" { } }\nstage t "T" { story st "St" from p audience a\nstory st2 "St2" from p\ngoal g "G" }'],
        ['comments of both kinds anywhere', '// line\ncoalition { /* inline */ member a "A" role staff // trailing\n}\n/* block\n over lines */'],
        ['a title with escaped quotes and backslashes', 'initiative i "The \\"big\\" one \\\\ two"']
    ])('%s', async (_name, inner) => {
        const { syntaxErrors } = await parsed(`plan P "P" {\n${inner}\n}`);
        expect(syntaxErrors).toEqual([]);
    });

    test('a title keeps its escaped characters as written, without the escapes', async () => {
        const { plan } = await parsed('plan P "P" { initiative i "The \\"big\\" one \\\\ two" }');
        expect(plan.initiatives[0].title).toBe('The "big" one \\ two');
    });

    test('a platform keyword word is the platform', async () => {
        const { plan } = await parsed('plan P "P" { channel blog "Blog" on medium }');
        expect(plan.channels[0].platform).toBe('medium');
    });
});

describe('what the language rejects', () => {
    test.each([
        ['member attributes out of order', 'coalition { member a "A" role staff trained unit "U" }'],
        ['a member without a role', 'coalition { member a "A" }'],
        ['a title over two lines', 'initiative i "Two\nlines"'],
        ['a name starting with a digit', 'initiative 2i "I"'],
        ['a keyword as a name', 'initiative trained "I"'],
        ['a target that is no number', 'stage s "S" { goal g "G" { metric m "M" target many } }'],
        ['two stages after one', 'stage a "A" { }\nstage b "B" { }\nstage c "C" after a, b { }'],
        ['a member outside a coalition', 'member a "A" role staff'],
        ['a story without its project', 'stage s "S" { story st "St" }']
    ])('%s', async (_name, inner) => {
        const { syntaxErrors } = await parsed(`plan P "P" {\n${inner}\n}`);
        expect(syntaxErrors.length).toBeGreaterThan(0);
    });
});

describe('the keywords', () => {
    test('are the words of SPEC section 1, and only words', () => {
        expect([...languageKeywords()].sort()).toEqual([
            'after', 'asynchrony', 'audience', 'channel', 'coalition', 'crowdsourcing', 'early-adopter', 'executive', 'from', 'geography',
            'goal', 'high', 'initiative', 'involves', 'launch', 'low', 'mantra', 'medium', 'member', 'metric', 'middle-manager', 'naysayer',
            'on', 'operational-manager', 'plan', 'project', 'role', 'staff', 'stage', 'story', 'supports', 'target', 'trained', 'unit', 'uses'
        ]);
    });
});
