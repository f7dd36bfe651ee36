/**
 * The benchmark's workspace of plans in many files (docs/language.md#plans-in-many-files): plans of
 * a network's departments that all `use` two shared files, one with the network's coalition and
 * one with its channels and initiatives. By default 100 plans of 100 projects each, 200 shared
 * members, 20 channels and 30 initiatives, the workload whose figures BENCHMARKS.md gives.
 *
 * The same workload is written three ways, so that each can be measured against the other:
 * the workspace's files (`workspaceFiles`), one plan of it with the shared declarations written
 * into it instead of used (`planAlone`), and all the plans' projects in one file with the shared
 * declarations written in (`workspaceInOneFile`). Every name is unique across the workspace, so
 * the one file declares each name once. Projects are made as bench/generate-plan.ts makes them;
 * the same seed always gives the same files.
 */
import {
    DEFAULT_SEED, Picker, adoptDeclarations, adoptStage, generateCoalition, generateGoal, generateProject, seededRandom, toAdopt,
    type GenChannel, type GenInitiative, type GenMember, type GenPlan, type GenStage, type GenStory
} from './generate-plan.js';

export interface WorkspaceOptions {
    /** Number of plans (departments). */
    plans?: number;
    /** Projects in each plan. */
    projectsPerPlan?: number;
    /** Members of the shared coalition. */
    members?: number;
    /** Shared channels. */
    channels?: number;
    /** Shared initiatives. */
    initiatives?: number;
    seed?: number;
}

/** What a shared file declares. */
export interface GenShared {
    name: string;
    title: string;
    members: GenMember[];
    channels: GenChannel[];
    initiatives: GenInitiative[];
}

export interface GenWorkspace {
    /** The shared file of the coalition, then the one of the channels and initiatives. */
    shared: [GenShared, GenShared];
    /** The department plans; their own members, channels and initiatives are empty (they use the shared ones). */
    plans: GenPlan[];
}

/** A file of the workspace: its path relative to the workspace folder, with '/', and its text. */
export interface WorkspaceFile {
    path: string;
    text: string;
}

/** Where the shared files are, relative to the workspace folder; plans are in `departments/`. */
export const SHARED_PATHS = ['network/people.adopt', 'network/channels.adopt'] as const;
export const PLANS_FOLDER = 'departments';

const PLATFORMS = ['youtube', 'facebook', 'twitter', 'linkedin', 'mediawiki', 'podcast', 'yammer', 'wordpress', 'intranet', 'teams'];
const CHANNEL_KINDS = ['channel', 'page', 'stream', 'wiki', 'feed'];

export function generateWorkspace(options: WorkspaceOptions = {}): GenWorkspace {
    const planCount = options.plans ?? 100;
    const perPlan = options.projectsPerPlan ?? 100;
    const pick = new Picker(seededRandom(options.seed ?? DEFAULT_SEED));
    const members = generateCoalition(pick, options.members ?? 200);
    const channels = Array.from({ length: options.channels ?? 20 }, (_, i): GenChannel => {
        const platform = PLATFORMS[i % PLATFORMS.length];
        return { name: `ch${i + 1}`, title: `Network ${platform} ${pick.one(CHANNEL_KINDS)} ${i + 1}`, platform };
    });
    const initiatives = Array.from({ length: options.initiatives ?? 30 }, (_, i): GenInitiative => ({
        name: `ini${i + 1}`, title: `Network programme ${i + 1}`
    }));
    const people: GenShared = { name: 'NetworkPeople', title: 'The network\'s coalition', members, channels: [], initiatives: [] };
    const means: GenShared = { name: 'NetworkChannels', title: 'The network\'s channels and initiatives', members: [], channels, initiatives };
    const plans: GenPlan[] = [];
    for (let d = 1; d <= planCount; d++) {
        plans.push(departmentPlan(pick, d, (d - 1) * perPlan, perPlan, members, channels.map(c => c.name), initiatives.map(i => i.name)));
    }
    return { shared: [people, means], plans };
}

/**
 * Department `d`'s plan: an initial stage with a mantra and goals, two roll-out waves (the first
 * launches two channels, the second may launch one more; projects use only launched ones), and a
 * road show. Its names start with `d<d>` (projects are numbered across the workspace).
 */
