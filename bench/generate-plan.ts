/**
 * A generator of realistic Adopt plans of N projects, for the benchmarks: a coalition of members
 * with roles, units and training, channels, initiatives, an initial stage with a mantra and goals,
 * several roll-out stages chained with `after`, projects that support initiatives, involve
 * members, use channels, carry traits and metrics, and a road-show stage of stories with
 * audiences. Every reference resolves. The same seed always gives the same plan.
 *
 * The plan is built once as data (`generatePlan`) and written out three ways: as `.adopt` text
 * (`toAdopt`), as YAML (`toYaml`) and the JSON Schema that YAML follows (`planJsonSchema`), so the
 * YAML language server can be measured on the same plan.
 */

export type Role = 'executive' | 'middle-manager' | 'operational-manager' | 'early-adopter' | 'staff' | 'naysayer';
export type TraitKind = 'asynchrony' | 'geography' | 'crowdsourcing';
export type Level = 'low' | 'medium' | 'high';

export interface GenMember { name: string; title: string; role: Role; unit: string; trained: boolean }
export interface GenChannel { name: string; title: string; platform: string }
export interface GenInitiative { name: string; title: string }
export interface GenMetric { name: string; title: string; target?: { value: number; percent: boolean } }
export interface GenGoal { name: string; title: string; metrics: GenMetric[] }
export interface GenTrait { kind: TraitKind; level?: Level }
export interface GenProject {
    name: string;
    title: string;
    supports: string[];
    involves: string[];
    traits: GenTrait[];
    uses: string[];
    metrics: GenMetric[];
}
export interface GenStory { name: string; title: string; project: string; audience: string[] }
export interface GenStage {
    name: string;
    title: string;
    after?: string;
    mantra?: string;
    goals: GenGoal[];
    launch: string[];
    projects: GenProject[];
    stories: GenStory[];
}
export interface GenPlan {
    name: string;
    title: string;
    members: GenMember[];
    channels: GenChannel[];
    initiatives: GenInitiative[];
    stages: GenStage[];
}

export interface GenerateOptions {
    /** Number of projects. */
    projects: number;
    /** Seed of the pseudo-random generator; the default gives the benchmark's plans. */
    seed?: number;
}

export const DEFAULT_SEED = 20260501;

