/**
 * Helpers for the CLI tests: run `runCli` in process with captured output, and write input files
 * (plans, configs, binary data) into a fresh temporary folder.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { expect } from 'vitest';
import { runCli } from '../../src/cli/main.js';

export const EXAMPLE = resolve(__dirname, '../../examples/riverside-health.adopt');

export interface CliRun {
    readonly code: number;
    readonly out: string;
    readonly err: string;
}

export async function cli(...argv: string[]): Promise<CliRun> {
    let out = '';
    let err = '';
    const code = await runCli(argv, { out: text => (out += text), err: text => (err += text) });
    return { code, out, err };
}

/** A temporary folder for input files; `dispose` removes it. */
export class TempFiles {
    readonly dir = mkdtempSync(join(tmpdir(), 'adopt-cli-'));

    /** Writes the file at `name` (which may hold folders, made as needed) below the temporary folder. */
    write(name: string, content: string | Uint8Array): string {
        const path = join(this.dir, name);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, content);
        return path;
    }

    /** Makes the folder at `name` (and the folders above it) below the temporary folder. */
    folder(name: string): string {
        const path = join(this.dir, name);
        mkdirSync(path, { recursive: true });
        return path;
    }

    dispose(): void {
        rmSync(this.dir, { recursive: true, force: true });
    }
}

/** A plan with an error (an unresolved member) and nothing else wrong with its syntax. */
export const PLAN_WITH_ERROR = `plan Broken "Broken" {
  coalition {
    member ana "Ana" role middle-manager trained
    member ben "Ben" role operational-manager trained
  }
  stage start "Start" {
    mantra "The status quo must go!"
    project p "P" { involves ghost }
  }
}
`;

/** Lines of stderr that look like a JavaScript stack trace. */
export function stackLines(text: string): string[] {
    return text.split('\n').filter(line => /^\s+at\s/.test(line) || /\.(ts|js|cjs):\d+/.test(line));
}

/** A usage or input problem: exit 2, nothing on stdout, one line on stderr matching `message`, no stack trace. */
export function expectUsageProblem(run: CliRun, message: RegExp): void {
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    expect(run.err).toMatch(message);
    expect(run.err.trim().split('\n')).toHaveLength(1);
    expect(stackLines(run.err)).toEqual([]);
}