function departmentPlan(pick: Picker, d: number, projectsBefore: number, count: number, members: readonly GenMember[],
    channels: readonly string[], initiatives: readonly string[]): GenPlan {
    const prefix = `d${d}`;
    const memberNames = members.map(m => m.name);
    const initiation: GenStage = {
        name: `${prefix}Initiation`, title: 'Build human bandwidth', mantra: 'The status quo must go!',
        goals: [generateGoal(pick, `${prefix}ManagersBuyIn`), generateGoal(pick, `${prefix}ChampionsFound`)],
        launch: [], projects: [], stories: []
    };
    const stages: GenStage[] = [initiation];
    const launched: string[] = [];
    const waves = 2;
    let made = 0;
    for (let w = 1; w <= waves; w++) {
        const inWave = Math.floor((count * w) / waves) - Math.floor((count * (w - 1)) / waves);
        const launch = w === 1 ? pick.some(channels, 2) : pick.chance(0.5) ? [pick.one(channels)].filter(c => !launched.includes(c)) : [];
        launched.push(...launch);
        const stage: GenStage = {
            name: `${prefix}Rollout${w}`, title: `Roll-out wave ${w}`, after: stages[stages.length - 1].name,
            goals: [generateGoal(pick, `${prefix}Wave${w}Goal`)], launch, projects: [], stories: []
        };
        for (let i = 0; i < inWave; i++) stage.projects.push(generateProject(pick, projectsBefore + ++made, memberNames, initiatives, launched));
        stages.push(stage);
    }
    const naysayers = members.filter(m => m.role === 'naysayer').map(m => m.name);
    const projects = stages.flatMap(stage => stage.projects);
    const storyCount = Math.max(1, Math.round(projects.length / 30));
    const stories = Array.from({ length: Math.min(storyCount, projects.length) }, (_, i): GenStory => {
        const project = projects[Math.floor((i * projects.length) / storyCount)];
        return { name: `${prefix}Story${i + 1}`, title: `${project.title} now reaches every campus`, project: project.name, audience: pick.some(naysayers, pick.int(1, 3)) };
    });
    stages.push({ name: `${prefix}Diffusion`, title: 'Internal road show', after: stages[stages.length - 1].name, goals: [], launch: [], projects: [], stories });
    return { name: `Department${d}`, title: `Social media in department ${d}`, members: [], channels: [], initiatives: [], stages };
}

/** The path of plan `index` (0-based) in the workspace folder: departments/dept-001.adopt, ... */
export function planPath(index: number): string {
    return `${PLANS_FOLDER}/dept-${String(index + 1).padStart(3, '0')}.adopt`;
}

/** The workspace's files: the two shared files, then the plans in path order. */
export function workspaceFiles(workspace: GenWorkspace): WorkspaceFile[] {
    const shared = workspace.shared.map((block, i): WorkspaceFile => {
        const out = [`// Generated by bench/generate-workspace.ts: shared by ${workspace.plans.length} plans`, `shared ${block.name} ${JSON.stringify(block.title)} {`];
        adoptDeclarations(block, out);
        out.push('}', '');
        return { path: SHARED_PATHS[i], text: out.join('\n') };
    });
    const plans = workspace.plans.map((plan, index): WorkspaceFile => {
        const out = SHARED_PATHS.map(path => `use "../${path}"`);
        out.push('', `plan ${plan.name} ${JSON.stringify(plan.title)} {`);
        for (const stage of plan.stages) adoptStage(stage, out);
        out.push('}', '');
        return { path: planPath(index), text: out.join('\n') };
    });
    return [...shared, ...plans];
}

/** The shared declarations of both files together. */
function sharedDeclarations(workspace: GenWorkspace): Pick<GenPlan, 'members' | 'channels' | 'initiatives'> {
    return {
        members: workspace.shared.flatMap(block => block.members),
        channels: workspace.shared.flatMap(block => block.channels),
        initiatives: workspace.shared.flatMap(block => block.initiatives)
    };
}

/** Plan `index` (0-based) on its own: the same stages, with the shared declarations written into it instead of used. */
export function planAlone(workspace: GenWorkspace, index: number): string {
    return toAdopt({ ...workspace.plans[index], ...sharedDeclarations(workspace) });
}

/** Every plan's stages in one plan, with the shared declarations written in: the workspace as one file. */
export function workspaceInOneFile(workspace: GenWorkspace): string {
    const projects = workspace.plans.reduce((n, plan) => n + plan.stages.reduce((m, stage) => m + stage.projects.length, 0), 0);
    return toAdopt({
        name: 'Network', title: `Social media across the network (${projects} projects in one file)`,
        ...sharedDeclarations(workspace), stages: workspace.plans.flatMap(plan => plan.stages)
    });
}
