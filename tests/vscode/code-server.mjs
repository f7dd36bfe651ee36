// Starts and stops code-server (a real VS Code: server, extension host and web workbench) for
// the extension's tests and for scripts/open-example.sh. Everything lives in a temporary
// folder; the server listens on a free port of 127.0.0.1 only, in its own process group.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const hostDir = dirname(fileURLToPath(import.meta.url)) + '/host';
export const codeServerEntry = join(hostDir, 'node_modules/code-server/out/node/entry.js');

/** User settings that keep the workbench quiet and predictable. */
export const quietSettings = {
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'security.workspace.trust.enabled': false,
    'editor.hover.delay': 300,
    'window.commandCenter': false
};

export function freePort() {
    return new Promise((resolvePort, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
            server.close(() => resolvePort(port));
        });
    });
}

/** A temporary home for one code-server: user data, extensions, config and logs. */
export function makeHome(prefix = 'adopt-code-server-') {
    return homeIn(mkdtempSync(join(tmpdir(), prefix))).home;
}

/**
 * The folders of a code-server's home in `root` (made when missing), with the quiet settings
 * written when it has no settings yet; `firstStart` says whether it had none.
 */
function homeIn(root) {
    const home = {
        root,
        userData: join(root, 'user-data'),
        extensions: join(root, 'extensions'),
        config: join(root, 'config'),
        data: join(root, 'data'),
        log: join(root, 'code-server.log')
    };
    for (const dir of [home.userData, home.extensions, home.config, home.data]) mkdirSync(dir, { recursive: true });
    mkdirSync(join(home.userData, 'User'), { recursive: true });
    const settings = join(home.userData, 'User', 'settings.json');
    const firstStart = !existsSync(settings);
    if (firstStart) writeFileSync(settings, JSON.stringify(quietSettings, null, 2));
    return { home, firstStart };
}

function environment(home, extra = {}) {
    return {
        ...process.env,
        EXTENSIONS_GALLERY: '{}',
        XDG_CONFIG_HOME: home.config,
        XDG_DATA_HOME: home.data,
        ...extra
    };
}

