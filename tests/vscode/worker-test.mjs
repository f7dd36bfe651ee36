// The browser build of the language server against the Node build, over LSP: the Web Worker
// (out/browser/language-server.js) runs in headless chromium (playwright-core) and reads every
// file through this test's client (tests/vscode/worker-client.mjs), which answers from the disk;
// the Node server (out/language-server.cjs --stdio) reads the disk itself. Both get the same
// messages (a workspace folder, file:// URIs, `initializationOptions.today`) and must give the
// same answers on every example (examples/*.adopt and the workspace of shared files and `use`
// lines, examples/northfield-network/) and every acceptance plan (tests/acceptance/plans/): the
// workspace's plans as the worker finds them with one search (`adopt/fs/findFiles`, no folder
// read) and `adopt/rankWorkspace` on them, the diagnostics published for each file (in any
// order), the hover of every project's name, `adopt/rankQuickWins` and `adopt/planOverview`, the
// editor features (completion, formatting, rename, symbols, folding, semantic tokens, code lenses,
// code actions: `compareEditorFeatures`); and,
// for a client that does not know the search, the plans found by reading the folders. Bad input through the client gets the same
// diagnostics too: plans that use a missing file, a folder, a binary file, a file that is not
// UTF-8 and one over 8 MiB (`use-not-found`), and a broken adopt.config.json beside a plan
// (`invalid-config`). The day is fixed by `initializationOptions.today` (the worker has no
// environment); the Node server's ADOPT_TODAY names another day, which the option overrides.
// Run by scripts/test-vscode.mjs (--only=worker); each file and feature is an outcome of its own.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { chromium } from 'playwright-core';
import { NODE_SERVER, startNodeServer, WORKER_SCRIPT, WorkerPage } from './worker-client.mjs';

const root = resolve(import.meta.dirname, '../..');
/** The day both servers are given; examples/lakeshore-college.adopt has an overdue action on it. */
const TODAY = '2027-03-01';
/** The Node server's ADOPT_TODAY: another day, so that only the option can make both agree. */
const OTHER_DAY = '2026-06-15';

/**
 * @param {{ chromiumPath: string, record: (title: string, error?: unknown) => void }} options
 */
export async function runWorkerTests({ chromiumPath, record }) {
    const missing = [WORKER_SCRIPT, NODE_SERVER].filter(file => !existsSync(file));
    if (missing.length > 0) {
        record('worker: both builds of the language server are built', `missing ${missing.map(file => relative(root, file)).join(', ')}: run npm run build`);
        return;
    }
    const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
    const temp = mkdtempSync(join(tmpdir(), 'adopt-worker-'));
    try {
        await compareWorkspace(browser, record, join(root, 'examples'));
        await compareWorkspace(browser, record, join(root, 'tests/acceptance/plans'));
        await compareWorkspaceWithoutSearch(browser, record, join(root, 'examples'));
        await compareBadInput(browser, record, temp);
        await compareTodayProblem(browser, record);
    } finally {
        await browser.close();
        rmSync(temp, { recursive: true, force: true });
    }
}

/**
 * Starts both servers, initializes them alike, and runs `action` with both sessions; a server
 * that does not start is one failed outcome. `workerOptions` are the worker's session's.
 */
async function withBothServers(browser, record, label, initialize, action, workerOptions = {}) {
    let page;
    let node;
    try {
        page = await WorkerPage.open(browser);
        const worker = await page.start(workerOptions);
        node = startNodeServer({ env: { ADOPT_TODAY: OTHER_DAY } });
        await Promise.all([worker.session.initialize(initialize), node.session.initialize(initialize)]);
        await action({ worker: worker.session, node: node.session });
        await Promise.all([worker.session.stop(), node.stop()]);
    } catch (error) {
        record(`worker: ${label}: both servers start and answer`, error instanceof Error ? error.stack : error);
        await node?.stop().catch(() => undefined);
    } finally {
        await page?.close().catch(() => undefined);
    }
}

/** Records the outcome of one comparison; `compare` throws what differs and may return a note for the title. */
async function check(record, title, compare) {
    try {
        const note = await compare();
        record(`worker: ${title}${note ? ` (${note})` : ''}`);
    } catch (error) {
        record(`worker: ${title}`, error instanceof Error ? error.message : error);
    }
}

