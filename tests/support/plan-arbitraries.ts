/**
 * fast-check generators for the robustness tests: valid plans (every construct of SPEC section 1,
 * with comments and odd spacing between tokens), mutations of them (what typing, pasting and
 * bad merges leave behind) and plain garbage.
 *
 * Names come from small pools per kind, so references sometimes resolve, sometimes not, and
 * declarations sometimes clash: every diagnostic of the SPEC shows up now and then.
 */
import fc from 'fast-check';

const KEYWORDS = new Set([
    'plan', 'coalition', 'member', 'role', 'unit', 'trained', 'channel', 'on', 'initiative', 'stage', 'after', 'mantra',
    'goal', 'metric', 'target', 'launch', 'project', 'supports', 'involves', 'uses', 'asynchrony', 'geography',
    'crowdsourcing', 'low', 'medium', 'high', 'story', 'from', 'audience', 'executive', 'staff', 'naysayer'
]);

const POOLS = {
    member: ['ana', 'ben', 'cho', 'dee', 'eve'],
    channel: ['youtube', 'facebook', 'wiki'],
    initiative: ['grandRounds', 'patientEd', 'onboarding'],
    stage: ['initiation', 'rollout', 'diffusion', 'later'],
    project: ['streamRounds', 'hashtagContest', 'sharedWiki'],
    goal: ['buyIn', 'reach'],
    story: ['reachStory', 'winStory'],
    metric: ['views', 'likes', 'followers', 'members_2']
} as const;

type Kind = keyof typeof POOLS;

/** Names that break code keeping names as keys of plain objects. */
export const OBJECT_KEY_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'] as const;

/** A name of the given kind: mostly from the pool, sometimes a fresh identifier or an object key. */
function nameOf(kind: Kind): fc.Arbitrary<string> {
    const fresh = fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,7}$/).filter(name => !KEYWORDS.has(name));
    return fc.oneof(
        { weight: 10, arbitrary: fc.constantFrom(...POOLS[kind]) },
        { weight: 2, arbitrary: fresh },
        { weight: 1, arbitrary: fc.constantFrom(...OBJECT_KEY_NAMES) }
    );
}

/** A title: a double-quoted string with ordinary text, unicode and escapes, never a line break. */
const title: fc.Arbitrary<string> = fc
    .array(
        fc.oneof(
            { weight: 6, arbitrary: fc.constantFrom('Stream', 'grand rounds', 'Dr. Mei', '60%', 'likes', 'fans', ' ', '-', 'é', '日本', '🙂') },
            { weight: 1, arbitrary: fc.constantFrom('\\"', '\\\\', '\\n', '{', '}', '//', '/*') }
        ),
        { maxLength: 5 }
    )
    .map(parts => `"${parts.join('')}"`);

const role = fc.constantFrom('executive', 'middle-manager', 'operational-manager', 'early-adopter', 'staff', 'naysayer');
const level = fc.constantFrom('low', 'medium', 'high');
const traitKind = fc.constantFrom('asynchrony', 'geography', 'crowdsourcing');

/** Token lists; each construct is an array of tokens joined later with random separators. */
type Tokens = string[];

function list(kind: Kind): fc.Arbitrary<Tokens> {
    return fc.array(nameOf(kind), { minLength: 1, maxLength: 4 }).map(names => names.flatMap((name, i) => (i === 0 ? [name] : [',', name])));
}

function optional(tokens: fc.Arbitrary<Tokens>): fc.Arbitrary<Tokens> {
    return fc.option(tokens, { nil: undefined }).map(value => value ?? []);
}

const member: fc.Arbitrary<Tokens> = fc
    .tuple(nameOf('member'), title, role, optional(title.map(t => ['unit', t])), fc.boolean())
    .map(([name, t, r, unit, trained]) => ['member', name, t, 'role', r, ...unit, ...(trained ? ['trained'] : [])]);

const coalition = fc.array(member, { maxLength: 6 }).map(members => ['coalition', '{', ...members.flat(), '}']);

const platform = fc.oneof(fc.constantFrom('youtube', 'facebook', 'medium', 'slack'), nameOf('channel'));
const channel = fc.tuple(nameOf('channel'), title, platform).map(([name, t, p]) => ['channel', name, t, 'on', p]);
const initiative = fc.tuple(nameOf('initiative'), title).map(([name, t]) => ['initiative', name, t]);

const target = fc.tuple(fc.oneof(fc.nat({ max: 1000 }).map(String), fc.constantFrom('0.5', '12.25')), fc.boolean()).map(([n, percent]) => ['target', n, ...(percent ? ['%'] : [])]);
const metric = fc.tuple(nameOf('metric'), title, optional(target)).map(([name, t, tg]) => ['metric', name, t, ...tg]);

const goal = fc
    .tuple(nameOf('goal'), title, fc.option(fc.array(metric, { maxLength: 3 }), { nil: undefined }))
    .map(([name, t, metrics]) => ['goal', name, t, ...(metrics ? ['{', ...metrics.flat(), '}'] : [])]);

const trait = fc.tuple(traitKind, fc.option(level, { nil: undefined })).map(([kind, l]) => (l ? [kind, l] : [kind]));

const projectPart: fc.Arbitrary<Tokens> = fc.oneof(
    list('initiative').map(names => ['supports', ...names]),
    list('member').map(names => ['involves', ...names]),
    list('channel').map(names => ['uses', ...names]),
    trait,
    metric
);