/** Installs a .vsix into the home's extensions folder (under a second). */
export function installExtension(home, vsix) {
    return new Promise((resolveInstall, reject) => {
        const child = spawn(process.execPath, [codeServerEntry, '--install-extension', resolve(vsix), '--extensions-dir', home.extensions,
            '--user-data-dir', home.userData, '--force'], { env: environment(home), stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        child.stdout.on('data', chunk => (output += chunk));
        child.stderr.on('data', chunk => (output += chunk));
        child.on('exit', code => (code === 0 ? resolveInstall(output) : reject(new Error(`installing ${vsix} failed (${code}):\n${output}`))));
    });
}

/**
 * Starts code-server on a free port of 127.0.0.1 and waits for /healthz.
 * @param {{ home: ReturnType<typeof makeHome>, folder: string, args?: string[], env?: Record<string,string>, port?: number }} options
 */
export async function startCodeServer({ home, folder, args = [], env = {}, port }) {
    port ??= await freePort();
    const out = openSync(home.log, 'a');
    const child = spawn(process.execPath, [codeServerEntry,
        '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
        '--user-data-dir', home.userData, '--extensions-dir', home.extensions,
        '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
        '--disable-getting-started-override', '--disable-proxy', '--ignore-last-opened',
        ...args, folder], { env: environment(home, env), stdio: ['ignore', out, out], detached: true });
    const server = {
        port,
        pid: child.pid,
        url: `http://127.0.0.1:${port}/`,
        exited: new Promise(resolveExit => child.once('exit', code => resolveExit(code))),
        /** Stops the whole process group (the server and its watchers and extension hosts). */
        async stop() {
            if (child.exitCode !== null || child.signalCode !== null) return;
            try {
                process.kill(-child.pid, 'SIGTERM');
            } catch {
                return;
            }
            const timeout = new Promise(resolveTimeout => setTimeout(resolveTimeout, 5000, 'timeout').unref());
            if ((await Promise.race([server.exited, timeout])) === 'timeout') {
                try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
            }
        }
    };
    await waitForHealth(server, child);
    return server;
}

async function waitForHealth(server, child) {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
        if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}`);
        try {
            const response = await fetch(`${server.url}healthz`);
            if (response.ok) return;
        } catch { /* not up yet */ }
        await new Promise(r => setTimeout(r, 200));
    }
    await server.stop();
    throw new Error('code-server did not answer /healthz within 60 s');
}

export function removeHome(home) {
    rmSync(home.root, { recursive: true, force: true });
}

/** The walkthrough of the extension, as `workbench.action.openWalkthrough` names it. */
export const WALKTHROUGH = 'adopt.adopt#gettingStarted';
/** The plan `npm start` opens beside the walkthrough. */
export const EXAMPLE_PLAN = 'riverside-health.adopt';

/** The profile of `npm start` (settings, theme, extensions, state), kept from one start to the next. */
export function defaultProfileFolder(env = process.env) {
    if (env.ADOPT_PROFILE_DIR) return resolve(env.ADOPT_PROFILE_DIR);
    const data = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
    return join(data, 'adopt', 'code-server');
}

/**
 * A home for code-server that is kept: the same folders as `makeHome`, in `root`. The quiet
 * settings are written only when the profile has no settings yet: a theme or setting chosen in an
 * earlier start stays. `firstStart` says whether the profile was new.
 */
export function profileHome(root) {
    const { home, firstStart } = homeIn(root);
    return { ...home, firstStart };
}

function portIsFree(port) {
    return new Promise(resolveFree => {
        const server = createServer();
        server.once('error', () => resolveFree(false));
        server.listen(port, '127.0.0.1', () => server.close(() => resolveFree(true)));
    });
}

/**
 * The port of `npm start`: the one asked for (PORT), else the one of the last start while it is
 * free, else a free one; remembered in the profile for the next start.
 */
export async function choosePort(home, requested) {
    const remembered = join(home.root, 'port');
    let port = requested ? Number(requested) : undefined;
    if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) throw new Error(`PORT=${requested} is not a port (1 to 65535)`);
    if (port === undefined && existsSync(remembered)) {
        const last = Number(readFileSync(remembered, 'utf8').trim());
        if (Number.isInteger(last) && last > 0 && await portIsFree(last)) port = last;
    }
    port ??= await freePort();
    writeFileSync(remembered, `${port}\n`);
    return port;
}

/** The address that opens `folder` with `file` of it in an editor (VS Code in the browser opens the payload's `openFile`). */
export function workbenchUrl(server, folder, file) {
    const url = `${server.url}?folder=${encodeURIComponent(folder)}`;
    if (!file) return url;
    const payload = JSON.stringify([['openFile', `vscode-remote://127.0.0.1:${server.port}${join(folder, file)}`]]);
    return `${url}&payload=${encodeURIComponent(payload)}`;
}

/**
 * `node tests/vscode/code-server.mjs --open FOLDER VSIX`: installs the package in the kept
 * profile, serves FOLDER on 127.0.0.1 (PORT picks the port) and prints the address, which opens
 * the example plan; on a first start the extension opens its walkthrough too. Ctrl+C stops it.
 */
async function openFolder([folder, vsix]) {
    const home = profileHome(defaultProfileFolder());
    await installExtension(home, vsix);
    const port = await choosePort(home, process.env.PORT || undefined);
    const env = home.firstStart ? { ADOPT_OPEN_WALKTHROUGH: '1' } : {};
    const server = await startCodeServer({ home, folder: resolve(folder), port, env });
    const plan = existsSync(join(resolve(folder), EXAMPLE_PLAN)) ? EXAMPLE_PLAN : undefined;
    console.log(`VS Code (code-server) with the Adopt extension: ${workbenchUrl(server, resolve(folder), plan)}`);
    console.log('Open it in a browser on this machine; Ctrl+C stops it.');
    console.log(`Port ${port}: the same at the next start while it is free. PORT=8080 npm start picks another.`);
    console.log(`Your settings and theme are kept in ${home.root} (ADOPT_PROFILE_DIR picks another folder).`);
    const stop = async () => {
        await server.stop();
        process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    const code = await server.exited;
    process.exit(code ?? 0);
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--open') {
    await openFolder(process.argv.slice(3));
}