/**
 * A value as JSON carries it. The worker's messages reach this client by structured clone, which
 * keeps a property whose value is undefined (Langium's document symbols without children have
 * `children: undefined`); the Node server's come as JSON, which leaves it out. To an LSP client
 * both are the same answer.
 */
function asJson(value) {
    return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

/** Throws, naming the first place where the worker's answer differs from the Node server's (as JSON). */
function expectSame(inWorker, inNode, what) {
    inWorker = asJson(inWorker);
    inNode = asJson(inNode);
    if (isDeepStrictEqual(inWorker, inNode)) return;
    const difference = firstDifference(inWorker, inNode, what);
    throw new Error(`the worker and the Node server differ at ${difference.path}:\n  worker: ${shown(difference.worker)}\n  node:   ${shown(difference.node)}`);
}

function firstDifference(a, b, path) {
    if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
        const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
        for (const key of keys) {
            if (!isDeepStrictEqual(a[key], b[key])) return firstDifference(a[key], b[key], Array.isArray(a) ? `${path}[${key}]` : `${path}.${key}`);
        }
    }
    return { path, worker: a, node: b };
}

function shown(value) {
    const text = JSON.stringify(value) ?? 'undefined';
    return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

/** Diagnostics in one order (the only thing normalised): by their JSON. */
function ordered(diagnostics) {
    return diagnostics.map(diagnostic => [JSON.stringify(diagnostic), diagnostic]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, diagnostic]) => diagnostic);
}

/** The `.adopt` files under a folder, in a fixed order. */
function adoptFiles(folder) {
    return readdirSync(folder, { recursive: true, withFileTypes: true })
        .filter(entry => entry.isFile() && entry.name.endsWith('.adopt'))
        .map(entry => join(entry.parentPath, entry.name))
        .sort();
}

/** Where a ranked project's name is written: the name after `project` on its line (0-based, as LSP counts). */
function projectNamePosition(text, project) {
    const line = text.split(/\r?\n/)[project.line - 1] ?? '';
    // `project`, then blanks and block comments, then the name.
    const match = new RegExp(`\\bproject(?:\\s|/\\*.*?\\*/)+(${project.name.replace(/[$()*+.?[\\\]^{|}]/g, '\\$&')})\\b`).exec(line);
    if (!match) throw new Error(`project ${project.name} is not declared on line ${project.line}: ${line}`);
    return { line: project.line - 1, character: match.index + match[0].length - project.name.length };
}

/**
 * The workspace's plans as both servers load them at start-up, before any is opened:
 * `adopt/rankWorkspace` (every plan of the folder, its rank and its diagnostics) the same from
 * both (the Node server reads the disk). Returns the count of plans.
 */
async function compareWorkspaceRanking(worker, node) {
    const [inWorker, inNode] = await Promise.all([worker, node].map(session => session.request('adopt/rankWorkspace', {})));
    expectSame(inWorker, inNode, 'workspace ranking');
    if (inNode.plans.length === 0) throw new Error('no plan in the workspace ranking');
    return inNode.plans.length;
}

/**
 * Every `.adopt` file of a folder (the workspace folder of both servers): the workspace's plans
 * as both load them (the worker with one search of the folder), then each file opened in both:
 * the diagnostics published for it, the rank, the overview (of the day given), and the hover of
 * each project's name.
 */
