/**
 * A git repository made in a temporary folder for the tests of `--since` and `--history`:
 * commits of a plan file at given dates, made with the `git` executable.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TempFiles } from './cli-fixtures.js';

export class GitRepo extends TempFiles {
    constructor() {
        super();
        this.git('init', '-q', '-b', 'main');
    }

    /** Runs git in the repository, without the user's or the system's configuration. */
    git(...args: string[]): string {
        return this.gitWith({}, args);
    }

    private gitWith(env: Readonly<Record<string, string>>, args: readonly string[]): string {
        return execFileSync('git', ['-c', 'user.name=Adopt Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
            cwd: this.dir, encoding: 'utf8', env: { ...process.env, ...env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' }
        });
    }

    /** Writes `name` with `text` and commits it on `date` (YYYY-MM-DD). */
    commit(name: string, text: string, date: string, message = `Change ${name}`): void {
        writeFileSync(join(this.dir, name), text);
        this.git('add', name);
        this.gitWith({ GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` }, ['commit', '-q', '-m', message]);
    }
}
