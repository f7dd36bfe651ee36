/**
 * The CPU time of a process, for the benchmarks that time a language server from outside: on a
 * machine shared with other processes the server's CPU time moves far less than wall-clock time.
 */
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/PID/stat's times (USER_HZ, 100 on Linux). */
const USER_HZ = 100;

/** The CPU time a process has used so far, in milliseconds, or undefined where /proc cannot tell. */
export function cpuTimeOf(pid: number | undefined): number | undefined {
    if (pid === undefined) return undefined;
    try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        // The fields after the command's name, which is in parentheses and may hold spaces.
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;
    } catch {
        return undefined;
    }
}


/** The resident memory of a process (VmRSS), in bytes, or undefined where /proc cannot tell. */
export function residentBytesOf(pid: number | undefined): number | undefined {
    if (pid === undefined) return undefined;
    try {
        const found = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        return found ? Number(found[1]) * 1024 : undefined;
    } catch {
        return undefined;
    }
}