async function compareWorkspace(browser, record, folder) {
    const files = adoptFiles(folder);
    let hovers = 0;
    const counts = { completions: 0, formattings: 0, renames: 0, symbols: 0, foldings: 0, tokens: 0, lenses: 0, codeActions: 0 };
    await withBothServers(browser, record, relative(root, folder), { folder, initializationOptions: { today: TODAY } }, async ({ worker, node }) => {
        const both = ask => Promise.all([ask(worker), ask(node)]);
        await check(record, `${relative(root, folder)}: the workspace's plans, found with one findFiles and no folder read, and adopt/rankWorkspace`, async () => {
            const plans = await compareWorkspaceRanking(worker, node);
            const searches = worker.fileRequests.filter(request => request.startsWith('findFiles '));
            const reads = worker.fileRequests.filter(request => request.startsWith('readDirectory '));
            if (searches.length !== 1 || searches[0] !== `findFiles ${pathToFileURL(folder).href} **/*.adopt`) throw new Error(`the worker searched: ${shown(searches)}`);
            if (reads.length > 0) throw new Error(`the worker read ${reads.length} folder(s): ${shown(reads)}`);
            return `${plans} plans`;
        });
        for (const path of files) {
            const name = relative(root, path);
            const uri = pathToFileURL(path).href;
            const text = readFileSync(path, 'utf8');
            let diagnostics = [];
            await check(record, `${name}: the published diagnostics`, async () => {
                const [inWorker, inNode] = await both(session => session.open(uri, text));
                expectSame(ordered(inWorker), ordered(inNode), 'diagnostics');
                diagnostics = inNode;
                return `${inNode.length}`;
            });
            let ranked;
            await check(record, `${name}: adopt/rankQuickWins`, async () => {
                const [inWorker, inNode] = await both(session => session.outcome('adopt/rankQuickWins', { uri }));
                expectSame(inWorker, inNode, 'rank');
                ranked = inNode.result?.projects;
                return inNode.error ? `both answer error ${inNode.error.code}: ${inNode.error.message}` : `${ranked.length} project${ranked.length === 1 ? '' : 's'}`;
            });
            await check(record, `${name}: adopt/planOverview`, async () => {
                const [inWorker, inNode] = await both(session => session.outcome('adopt/planOverview', { uri }));
                expectSame(inWorker, inNode, 'overview');
                if (inNode.error) return `both answer error ${inNode.error.code}: ${inNode.error.message}`;
                if (inNode.result.date !== TODAY) throw new Error(`the overview is of ${inNode.result.date}, not of initializationOptions.today (${TODAY})`);
                return `of ${inNode.result.date}`;
            });
            await compareEditorFeatures(record, both, name, uri, text, diagnostics, counts);
            if (!ranked || ranked.length === 0) continue;
            await check(record, `${name}: the hover of every project's name`, async () => {
                for (const project of ranked) {
                    const params = { textDocument: { uri }, position: projectNamePosition(text, project) };
                    const [inWorker, inNode] = await both(session => session.request('textDocument/hover', params));
                    if (!inNode) throw new Error(`no hover on project ${project.name}`);
                    expectSame(inWorker, inNode, `hover of ${project.name}`);
                }
                hovers += ranked.length;
                return `${ranked.length}`;
            });
        }
    });
    await check(record, `${relative(root, folder)}: hovers were compared`, async () => {
        if (hovers === 0) throw new Error('no project was ranked, so no hover was compared');
        return `${hovers} in all`;
    });
    await check(record, `${relative(root, folder)}: the editor features were compared`, async () => {
        const none = Object.entries(counts).filter(([, count]) => count === 0).map(([feature]) => feature);
        if (none.length > 0) throw new Error(`no non-empty answer was compared for: ${none.join(', ')}`);
        return `${counts.completions} completion lists, ${counts.formattings} formattings with edits, ${counts.renames} renames, `
            + `${counts.symbols} symbol outlines, ${counts.foldings} folding lists, ${counts.tokens} token lists, ${counts.lenses} code lens lists, `
            + `${counts.codeActions} code action lists`;
    });
}

/** The text with its comments and the insides of its strings blanked (line breaks kept), so that a search finds only code, at the same offsets. */
function codeOnly(text) {
    return text.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\/|"(?:[^"\\\n]|\\.)*"/g, found => found.replace(/[^\r\n]/g, ' '));
}

/** The LSP position (0-based) of an offset in `text`. */
function positionAt(text, offset) {
    const before = text.slice(0, offset).split(/\r?\n/);
    return { line: before.length - 1, character: before.at(-1).length };
}

/**
 * Where completion is asked in a plan, found by searching its text (those it has): the end of
 * the line that opens the first project's braces (the start of a new line in the project), and
 * right after the first `involves `, `supports `, `uses ` and `role `.
 */