const project = fc
    .tuple(nameOf('project'), title, fc.array(projectPart, { maxLength: 7 }))
    .map(([name, t, parts]) => ['project', name, t, '{', ...parts.flat(), '}']);

const story = fc
    .tuple(nameOf('story'), title, nameOf('project'), optional(list('member').map(names => ['audience', ...names])))
    .map(([name, t, from, audience]) => ['story', name, t, 'from', from, ...audience]);

const stagePart: fc.Arbitrary<Tokens> = fc.oneof(
    title.map(t => ['mantra', t]),
    goal,
    list('channel').map(names => ['launch', ...names]),
    project,
    story
);

const stage = fc
    .tuple(nameOf('stage'), title, optional(nameOf('stage').map(name => ['after', name])), fc.array(stagePart, { maxLength: 5 }))
    .map(([name, t, after, parts]) => ['stage', name, t, ...after, '{', ...parts.flat(), '}']);

const planPart: fc.Arbitrary<Tokens> = fc.oneof(
    { weight: 1, arbitrary: coalition },
    { weight: 2, arbitrary: channel },
    { weight: 2, arbitrary: initiative },
    { weight: 3, arbitrary: stage }
);

const planTokens: fc.Arbitrary<Tokens> = fc
    .tuple(fc.stringMatching(/^[A-Z][a-zA-Z0-9]{0,9}$/).filter(n => !KEYWORDS.has(n)), title, fc.array(planPart, { maxLength: 8 }))
    .map(([name, t, parts]) => ['plan', name, t, '{', ...parts.flat(), '}']);

/** What goes between two tokens: spacing, line breaks, comments (a line comment ends its line). */
const separator: fc.Arbitrary<string> = fc.oneof(
    { weight: 12, arbitrary: fc.constant(' ') },
    { weight: 6, arbitrary: fc.constantFrom('\n', '\n  ', '\n\n    ', '\t', '   ', '\r\n') },
    { weight: 1, arbitrary: fc.constantFrom(' // a note\n', ' /* inline */ ', '\n/* two\n   lines */\n', ' //\n', '/**/') }
);

/** A valid plan: tokens joined by random separators, with an optional leading and trailing comment. */
export const validPlan: fc.Arbitrary<string> = planTokens.chain(tokens =>
    fc
        .tuple(
            fc.array(separator, { minLength: tokens.length - 1, maxLength: tokens.length - 1 }),
            fc.constantFrom('', '// header comment\n', '/* header */\n'),
            fc.constantFrom('', '\n', '\n// trailing comment\n', '\n/* trailing */')
        )
        .map(([separators, head, tail]) => head + tokens.map((token, i) => (i === 0 ? token : separators[i - 1] + token)).join('') + tail)
);

/** One edit of a text, as a function of it. Positions are fractions of the text's length. */
type Mutation = (text: string) => string;

const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const at = (text: string, f: number): number => Math.floor(f * (text.length + 1));

const stray = fc.oneof(
    fc.constantFrom('{', '}', '"', "'", '/*', '//', '*/', ',', '%', '\\', '\u0000', '\uFFFD', '\uD800', '\u200B', '\r', 'plan', 'stage x "y" {', '}}}'),
    fc.string({ unit: 'binary', maxLength: 6 })
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    // Delete a span (selection + backspace).
    fc.tuple(fraction, fc.nat({ max: 40 })).map(([f, n]) => (text: string) => text.slice(0, at(text, f)) + text.slice(at(text, f) + n)),
    // Duplicate a span somewhere else (a bad paste).
    fc.tuple(fraction, fc.nat({ max: 60 }), fraction).map(([f, n, g]) => (text: string) => {
        const copied = text.slice(at(text, f), at(text, f) + n);
        const to = at(text, g);
        return text.slice(0, to) + copied + text.slice(to);
    }),
    // A stray brace, quote, comment opener or odd character.
    fc.tuple(fraction, stray).map(([f, s]) => (text: string) => text.slice(0, at(text, f)) + s + text.slice(at(text, f))),
    // A word cut mid-way: the rest of the word is gone, as when typing it.
    fraction.map(f => (text: string) => {
        const from = at(text, f);
        const rest = /^\w*/.exec(text.slice(from))?.[0].length ?? 0;
        return text.slice(0, from) + text.slice(from + Math.ceil(rest / 2));
    }),
    // The text typed so far: everything after a point is missing.
    fraction.map(f => (text: string) => text.slice(0, at(text, f)))
);

/** A valid plan with one to four mutations applied. */
export const mutatedPlan: fc.Arbitrary<string> = fc
    .tuple(validPlan, fc.array(mutation, { minLength: 1, maxLength: 4 }))
    .map(([text, mutations]) => mutations.reduce((current, mutate) => mutate(current), text));

/** Text that is nothing like a plan. */
export const garbage: fc.Arbitrary<string> = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.string({ unit: fc.constantFrom('{', '}', '"', '/', '*', ' ', '\n', 'a', ',', '%', '1'), maxLength: 200 }),
    fc.array(fc.constantFrom(...KEYWORDS, '{', '}', '"t"', 'x', ',', '%', '12'), { maxLength: 60 }).map(words => words.join(' '))
);
