// Where a new Web Worker of the language server spends its time before the example plan's first
// diagnostics, in headless chromium. The page answers the worker itself (no round trip to Node):
// it posts `initialize` at once, then `initialized` and `didOpen` of examples/riverside-health.adopt
// once `initialize` is answered, and answers the worker's requests as a client without settings
// or config files would. Two marks are posted by the script itself (a line before and a line
// after the bundle, in the Blob only; the first after the bundle's "use strict", without which
// the bundle would run in sloppy mode), so each start is cut into: the worker's start and the
// script's load and compile, the script's evaluation, the answer to `initialize`, and `didOpen`
// to the diagnostics. The browser is launched as for the bench's browser rows
// (bench/browser-bench.mjs), and playwright attaches to the worker as it does there: the worker
// runs with a debugger's session, which makes V8 do more for each exception thrown.
//
// With --profile, each start also records a CPU profile of the worker (the Chrome DevTools
// Protocol: the page's session auto-attaches to the worker, paused before its script, and starts
// V8's sampling profiler in it); the samples are mapped to the original sources through the
// bundle's source map (not made by --production builds) and summed per task of the worker (the
// script's evaluation, each message handled) and per package and function (`--task N`: the
// N-th task only). The profiler slows the worker, and the source positions it needs count in
// "(program)"; the timed runs without it are the ones to quote.
//
// With --against OTHER_SCRIPT, the two scripts start in turn (A B, then B A, …) in the same page,
// and the medians of each and their ratio are printed: an A/B comparison of two builds.
//
// Usage: node bench/browser-startup-profile.mjs [--script out/browser/language-server.js]
//          [--against /tmp/other/language-server.js] [--runs 7] [--warmups 2]
//          [--profile] [--interval 50] [--top 25] [--task N]
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
    options: {
        script: { type: 'string', default: join(root, 'out/browser/language-server.js') },
        against: { type: 'string' },
        runs: { type: 'string', default: '7' },
        warmups: { type: 'string', default: '2' },
        profile: { type: 'boolean', default: false },
        interval: { type: 'string', default: '50' },
        top: { type: 'string', default: '25' },
        task: { type: 'string' }
    }
});
const CHROMIUM = process.env.ADOPT_CHROMIUM ?? '/usr/bin/chromium';
const median = values => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = sorted.length >> 1;
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Runs in the page: `adoptProbe.start(i)` starts a worker of the i-th script and resolves with the page's times of each step. */
function installClient([scriptTexts, planText]) {
    const mark = name => `postMessage({ adoptProbe: '${name}', at: performance.timeOrigin + performance.now() });`;
    // The first mark goes after the script's "use strict" directive, which must stay first to count.
    const urls = scriptTexts.map(text => {
        const directive = /^(["'])use strict\1;?/.exec(text)?.[0] ?? '';
        return URL.createObjectURL(new Blob([directive, mark('evaluating'), '\n', text.slice(directive.length), '\n', mark('evaluated')], { type: 'text/javascript' }));
    });
    const uri = 'file:///tmp/adopt-probe/riverside-health.adopt';
    const send = (worker, message) => worker.postMessage({ jsonrpc: '2.0', ...message });
    globalThis.adoptProbe = {
        /** Starts a worker; `keep` leaves it running after its diagnostics, until `terminate()`. */
        start: (which, keep) => new Promise((resolveRun, rejectRun) => {
            const at = {};
            const now = () => performance.timeOrigin + performance.now();
            at.created = now();
            const worker = new Worker(urls[which], { name: 'Adopt' });
            globalThis.adoptProbe.worker = worker;
            worker.onerror = event => rejectRun(new Error(event.message));
            worker.onmessage = ({ data }) => {
                if (data.adoptProbe) {
                    at[data.adoptProbe] = data.at;
                } else if (data.id === 1 && !data.method) {
                    at.initialized = now();
                    send(worker, { method: 'initialized', params: {} });
                    send(worker, { method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'adopt', version: 1, text: planText } } });
                } else if (data.method && data.id !== undefined) {
                    // No config file and no settings: the file requests find nothing, the rest gets null.
                    const result = data.method === 'adopt/fs/stat' || data.method === 'adopt/fs/readFile' ? { error: 'FileNotFound' }
                        : data.method === 'workspace/configuration' ? data.params.items.map(() => null) : null;
                    send(worker, { id: data.id, result });
                } else if (data.method === 'textDocument/publishDiagnostics' && data.params.uri === uri) {
                    at.diagnostics = now();
                    if (!keep) worker.terminate();
                    resolveRun({ at, diagnostics: data.params.diagnostics.length });
                }
            };
            send(worker, {
                id: 1, method: 'initialize',
                params: { processId: null, rootUri: null, workspaceFolders: null, capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } }, workspace: { configuration: true } } }
            });
        }),
        terminate: () => globalThis.adoptProbe.worker.terminate()
    };
}