function completionPositions(text) {
    const code = codeOnly(text);
    const positions = [];
    const project = /\bproject\s+\w+[^\n{]*\{[ \t]*(?=\r?\n)/.exec(code);
    if (project) positions.push({ where: 'a new line in the first project', position: positionAt(text, project.index + project[0].length) });
    for (const keyword of ['involves', 'supports', 'uses', 'role']) {
        const found = new RegExp(`\\b${keyword} `).exec(code);
        if (found) positions.push({ where: `after \`${keyword} \``, position: positionAt(text, found.index + found[0].length) });
    }
    return positions;
}

/** What a completion item offers, in one order: its label, kind, detail and the text it inserts (not its object identity). */
function offered(list) {
    const items = Array.isArray(list) ? list : list?.items ?? [];
    return items
        .map(item => ({ label: item.label, kind: item.kind, detail: item.detail, insertText: item.insertText, textEdit: item.textEdit, insertTextFormat: item.insertTextFormat }))
        .map(item => [JSON.stringify(item), item]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, item]) => item);
}

/** The first name declared after `keyword` in a plan, with its position. */
function declaredName(text, keyword) {
    const found = new RegExp(`\\b${keyword}\\s+(\\w+)`).exec(codeOnly(text));
    if (!found) return undefined;
    return { name: found[1], position: positionAt(text, found.index + found[0].length - found[1].length) };
}

/**
 * The editor features of one opened plan, the same from both servers: completion at the
 * positions above, formatting of the whole document, prepareRename and rename of the first
 * project's name (and of the first member's, when the plan has a coalition), the document
 * symbols, the folding ranges, the semantic tokens, the code lenses, and the code actions on the
 * first diagnostic with a code. Nothing is applied: the documents stay as opened.
 */
async function compareEditorFeatures(record, both, name, uri, text, diagnostics, counts) {
    const textDocument = { uri };
    const positions = completionPositions(text);
    if (positions.length > 0) {
        await check(record, `${name}: textDocument/completion`, async () => {
            let items = 0;
            for (const { where, position } of positions) {
                const [inWorker, inNode] = await both(session => session.outcome('textDocument/completion', { textDocument, position }));
                expectSame(inWorker.error, inNode.error, `completion error ${where}`);
                expectSame(offered(inWorker.result), offered(inNode.result), `completion ${where}`);
                expectSame(Boolean(inWorker.result?.isIncomplete), Boolean(inNode.result?.isIncomplete), `completion ${where}: isIncomplete`);
                const count = offered(inNode.result).length;
                items += count;
                if (count > 0) counts.completions++;
            }
            return `${positions.length} positions, ${items} items`;
        });
    }
    await check(record, `${name}: textDocument/formatting`, async () => {
        const params = { textDocument, options: { tabSize: 2, insertSpaces: true } };
        const [inWorker, inNode] = await both(session => session.outcome('textDocument/formatting', params));
        expectSame(inWorker, inNode, 'formatting');
        if (inNode.error) return `both answer error ${inNode.error.code}: ${inNode.error.message}`;
        if ((inNode.result?.length ?? 0) > 0) counts.formattings++;
        return `${inNode.result?.length ?? 0} edits`;
    });
    for (const keyword of ['project', 'member']) {
        const declared = declaredName(text, keyword);
        if (!declared) continue;
        await check(record, `${name}: textDocument/prepareRename and textDocument/rename of the first ${keyword}'s name`, async () => {
            const position = declared.position;
            const [preparedInWorker, preparedInNode] = await both(session => session.outcome('textDocument/prepareRename', { textDocument, position }));
            expectSame(preparedInWorker, preparedInNode, `prepareRename of ${declared.name}`);
            const params = { textDocument, position, newName: `${declared.name}Renamed` };
            const [inWorker, inNode] = await both(session => session.outcome('textDocument/rename', params));
            expectSame(inWorker, inNode, `rename of ${declared.name}`);
            if (inNode.error) return `both answer error ${inNode.error.code}: ${inNode.error.message}`;
            const edits = Object.values(inNode.result?.changes ?? {}).flat().length;
            if (edits > 0) counts.renames++;
            return `${declared.name}: ${edits} edits in ${Object.keys(inNode.result?.changes ?? {}).length} files`;
        });
    }
    const lists = [
        ['textDocument/documentSymbol', 'symbols', result => result],
        ['textDocument/foldingRange', 'foldings', result => result],
        // The result id is the builder's clock (Date.now()), which no two servers share: the tokens are compared.
        ['textDocument/semanticTokens/full', 'tokens', result => result?.data],
        ['textDocument/codeLens', 'lenses', result => result]
    ];
    for (const [method, count, compared] of lists) {
        await check(record, `${name}: ${method}`, async () => {
            const [inWorker, inNode] = await both(session => session.outcome(method, { textDocument }));
            expectSame(inWorker.error, inNode.error, `${method} error`);
            expectSame(compared(inWorker.result), compared(inNode.result), method);
            if (inNode.error) return `both answer error ${inNode.error.code}: ${inNode.error.message}`;
            const length = compared(inNode.result)?.length ?? 0;
            if (length > 0) counts[count]++;
            return `${length}${method.endsWith('semanticTokens/full') ? ' numbers' : ''}`;
        });
    }
    const diagnostic = diagnostics.find(candidate => candidate.code !== undefined);
    if (!diagnostic) return;
    await check(record, `${name}: textDocument/codeAction on ${diagnostic.code}`, async () => {
        const params = { textDocument, range: diagnostic.range, context: { diagnostics: [diagnostic] } };
        const [inWorker, inNode] = await both(session => session.outcome('textDocument/codeAction', params));
        expectSame(inWorker, inNode, `code actions on ${diagnostic.code}`);
        if (inNode.error) return `both answer error ${inNode.error.code}: ${inNode.error.message}`;
        const titles = (inNode.result ?? []).map(action => action.title);
        if (titles.length > 0) counts.codeActions++;
        return titles.length > 0 ? titles.join('; ') : 'none';
    });
}

