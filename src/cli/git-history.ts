/**
 * Earlier versions of a plan file from git (`--since REV`, `--history N`;
 * docs/command-line.md#adopt-diff): the `git` executable run with an array of arguments (never
 * through a shell), in the file's folder. Every failure is an InputProblem in one line: not in a
 * git repository, git not installed, an unknown revision, a file that did not exist at that
 * revision.
 */
import { execFile } from 'node:child_process';
import { basename, dirname, resolve } from 'node:path';
import { MAX_PLAN_BYTES } from '../language/parser/plan-limits.js';
import { InputProblem, decodeText } from './read-plan-file.js';

interface GitRun {
    readonly code: number;
    readonly stdout: Buffer;
    readonly stderr: string;
}

/** Runs `git ARGS` in `cwd`; answers its exit code and output. Git missing is an InputProblem. */
function git(args: readonly string[], cwd: string): Promise<GitRun> {
    return new Promise((done, fail) => {
        execFile('git', [...args], { cwd, encoding: 'buffer', maxBuffer: MAX_PLAN_BYTES + 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } }, (error, stdout, stderr) => {
            const code = (error as NodeJS.ErrnoException | null)?.code;
            if (code === 'ENOENT') {
                fail(new InputProblem('git is not installed (or not on the PATH): --since and --history read the plan\'s earlier versions with it'));
                return;
            }
            if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
                fail(new InputProblem(`git's answer is larger than a plan may be (${MAX_PLAN_BYTES / 1024 / 1024} MiB)`));
                return;
            }
            const exit = error ? (typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : 1) : 0;
            done({ code: exit, stdout, stderr: stderr.toString('utf8') });
        });
    });
}

/** One earlier version of a file: its commit, the commit's date (YYYY-MM-DD) and the file's text then. */
export interface FileVersion {
    readonly revision: string;
    readonly commit: string;
    readonly date: string;
}

/** The file's folder, after checking that it is inside a git work tree (else an InputProblem naming the option). */
async function repositoryFolder(file: string, option: string): Promise<string> {
    const folder = dirname(resolve(file));
    const run = await git(['rev-parse', '--is-inside-work-tree'], folder);
    if (run.code !== 0 || run.stdout.toString('utf8').trim() !== 'true') {
        throw new InputProblem(`${option}: ${file} is not in a git repository`, file);
    }
    return folder;
}

/** The commit a revision names, with its date; an InputProblem when the repository has no such revision. */
async function commitOf(folder: string, revision: string, option: string): Promise<{ commit: string; date: string }> {
    if (revision.startsWith('-')) throw new InputProblem(`${option} ${revision}: not a revision`);
    const run = await git(['log', '-1', '--format=%H %cs', `${revision}^{commit}`, '--'], folder);
    const [commit, date] = run.stdout.toString('utf8').trim().split(' ');
    if (run.code !== 0 || !commit || !date) throw new InputProblem(`${option} ${revision}: no such revision in the git repository`);
    return { commit, date };
}

/** The file's text at a commit; an InputProblem when it did not exist there. */
async function textAt(file: string, folder: string, commit: string, label: string): Promise<string> {
    const run = await git(['show', `${commit}:./${basename(file)}`], folder);
    if (run.code !== 0) throw new InputProblem(`${file}: did not exist at ${label}`, file);
    return decodeText(run.stdout, `${file} at ${label}`);
}

/** The file as it was at `revision` (`--since REV`). */
export async function fileAtRevision(file: string, revision: string): Promise<FileVersion & { readonly text: string }> {
    const folder = await repositoryFolder(file, '--since');
    const { commit, date } = await commitOf(folder, revision, '--since');
    return { revision, commit, date, text: await textAt(file, folder, commit, `revision ${revision}`) };
}

/** The last `count` commits that changed the file, the newest first, each with the file's text then (`--history N`). */
export async function fileHistory(file: string, count: number): Promise<Array<FileVersion & { readonly text: string }>> {
    const folder = await repositoryFolder(file, '--history');
    const run = await git(['log', `-n${count}`, '--format=%H %cs', '--', basename(file)], folder);
    if (run.code !== 0) throw new InputProblem(`--history: git could not list the commits of ${file} (${run.stderr.trim().split('\n')[0]})`, file);
    const commits = run.stdout.toString('utf8').split('\n').filter(Boolean).map(line => {
        const [commit, date] = line.split(' ');
        return { commit, date };
    });
    const versions: Array<FileVersion & { readonly text: string }> = [];
    for (const { commit, date } of commits) {
        // A commit that deleted the file (it was added again later) has no version of it.
        const text = await textAt(file, folder, commit, `commit ${commit.slice(0, 7)}`).catch((error: unknown) => {
            if (error instanceof InputProblem && error.path === file) return undefined;
            throw error;
        });
        if (text !== undefined) versions.push({ revision: commit.slice(0, 7), commit, date, text });
    }
    return versions;
}