/** The bundle's source map, decoded: per generated line, its segments [column, source, line, column]. */
function readSourceMap(file) {
    const map = JSON.parse(readFileSync(file, 'utf8'));
    const digits = Object.fromEntries([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((char, index) => [char, index]));
    const state = [0, 0, 0, 0];
    const lines = map.mappings.split(';').map(line => {
        state[0] = 0;
        return line.split(',').filter(Boolean).map(segment => {
            const fields = [];
            for (let index = 0, value = 0, shift = 0; index < segment.length; index++) {
                const digit = digits[segment[index]];
                value += (digit & 31) << shift;
                if (digit & 32) {
                    shift += 5;
                } else {
                    fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
                    value = 0;
                    shift = 0;
                }
            }
            for (let index = 0; index < Math.min(fields.length, 4); index++) state[index] += fields[index];
            return [...state];
        });
    });
    const sourceLines = new Map();
    return {
        /** `package/file:line  source text` of a generated position (0-based, as a profile's call frames give them). */
        where(line, column) {
            const segments = lines[line] ?? [];
            let low = 0;
            let high = segments.length - 1;
            while (low < high) {
                const middle = (low + high + 1) >> 1;
                if (segments[middle][0] <= column) low = middle; else high = middle - 1;
            }
            const segment = segments[low];
            if (!segment) return undefined;
            const [, source, sourceLine] = segment;
            if (!sourceLines.has(source)) sourceLines.set(source, (map.sourcesContent?.[source] ?? '').split('\n'));
            // From the repository's root (a bundle built elsewhere names its sources from there).
            const path = map.sources[source].replace(/^(\.\.\/)+/, '');
            const inPackages = path.indexOf('node_modules/');
            const name = inPackages >= 0 ? path.slice(inPackages) : path.replace(/^.*?\/(?=(?:src|language-server)\/)/, '');
            return { file: name, module: moduleOf(name), text: `${name}:${sourceLine + 1}  ${(sourceLines.get(source)[sourceLine] ?? '').trim().slice(0, 90)}` };
        }
    };
}

/** A file's package (`langium`, `chevrotain`, …), or `adopt/<folder>` for the project's own. */
function moduleOf(file) {
    const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    if (inPackage) return inPackage[1];
    const own = /^(src\/[^/]+(?:\/[^/]+)?|language-server)\//.exec(file);
    return own ? `adopt/${own[1].replace(/^src\//, '')}` : file;
}

/**
 * Per-sample attribution of a CPU profile: for each sample, its time (ms from the profile's start),
 * its duration, the frame it was in (self) and whether it was idle.
 */
function samplesOf(profile, sourceMap, scriptUrl, directiveLength) {
    const nodes = new Map(profile.nodes.map(node => [node.id, node]));
    const parents = new Map();
    for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
    const describe = node => {
        const frame = node.callFrame;
        if (frame.url === scriptUrl && sourceMap) {
            // The Blob has the bundle's directive and a mark before the bundle's first line.
            const found = sourceMap.where(frame.lineNumber - 1, frame.columnNumber + (frame.lineNumber === 1 ? directiveLength : 0));
            if (found) return { ...found, text: `${found.text}  [${frame.functionName || 'anonymous'}]` };
        }
        const name = frame.functionName || '(anonymous)';
        return { module: frame.url ? 'bundle' : name, text: frame.url ? `${name} ${frame.lineNumber}:${frame.columnNumber}` : name };
    };
    const described = new Map();
    const stacks = new Map();
    /** The frames a sample was in, each once, innermost first. */
    const stackOf = id => {
        if (!stacks.has(id)) {
            const frames = new Set();
            for (let at = id; at !== undefined; at = parents.get(at)) {
                if (!described.has(at)) described.set(at, describe(nodes.get(at)));
                frames.add(described.get(at).text);
            }
            stacks.set(id, [...frames]);
        }
        return stacks.get(id);
    };
    const samples = [];
    let time = profile.startTime;
    for (let index = 0; index < profile.samples.length; index++) {
        time += profile.timeDeltas[index];
        const next = index + 1 < profile.timeDeltas.length ? profile.timeDeltas[index + 1] : 0;
        const id = profile.samples[index];
        if (!described.has(id)) described.set(id, describe(nodes.get(id)));
        const name = nodes.get(id).callFrame.functionName;
        samples.push({ at: (time - profile.startTime) / 1000, ms: next / 1000, self: described.get(id), idle: name === '(idle)', stack: stackOf(id) });
    }
    return samples;
}

/** The worker's tasks: runs of busy samples, split where it was idle for more than half a millisecond. */
function tasksOf(samples) {
    const tasks = [];
    let current;
    let idleSince;
    for (const sample of samples) {
        if (sample.idle) {
            idleSince ??= sample.at;
            if (current && sample.at - idleSince > 0.5) current = undefined;
            continue;
        }
        idleSince = undefined;
        if (!current) tasks.push(current = { from: sample.at, to: sample.at, samples: [] });
        current.to = sample.at + sample.ms;
        current.samples.push(sample);
    }
    return tasks;
}

function sumBy(samples, key) {
    const sums = new Map();
    for (const sample of samples) sums.set(key(sample), (sums.get(key(sample)) ?? 0) + sample.ms);
    return [...sums].sort((a, b) => b[1] - a[1]);
}

const ms = value => `${value.toFixed(1).padStart(6)} ms`;

/** A port no one listens on now, on 127.0.0.1. */
async function freePort() {
    const server = createServer();
    await new Promise(resolveListen => server.listen(0, '127.0.0.1', resolveListen));
    const { port } = server.address();
    await new Promise(resolveClose => server.close(resolveClose));
    return port;
}

/** A client of the browser's DevTools endpoint (its WebSocket) on `port`, with flat sessions: `send(method, params, sessionId)`. */
async function devTools(port) {
    const { webSocketDebuggerUrl } = await (await fetch(`http://127.0.0.1:${port}/json/version`)).json();
    const socket = new WebSocket(webSocketDebuggerUrl);
    await new Promise((resolveOpen, rejectOpen) => {
        socket.onopen = resolveOpen;
        socket.onerror = () => rejectOpen(new Error('no DevTools endpoint'));
    });
    const pending = new Map();
    const listeners = new Set();
    let nextId = 1;
    socket.onmessage = ({ data }) => {
        const message = JSON.parse(data);
        if (message.id === undefined) {
            for (const listener of [...listeners]) listener(message);
            return;
        }
        const waiting = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) waiting.rejectCall(new Error(`${waiting.method}: ${message.error.message}`)); else waiting.resolveCall(message.result);
    };
    return {
        send: (method, params = {}, sessionId = undefined) => new Promise((resolveCall, rejectCall) => {
            const id = nextId++;
            pending.set(id, { resolveCall, rejectCall, method });
            socket.send(JSON.stringify({ id, method, params, sessionId }));
        }),
        /** Resolves with the first event `matches` accepts. */
        next: matches => new Promise(resolveEvent => {
            const listener = message => {
                if (!matches(message)) return;
                listeners.delete(listener);
                resolveEvent(message);
            };
            listeners.add(listener);
        }),
        close: () => socket.close()
    };
}