/** A client that does not know `adopt/fs/findFiles` (it answers `MethodNotFound`): the worker reads the folders instead, and finds the same plans. */
async function compareWorkspaceWithoutSearch(browser, record, folder) {
    const label = `${relative(root, folder)}, a client without findFiles`;
    await withBothServers(browser, record, label, { folder, initializationOptions: { today: TODAY } }, async ({ worker, node }) => {
        await check(record, `${label}: the workspace's plans, found by reading the folders, and adopt/rankWorkspace`, async () => {
            const plans = await compareWorkspaceRanking(worker, node);
            const searches = worker.fileRequests.filter(request => request.startsWith('findFiles '));
            const reads = worker.fileRequests.filter(request => request.startsWith('readDirectory '));
            if (searches.length !== 1) throw new Error(`the worker searched ${searches.length} times: ${shown(searches)}`);
            if (!reads.includes(`readDirectory ${pathToFileURL(join(folder, 'northfield-network/campuses')).href}`)) throw new Error(`the worker did not read the subfolders: ${shown(reads)}`);
            return `${plans} plans, ${reads.length} folders read`;
        });
    }, { findFiles: false });
}

const PLAN_BODY = `plan UsesOthers "A plan that uses a file" {
  coalition {
    member ana "Ana" role middle-manager trained
    member ben "Ben" role operational-manager trained
  }
  stage start "Start" {
    mantra "The status quo must go!"
  }
}
`;

/**
 * A workspace of bad input, written for the test (the file over 8 MiB is made, not kept):
 * plans that use files no plan can use, and broken config files beside plans. What cannot be
 * used lies outside the workspace folder, so that only the `use` reads it.
 */
function writeBadInput(temp) {
    const outside = join(temp, 'outside');
    const folder = join(temp, 'bad-input');
    mkdirSync(join(outside, 'folder.adopt'), { recursive: true });
    writeFileSync(join(outside, 'binary.adopt'), Buffer.from([0x73, 0x68, 0x61, 0x72, 0x65, 0x64, 0x20, 0x00, 0x01, 0x02, 0xff, 0x0a]));
    writeFileSync(join(outside, 'not-utf8.adopt'), Buffer.concat([Buffer.from('shared Caf'), Buffer.from([0xe9]), Buffer.from(' "Latin-1" {\n}\n')]));
    writeFileSync(join(outside, 'oversized.adopt'), `// ${'x'.repeat(1021)}\n`.repeat(9 * 1024 + 1));
    const uses = [
        { file: 'uses-missing.adopt', path: 'shared/absent.adopt', what: 'a missing file', read: 'stat' },
        { file: 'uses-folder.adopt', path: '../outside/folder.adopt', what: 'a folder', read: 'stat' },
        { file: 'uses-binary.adopt', path: '../outside/binary.adopt', what: 'a binary file', read: 'readFile' },
        { file: 'uses-not-utf8.adopt', path: '../outside/not-utf8.adopt', what: 'a file that is not UTF-8', read: 'readFile' },
        { file: 'uses-oversized.adopt', path: '../outside/oversized.adopt', what: 'a file over 8 MiB', read: 'readFile' }
    ];
    mkdirSync(folder, { recursive: true });
    for (const use of uses) writeFileSync(join(folder, use.file), `use "${use.path}"\n\n${PLAN_BODY}`);
    const configs = [
        { dir: 'config-not-json', text: '{ "severity": { "low-reach": "warning", }\n', what: 'that is not JSON' },
        { dir: 'config-bad-value', text: '{\n  "severity": { "low-reach": "loud" }\n}\n', what: 'with a severity that is none' }
    ];
    for (const config of configs) {
        mkdirSync(join(folder, config.dir));
        writeFileSync(join(folder, config.dir, 'adopt.config.json'), config.text);
        writeFileSync(join(folder, config.dir, 'plan.adopt'), PLAN_BODY);
    }
    return { folder, outside, uses, configs };
}