/** mulberry32: a small, fast, seedable pseudo-random generator (uniform in [0, 1)). */
export function seededRandom(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const UNITS = ['Cardiology', 'Nursing', 'Research', 'Finance', 'Oncology', 'Pediatrics', 'Radiology', 'Pharmacy',
    'Emergency', 'Surgery', 'Communications', 'IT', 'Human Resources', 'Education', 'Neurology', 'Maternity'];
const FIRST = ['Ana', 'Ben', 'Mei', 'Dee', 'Omar', 'Lena', 'Raj', 'Sofia', 'Tom', 'Ines', 'Kofi', 'Yuki', 'Lars', 'Nora', 'Ivan', 'Zoe'];
const LAST = ['Ortiz', 'Hale', 'Cho', 'Park', 'Haddad', 'Berg', 'Patel', 'Rossi', 'Nguyen', 'Silva', 'Mensah', 'Sato', 'Olsen', 'Kaya'];
const CHANNELS: readonly GenChannel[] = [
    { name: 'youtube', title: 'YouTube channel', platform: 'youtube' },
    { name: 'facebook', title: 'Facebook page', platform: 'facebook' },
    { name: 'twitter', title: 'Twitter account', platform: 'twitter' },
    { name: 'linkedin', title: 'LinkedIn page', platform: 'linkedin' },
    { name: 'wiki', title: 'Clinical wiki', platform: 'mediawiki' },
    { name: 'podcast', title: 'Staff podcast', platform: 'podcast' },
    { name: 'yammer', title: 'Internal network', platform: 'yammer' },
    { name: 'blog', title: 'Nursing blog', platform: 'wordpress' }
];
const ACTIVITIES = ['Stream', 'Archive', 'Crowdsource', 'Blog', 'Podcast', 'Wiki for', 'Live Q&A on', 'Video tour of', 'Forum for', 'Map of'];
const SUBJECTS = ['grand rounds', 'patient education', 'shift handover', 'infection control', 'discharge planning', 'onboarding',
    'research seminars', 'pharmacy updates', 'care pathways', 'volunteer training', 'ward rounds', 'board meetings'];
const METRIC_TITLES = ['Archive views per month', 'Questions answered', 'Staff trained', 'Pages edited', 'Episodes published',
    'Campuses reached', 'Likes per post', 'Followers gained'];
const ROLE_WEIGHTS: ReadonlyArray<[Role, number]> = [
    ['executive', 0.05], ['middle-manager', 0.12], ['operational-manager', 0.1], ['early-adopter', 0.15], ['staff', 0.48], ['naysayer', 0.1]
];
const LEVELS: readonly Level[] = ['low', 'medium', 'high'];
const TRAITS: readonly TraitKind[] = ['asynchrony', 'geography', 'crowdsourcing'];

/** Projects per roll-out stage. */
const PROJECTS_PER_STAGE = 1000;

export class Picker {
    constructor(readonly random: () => number) {}
    int(min: number, max: number): number {
        return min + Math.floor(this.random() * (max - min + 1));
    }
    chance(p: number): boolean {
        return this.random() < p;
    }
    one<T>(items: readonly T[]): T {
        return items[Math.floor(this.random() * items.length)];
    }
    /** `count` distinct items (fewer if there are fewer), in the order drawn. */
    some<T>(items: readonly T[], count: number): T[] {
        const chosen = new Set<T>();
        const wanted = Math.min(count, items.length);
        while (chosen.size < wanted) chosen.add(this.one(items));
        return [...chosen];
    }
    role(): Role {
        let r = this.random();
        for (const [role, weight] of ROLE_WEIGHTS) {
            if ((r -= weight) < 0) return role;
        }
        return 'staff';
    }
}

export function generatePlan(options: GenerateOptions): GenPlan {
    const n = Math.max(0, Math.floor(options.projects));
    const pick = new Picker(seededRandom(options.seed ?? DEFAULT_SEED));
    const members = generateMembers(pick, n);
    const initiatives = Array.from({ length: Math.max(5, Math.round(n / 20)) }, (_, i): GenInitiative => ({
        name: `ini${i + 1}`,
        title: `${pick.one(SUBJECTS)[0].toUpperCase()}${pick.one(SUBJECTS).slice(1)} programme ${i + 1}`
    }));
    const stages: GenStage[] = [initialStage(pick)];
    const rolloutCount = Math.max(2, Math.ceil(n / PROJECTS_PER_STAGE));
    const memberNames = members.map(m => m.name);
    const initiativeNames = initiatives.map(i => i.name);
    let made = 0;
    // The channels launched so far (in this stage or one before it): projects use only those, as
    // a plan that follows docs/language.md#a-plan-under-way does (else each use is a channel-not-launched warning).
    const launched: string[] = [];
    for (let s = 0; s < rolloutCount; s++) {
        const count = Math.floor((n * (s + 1)) / rolloutCount) - Math.floor((n * s) / rolloutCount);
        const stage: GenStage = {
            name: `rollout${s + 1}`,
            title: `Roll-out wave ${s + 1}`,
            // Every other stage names its predecessor; the others follow by declaration order.
            after: s % 2 === 0 ? stages[stages.length - 1].name : undefined,
            goals: [generateGoal(pick, `wave${s + 1}Goal`)],
            launch: s === 0 ? ['youtube', 'facebook'] : pick.chance(0.3) ? [pick.one(CHANNELS).name] : [],
            projects: [],
            stories: []
        };
        launched.push(...stage.launch.filter(channel => !launched.includes(channel)));
        for (let i = 0; i < count; i++) {
            stage.projects.push(generateProject(pick, ++made, memberNames, initiativeNames, launched));
        }
        stages.push(stage);
    }
    stages.push(roadShowStage(pick, stages, members));
    return { name: `Bench${n}`, title: `Social media across a health system (${n} projects)`, members, channels: [...CHANNELS], initiatives, stages };
}

function generateMembers(pick: Picker, n: number): GenMember[] {
    return generateCoalition(pick, Math.min(600, Math.max(12, Math.round(n / 25))));
}

/** `count` members m1, m2, ...: the first two trained middle managers, then an operational manager and a naysayer, then roles drawn as in real coalitions. */
export function generateCoalition(pick: Picker, count: number): GenMember[] {
    const members: GenMember[] = [];
    for (let i = 0; i < count; i++) {
        // The first few make sure the coalition has managers and a naysayer, as real ones do.
        const role: Role = i < 2 ? 'middle-manager' : i === 2 ? 'operational-manager' : i === 3 ? 'naysayer' : pick.role();
        members.push({
            name: `m${i + 1}`,
            title: `${pick.one(FIRST)} ${pick.one(LAST)}`,
            role,
            unit: pick.one(UNITS),
            trained: i < 2 || pick.chance(0.4)
        });
    }
    return members;
}

function initialStage(pick: Picker): GenStage {
    return {
        name: 'initiation',
        title: 'Build human bandwidth',
        mantra: 'The status quo must go!',
        goals: [generateGoal(pick, 'managersBuyIn'), generateGoal(pick, 'championsFound'), generateGoal(pick, 'policyAgreed')],
        launch: [],
        projects: [],
        stories: []
    };
}

export function generateGoal(pick: Picker, name: string): GenGoal {
    const metricCount = pick.chance(0.1) ? 0 : pick.int(1, 2);
    return {
        name,
        title: `Managers and staff see why: ${pick.one(SUBJECTS)}`,
        metrics: Array.from({ length: metricCount }, (_, i) => generateMetric(pick, `${name}M${i + 1}`))
    };
}

function generateMetric(pick: Picker, name: string): GenMetric {
    const percent = pick.chance(0.3);
    return {
        name,
        title: pick.one(METRIC_TITLES),
        target: pick.chance(0.9) ? { value: percent ? pick.int(10, 95) : pick.int(5, 2000), percent } : undefined
    };
}

export function generateProject(pick: Picker, index: number, members: readonly string[], initiatives: readonly string[], channels: readonly string[]): GenProject {
    const name = `p${index}`;
    const traits: GenTrait[] = [];
    for (const kind of TRAITS) {
        if (pick.chance(0.75)) {
            // A quarter of the traits are bare (meaning high); asynchrony is never bare, so edits can change its level.
            traits.push({ kind, level: kind !== 'asynchrony' && pick.chance(0.25) ? undefined : pick.one(LEVELS) });
        }
    }
    return {
        name,
        title: `${pick.one(ACTIVITIES)} ${pick.one(SUBJECTS)} ${index}`,
        supports: pick.chance(0.85) ? pick.some(initiatives, pick.chance(0.2) ? 2 : 1) : [],
        involves: pick.some(members, pick.int(2, 6)),
        traits,
        uses: pick.chance(0.7) ? pick.some(channels, pick.int(1, 2)) : [],
        metrics: pick.chance(0.35) ? [generateMetric(pick, `${name}Views`)] : []
    };
}

function roadShowStage(pick: Picker, stages: readonly GenStage[], members: readonly GenMember[]): GenStage {
    const naysayers = members.filter(m => m.role === 'naysayer').map(m => m.name);
    const projects = stages.flatMap(stage => stage.projects);
    const storyCount = Math.max(1, Math.round(projects.length / 30));
    const stories: GenStory[] = [];
    for (let i = 0; i < storyCount && projects.length > 0; i++) {
        const project = projects[Math.floor((i * projects.length) / storyCount)];
        stories.push({
            name: `story${i + 1}`,
            title: `${project.title} now reaches every campus`,
            project: project.name,
            audience: pick.some(naysayers, pick.int(1, 3))
        });
    }
    return {
        name: 'diffusion',
        title: 'Internal road show',
        after: stages[stages.length - 1].name,
        goals: [],
        launch: [],
        projects: [],
        stories
    };
}

// ---------------------------------------------------------------------------------------------
// .adopt text

const quote = (text: string) => JSON.stringify(text);

export function toAdopt(plan: GenPlan): string {
    const out: string[] = [];
    out.push(`// Generated by bench/generate-plan.ts: ${plan.stages.reduce((n, s) => n + s.projects.length, 0)} projects`);
    out.push(`plan ${plan.name} ${quote(plan.title)} {`, '');
    adoptDeclarations(plan, out);
    for (const stage of plan.stages) adoptStage(stage, out);
    out.push('}', '');
    return out.join('\n');
}

/** The coalition (when it has members), channels and initiatives, as a plan or a shared block holds them. */
export function adoptDeclarations(declarations: Pick<GenPlan, 'members' | 'channels' | 'initiatives'>, out: string[]): void {
    if (declarations.members.length > 0) {
        out.push('  coalition {');
        for (const m of declarations.members) {
            out.push(`    member ${m.name} ${quote(m.title)} role ${m.role} unit ${quote(m.unit)}${m.trained ? ' trained' : ''}`);
        }
        out.push('  }', '');
    }
    for (const c of declarations.channels) out.push(`  channel ${c.name} ${quote(c.title)} on ${c.platform}`);
    if (declarations.channels.length > 0) out.push('');
    for (const i of declarations.initiatives) out.push(`  initiative ${i.name} ${quote(i.title)}`);
}

/** A stage with its goals, launches, projects and stories. */
export function adoptStage(stage: GenStage, out: string[]): void {
    out.push('', `  stage ${stage.name} ${quote(stage.title)}${stage.after ? ` after ${stage.after}` : ''} {`);
    if (stage.mantra) out.push(`    mantra ${quote(stage.mantra)}`);
    for (const goal of stage.goals) {
        if (goal.metrics.length === 0) {
            out.push(`    goal ${goal.name} ${quote(goal.title)}`);
        } else {
            out.push(`    goal ${goal.name} ${quote(goal.title)} {`);
            for (const metric of goal.metrics) out.push(`      ${adoptMetric(metric)}`);
            out.push('    }');
        }
    }
    if (stage.launch.length > 0) out.push(`    launch ${stage.launch.join(', ')}`);
    for (const project of stage.projects) adoptProject(project, out);
    for (const story of stage.stories) {
        out.push(`    story ${story.name} ${quote(story.title)} from ${story.project}${story.audience.length > 0 ? ` audience ${story.audience.join(', ')}` : ''}`);
    }
    out.push('  }');
}

function adoptMetric(metric: GenMetric): string {
    const target = metric.target ? ` target ${metric.target.value}${metric.target.percent ? '%' : ''}` : '';
    return `metric ${metric.name} ${quote(metric.title)}${target}`;
}

function adoptProject(project: GenProject, out: string[]): void {
    out.push(`    project ${project.name} ${quote(project.title)} {`);
    if (project.supports.length > 0) out.push(`      supports ${project.supports.join(', ')}`);
    out.push(`      involves ${project.involves.join(', ')}`);
    for (const trait of project.traits) out.push(`      ${trait.kind}${trait.level ? ` ${trait.level}` : ''}`);
    if (project.uses.length > 0) out.push(`      uses ${project.uses.join(', ')}`);
    for (const metric of project.metrics) out.push(`      ${adoptMetric(metric)}`);
    out.push('    }');
}

// ---------------------------------------------------------------------------------------------
// YAML and its JSON Schema

/** The plan as YAML (block style; strings in double quotes, which YAML reads as JSON strings). */
export function toYaml(plan: GenPlan, schemaUri?: string): string {
    const out: string[] = [];
    if (schemaUri) out.push(`# yaml-language-server: $schema=${schemaUri}`);
    out.push(`name: ${plan.name}`, `title: ${quote(plan.title)}`, 'coalition:');
    for (const m of plan.members) {
        out.push(`  - name: ${m.name}`, `    title: ${quote(m.title)}`, `    role: ${m.role}`, `    unit: ${quote(m.unit)}`);
        if (m.trained) out.push('    trained: true');
    }
    out.push('channels:');
    for (const c of plan.channels) out.push(`  - name: ${c.name}`, `    title: ${quote(c.title)}`, `    on: ${c.platform}`);
    out.push('initiatives:');
    for (const i of plan.initiatives) out.push(`  - name: ${i.name}`, `    title: ${quote(i.title)}`);
    out.push('stages:');
    for (const stage of plan.stages) {
        out.push(`  - name: ${stage.name}`, `    title: ${quote(stage.title)}`);
        if (stage.after) out.push(`    after: ${stage.after}`);
        if (stage.mantra) out.push(`    mantra: ${quote(stage.mantra)}`);
        if (stage.goals.length > 0) {
            out.push('    goals:');
            for (const goal of stage.goals) {
                out.push(`      - name: ${goal.name}`, `        title: ${quote(goal.title)}`);
                yamlMetrics(goal.metrics, '        ', out);
            }
        }
        if (stage.launch.length > 0) out.push(`    launch: [${stage.launch.join(', ')}]`);
        if (stage.projects.length > 0) {
            out.push('    projects:');
            for (const project of stage.projects) yamlProject(project, out);
        }
        if (stage.stories.length > 0) {
            out.push('    stories:');
            for (const story of stage.stories) {
                out.push(`      - name: ${story.name}`, `        title: ${quote(story.title)}`, `        from: ${story.project}`);
                if (story.audience.length > 0) out.push(`        audience: [${story.audience.join(', ')}]`);
            }
        }
    }
    out.push('');
    return out.join('\n');
}

function yamlMetrics(metrics: readonly GenMetric[], indent: string, out: string[]): void {
    if (metrics.length === 0) return;
    out.push(`${indent}metrics:`);
    for (const metric of metrics) {
        out.push(`${indent}  - name: ${metric.name}`, `${indent}    title: ${quote(metric.title)}`);
        if (metric.target) out.push(`${indent}    target: ${quote(`${metric.target.value}${metric.target.percent ? '%' : ''}`)}`);
    }
}

function yamlProject(project: GenProject, out: string[]): void {
    out.push(`      - name: ${project.name}`, `        title: ${quote(project.title)}`);
    if (project.supports.length > 0) out.push(`        supports: [${project.supports.join(', ')}]`);
    out.push(`        involves: [${project.involves.join(', ')}]`);
    if (project.traits.length > 0) {
        out.push('        traits:');
        for (const trait of project.traits) out.push(`          ${trait.kind}: ${trait.level ?? 'high'}`);
    }
    if (project.uses.length > 0) out.push(`        uses: [${project.uses.join(', ')}]`);
    yamlMetrics(project.metrics, '        ', out);
}

/** A JSON Schema (draft-07) for the YAML form of a plan: structure, enums and name patterns. */
export function planJsonSchema(): Record<string, unknown> {
    const name = { type: 'string', pattern: '^[_a-zA-Z][_a-zA-Z0-9]*$' };
    const names = { type: 'array', items: name, minItems: 1, uniqueItems: true };
    const level = { enum: ['low', 'medium', 'high'] };
    const object = (properties: Record<string, unknown>, required: string[]) => ({
        type: 'object', additionalProperties: false, required, properties
    });
    return {
        $schema: 'http://json-schema.org/draft-07/schema#',
        $id: 'https://adopt.invalid/bench/plan.schema.json',
        title: 'Adopt plan (YAML form, for the benchmark)',
        definitions: {
            metric: object({
                name, title: { type: 'string' },
                target: { type: 'string', pattern: '^[0-9]+(\\.[0-9]+)?%?$' }
            }, ['name', 'title']),
            member: object({
                name, title: { type: 'string' },
                role: { enum: ['executive', 'middle-manager', 'operational-manager', 'early-adopter', 'staff', 'naysayer'] },
                unit: { type: 'string' }, trained: { type: 'boolean' }
            }, ['name', 'title', 'role']),
            channel: object({ name, title: { type: 'string' }, on: name }, ['name', 'title', 'on']),
            initiative: object({ name, title: { type: 'string' } }, ['name', 'title']),
            goal: object({ name, title: { type: 'string' }, metrics: { type: 'array', items: { $ref: '#/definitions/metric' } } }, ['name', 'title']),
            project: object({
                name, title: { type: 'string' },
                supports: names, involves: names, uses: names,
                traits: object({ asynchrony: level, geography: level, crowdsourcing: level }, []),
                metrics: { type: 'array', items: { $ref: '#/definitions/metric' } }
            }, ['name', 'title']),
            story: object({ name, title: { type: 'string' }, from: name, audience: names }, ['name', 'title', 'from']),
            stage: object({
                name, title: { type: 'string' }, after: name, mantra: { type: 'string' },
                goals: { type: 'array', items: { $ref: '#/definitions/goal' } },
                launch: names,
                projects: { type: 'array', items: { $ref: '#/definitions/project' } },
                stories: { type: 'array', items: { $ref: '#/definitions/story' } }
            }, ['name', 'title'])
        },
        ...object({
            name, title: { type: 'string' },
            coalition: { type: 'array', items: { $ref: '#/definitions/member' } },
            channels: { type: 'array', items: { $ref: '#/definitions/channel' } },
            initiatives: { type: 'array', items: { $ref: '#/definitions/initiative' } },
            stages: { type: 'array', items: { $ref: '#/definitions/stage' } }
        }, ['name', 'title'])
    };
}

// ---------------------------------------------------------------------------------------------
// Edits for the latency benchmark

export interface TextEditAt {
    /** Zero-based line and character of the text to replace. */
    line: number;
    character: number;
    /** The text currently there (a level, a unit), and the one to write. */
    from: string;
    to: string;
}

/**
 * The `asynchrony LEVEL` lines of a generated .adopt text, spread evenly over the plan: `count`
 * edits that each change one project's asynchrony level (low <-> medium, high -> medium).
 */
export function traitLevelEdits(text: string, count: number): TextEditAt[] {
    return spreadEdits(text, count, line => {
        const match = /^(\s*asynchrony )(low|medium|high)\s*$/.exec(line);
        if (!match) return undefined;
        const from = match[2] as Level;
        return { character: match[1].length, from, to: from === 'medium' ? 'low' : 'medium' };
    });
}

/**
 * Edits outside every project: `count` coalition members' units (`unit "Cardiology"` ->
 * `unit "Cardiology East"`), spread over the coalition. Units change no diagnostic; the server
 * parses that member again for such an edit, alone (src/language/fast-build/incremental-parse.ts).
 */
export function memberUnitEdits(text: string, count: number): TextEditAt[] {
    return spreadEdits(text, count, line => {
        const match = /^(\s*member \S+ "[^"]*" role \S+ unit ")([^"]*)"/.exec(line);
        return match ? { character: match[1].length, from: match[2], to: `${match[2]} East` } : undefined;
    });
}

/**
 * Edits outside every declaration: `count` comments added after initiatives, on their lines
 * (`initiative ini1 "..."` -> `initiative ini1 "..." // note`). Comments change no diagnostic; a
 * comment after a declaration's last token belongs to no declaration, so the server parses the
 * whole plan again for such an edit.
 */
export function initiativeCommentEdits(text: string, count: number): TextEditAt[] {
    return spreadEdits(text, count, line => (/^\s*initiative \S+ "[^"]*"$/.test(line) ? { character: line.length, from: '', to: ' // note' } : undefined));
}

/**
 * Edits that add a line inside a project, as Enter at the start of its `asynchrony` line does:
 * `count` of them, spread over the plan, from the last project up, so that each edit's line is
 * still where the text said (one made further down moves none above it). Every line after the
 * edit moves down by one, and with it every diagnostic after it; the server parses the project
 * again, alone.
 */
export function newLineEdits(text: string, count: number): TextEditAt[] {
    return spreadEdits(text, count, line => (/^\s*asynchrony (low|medium|high)\s*$/.test(line) ? { character: 0, from: '', to: '\n' } : undefined)).reverse();
}

/** `count` edits, one per line that `editOf` gives an edit for, spread evenly over those lines (none if there are none). */
function spreadEdits(text: string, count: number, editOf: (line: string) => Omit<TextEditAt, 'line'> | undefined): TextEditAt[] {
    const candidates: TextEditAt[] = [];
    text.split('\n').forEach((line, index) => {
        const edit = editOf(line);
        if (edit) candidates.push({ line: index, ...edit });
    });
    if (candidates.length === 0) return [];
    return Array.from({ length: count }, (_, i) => candidates[Math.floor(((i + 0.5) * candidates.length) / count)]);
}