/** One start with V8's profiler running in the worker from before its script to its diagnostics. */
async function profiledStart(page, cdp, pageSession, interval) {
    const attached = cdp.next(message => message.method === 'Target.attachedToTarget' && message.sessionId === pageSession
        && message.params.targetInfo.type === 'worker');
    const run = page.evaluate(() => globalThis.adoptProbe.start(0, true));
    const { params } = await attached;
    const worker = params.sessionId;
    await cdp.send('Profiler.enable', {}, worker);
    await cdp.send('Profiler.setSamplingInterval', { interval }, worker);
    await cdp.send('Profiler.start', {}, worker);
    await cdp.send('Runtime.runIfWaitingForDebugger', {}, worker);
    const result = await run;
    const { profile } = await cdp.send('Profiler.stop', {}, worker);
    await page.evaluate(() => globalThis.adoptProbe.terminate());
    return { ...result, profile, workerUrl: params.targetInfo.url };
}

const STEPS = [
    ['load', "new Worker() to the script's first line (start, load, compile)", at => at.evaluating - at.created],
    ['evaluate', "the script's evaluation", at => at.evaluated - at.evaluating],
    ['initialize', 'its end to the answer to initialize', at => at.initialized - at.evaluated],
    ['diagnostics', 'that answer to the diagnostics (initialized, didOpen, build)', at => at.diagnostics - at.initialized],
    ['total', 'new Worker() to the diagnostics', at => at.diagnostics - at.created]
];

