/**
 * Why a file could not be read or written, in words a user acts on ("the folder /x does not
 * exist", "permission denied", "the disk is full") instead of the system's code (ENOENT, EACCES).
 */
import { dirname } from 'node:path';

const REASONS: Readonly<Record<string, (path: string) => string>> = {
    ENOENT: path => `the folder ${dirname(path)} does not exist`,
    ENOTDIR: path => `a part of ${dirname(path)} is a file, not a folder`,
    EISDIR: () => 'it is a folder',
    EACCES: () => 'permission denied',
    EPERM: () => 'permission denied',
    EROFS: () => 'the file system is read-only',
    ENOSPC: () => 'the disk is full',
    EDQUOT: () => 'the disk quota is used up',
    EFBIG: () => 'the file would be too large for the file system',
    ENAMETOOLONG: () => 'the name is too long',
    ELOOP: () => 'its path has a loop of symbolic links',
    EMFILE: () => 'too many files are open',
    ENFILE: () => 'too many files are open',
    EBUSY: () => 'it is in use',
    ETXTBSY: () => 'it is in use',
    EAGAIN: () => 'it is not ready (try again)',
    EIO: () => 'an input/output error of the disk',
    EPIPE: () => 'the reader has closed it',
    ENXIO: () => 'no device or reader is there'
};

/**
 * The reason in words. A missing file, when reading it, is "no such file" (the folder may exist);
 * when writing it, only its folder can be missing. Codes without words here keep the system's
 * sentence without the code (`EXDEV: cross-device link not permitted, …` → "cross-device link
 * not permitted").
 */
export function fileErrorInWords(error: unknown, path: string, access: 'read' | 'write'): string {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'ENOENT' && access === 'read') return 'no such file';
    const reason = code !== undefined ? REASONS[code] : undefined;
    if (reason) return reason(path);
    const message = error instanceof Error ? error.message : String(error);
    return message.replace(/^[A-Z0-9_]+: /, '').replace(/, \w+ '.*'$/, '') || 'an unknown error';
}