async function compareBadInput(browser, record, temp) {
    const { folder, outside, uses, configs } = writeBadInput(temp);
    await withBothServers(browser, record, 'bad input', { folder, initializationOptions: { today: TODAY } }, async ({ worker, node }) => {
        const both = ask => Promise.all([ask(worker), ask(node)]);
        for (const use of uses) {
            await check(record, `bad input: a plan that uses ${use.what}: the same use-not-found`, async () => {
                const path = join(folder, use.file);
                const usedUri = pathToFileURL(resolve(folder, use.path)).href;
                const [inWorker, inNode] = await both(session => session.open(pathToFileURL(path).href, readFileSync(path, 'utf8')));
                expectSame(ordered(inWorker), ordered(inNode), 'diagnostics');
                const notFound = inNode.find(diagnostic => diagnostic.code === 'use-not-found');
                if (!notFound) throw new Error(`no use-not-found from either server: ${shown(inNode)}`);
                // The worker read the file through this client, which answered from the disk.
                if (!worker.fileRequests.includes(`${use.read} ${usedUri}`)) throw new Error(`the worker did not ask for ${use.read} of ${usedUri}`);
                return notFound.message.replace(/^.*names no readable \.adopt file: /, '').replace(/\. Correct the path.*$/, '');
            });
        }
        for (const config of configs) {
            await check(record, `bad input: an adopt.config.json ${config.what} beside a plan: the same invalid-config diagnostic, and the same plan diagnostics`, async () => {
                const plan = join(folder, config.dir, 'plan.adopt');
                const [planInWorker, planInNode] = await both(session => session.open(pathToFileURL(plan).href, PLAN_BODY));
                expectSame(ordered(planInWorker), ordered(planInNode), 'plan diagnostics');
                // The config file was read ahead of the plan's build, and its problem published then.
                const configUri = pathToFileURL(join(folder, config.dir, 'adopt.config.json')).href;
                const [inWorker, inNode] = await both(session => session.latestDiagnosticsOf(configUri));
                expectSame(ordered(inWorker), ordered(inNode), 'config diagnostics');
                if (!inNode.some(diagnostic => diagnostic.code === 'invalid-config')) throw new Error(`no invalid-config: ${shown(inNode)}`);
                return inNode[0].message.replace(/\. Until this is corrected.*$/, '');
            });
        }
    });
    rmSync(outside, { recursive: true, force: true });
}

/** A `today` that is no date: both servers say so alike, and use it for nothing. */
async function compareTodayProblem(browser, record) {
    await withBothServers(browser, record, 'a today that is no date', { initializationOptions: { today: '2027-02-30' } }, async ({ worker, node }) => {
        await check(record, 'initializationOptions.today that is no date: the same warning from both servers', async () => {
            const named = text => text.includes('initializationOptions.today');
            const [inWorker, inNode] = await Promise.all([worker.messageMatching(named), node.messageMatching(named)]);
            expectSame(inWorker, inNode, 'message');
            if (!inNode.message.includes('2027-02-30 is not a date')) throw new Error(`the warning does not say why: ${inNode.message}`);
            return inNode.message;
        });
    });
}