async function main() {
    const runs = Number(args.runs);
    const warmups = Number(args.warmups);
    const scripts = [args.script, ...(args.against ? [args.against] : [])];
    if (args.profile && scripts.length > 1) throw new Error('--profile takes one script');
    const planText = readFileSync(join(root, 'examples/riverside-health.adopt'), 'utf8');
    // Launched as the bench's browser rows launch it (bench/browser-bench.mjs); with --profile, with a DevTools endpoint too.
    const port = args.profile ? await freePort() : undefined;
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', ...(port ? [`--remote-debugging-port=${port}`] : [])] });
    let cdp;
    try {
        const page = await browser.newPage();
        await page.evaluate(installClient, [scripts.map(script => readFileSync(script, 'utf8')), planText]);
        let pageSession;
        if (args.profile) {
            cdp = await devTools(port);
            const { targetInfos } = await cdp.send('Target.getTargets');
            const target = targetInfos.find(info => info.type === 'page' && info.url === 'about:blank');
            ({ sessionId: pageSession } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: true }));
            await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true }, pageSession);
        }
        const times = scripts.map(() => Object.fromEntries(STEPS.map(([key]) => [key, []])));
        const profiles = [];
        let workerUrl;
        for (let run = 0; run < warmups + runs; run++) {
            // With two scripts, each round starts both, the first one first in even rounds.
            const order = run % 2 === 0 ? scripts.keys() : [...scripts.keys()].reverse();
            for (const index of order) {
                const result = args.profile ? await profiledStart(page, cdp, pageSession, Number(args.interval))
                    : await page.evaluate(([which]) => globalThis.adoptProbe.start(which, false), [index]);
                if (run < warmups) continue;
                for (const [key, , of] of STEPS) times[index][key].push(of(result.at));
                if (result.profile) profiles.push(result.profile);
                workerUrl = result.workerUrl ?? workerUrl;
            }
        }
        console.log(`chromium ${browser.version()}, ${runs} starts after ${warmups} warm-ups${scripts.length > 1 ? ' of each script, alternating' : ''}${args.profile ? `, profiled every ${args.interval} µs` : ''}; load average ${loadavg().map(value => value.toFixed(2)).join(' ')}`);
        console.log(`medians (page clock), ${scripts.map((script, index) => `${'AB'[index]}: ${script}`).join(', ')}`);
        for (const [key, words] of STEPS) {
            const medians = times.map(each => median(each[key]));
            const ratio = medians.length > 1 ? `   B/A ${(medians[1] / medians[0]).toFixed(2)}` : '';
            console.log(`  ${words.padEnd(62)}${medians.map(ms).join('')}${ratio}`);
        }
        for (const [index, each] of times.entries()) console.log(`  ${'AB'[index]}'s starts: ${each.total.map(value => value.toFixed(0)).join(', ')} ms`);
        if (profiles.length > 0) report(profiles, workerUrl, Number(args.top));
    } finally {
        cdp?.close();
        await browser.close();
    }
}

/** Prints the profiles' tasks and their heaviest packages and functions, in ms per start (summed over all, divided by the starts). */
function report(profiles, workerUrl, top) {
    const mapFile = `${args.script}.map`;
    let sourceMap;
    try {
        sourceMap = readSourceMap(mapFile);
    } catch {
        console.log(`(no source map at ${mapFile}: frames are the bundle's)`);
    }
    const perStart = value => value / profiles.length;
    const directiveLength = /^(["'])use strict\1;?/.exec(readFileSync(args.script, 'utf8'))?.[0].length ?? 0;
    const all = profiles.map(profile => samplesOf(profile, sourceMap, workerUrl, directiveLength));
    const tasks = all.map(tasksOf);
    console.log(`\nthe worker's tasks over 1 ms, first start (ms from the profiler's start; the script runs once the worker is resumed):`);
    for (const task of tasks[0].filter(each => each.to - each.from > 1)) {
        const busy = task.samples.reduce((sum, sample) => sum + sample.ms, 0);
        const heaviest = sumBy(task.samples, sample => sample.self.module).slice(0, 4).map(([name, took]) => `${name} ${took.toFixed(1)}`).join(', ');
        console.log(`  ${task.from.toFixed(1).padStart(7)} to ${task.to.toFixed(1).padStart(7)}: ${ms(busy)} busy; ${heaviest}`);
    }
    // With --task N, only the N-th task over 1 ms of each start (1: the script's evaluation).
    const chosen = args.task === undefined ? all.flat() : tasks.flatMap(each => each.filter(task => task.to - task.from > 1)[Number(args.task) - 1]?.samples ?? []);
    const busy = chosen.filter(sample => !sample.idle);
    console.log(`\nbusy time per start${args.task === undefined ? '' : ` in task ${args.task}`}: ${ms(perStart(busy.reduce((sum, sample) => sum + sample.ms, 0)))}; by package (self time):`);
    for (const [name, took] of sumBy(busy, sample => sample.self.module).slice(0, top)) console.log(`  ${ms(perStart(took))}  ${name}`);
    console.log(`\nby function (self time):`);
    for (const [name, took] of sumBy(busy, sample => sample.self.text).slice(0, top)) console.log(`  ${ms(perStart(took))}  ${name}`);
    const inclusive = new Map();
    for (const sample of busy) for (const frame of sample.stack) inclusive.set(frame, (inclusive.get(frame) ?? 0) + sample.ms);
    console.log(`\nby function (total time, with what it calls):`);
    for (const [name, took] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${ms(perStart(took))}  ${name}`);
}

main().catch(error => {
    console.error(error);
    process.exit(1);
});
