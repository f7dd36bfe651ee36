/**
 * The files a language server without a disk reads through its client (the browser build, whose
 * server is a Web Worker): the server asks, the extension answers with `vscode.workspace.fs`.
 * Used files, `adopt.config.json` and the workspace's plans all come this way, the plans found
 * with one `adopt/fs/findFiles` per workspace folder (`vscode.workspace.findFiles`)
 * (docs/architecture.md#the-browser-build). One zod schema per message, shared by both ends.
 */
import * as z from 'zod/mini';
import './zod-messages.js';

export const FILE_STAT_REQUEST = 'adopt/fs/stat';
export const FILE_READ_REQUEST = 'adopt/fs/readFile';
export const DIRECTORY_READ_REQUEST = 'adopt/fs/readDirectory';
export const FIND_FILES_REQUEST = 'adopt/fs/findFiles';

/**
 * Why a file could not be read, as `vscode.FileSystemError` names it (`FileNotFound`,
 * `FileIsADirectory`, `NoPermissions`, `Unavailable`, …); `Unknown` for anything else.
 */
export const fileErrorSchema = z.strictObject({ error: z.string().check(z.minLength(1)) });
export type FileError = z.infer<typeof fileErrorSchema>;

export const fileRequestSchema = z.strictObject({ uri: z.string().check(z.minLength(1)) });
export type FileRequest = z.infer<typeof fileRequestSchema>;

/** What is at a URI. */
export const fileStatSchema = z.union([
    z.strictObject({ isFile: z.boolean(), isDirectory: z.boolean(), size: z.number().check(z.int(), z.nonnegative()) }),
    fileErrorSchema
]);
export type FileStat = z.infer<typeof fileStatSchema>;

/** A file's bytes, base64 (the transport is JSON-RPC, whatever carries it). */
export const fileContentSchema = z.union([z.strictObject({ base64: z.string() }), fileErrorSchema]);
export type FileContent = z.infer<typeof fileContentSchema>;

/** The entries of a folder, each a full URI. */
export const directoryEntriesSchema = z.union([
    z.strictObject({ entries: z.array(z.strictObject({ uri: z.string(), isFile: z.boolean(), isDirectory: z.boolean() })) }),
    fileErrorSchema
]);
export type DirectoryEntries = z.infer<typeof directoryEntriesSchema>;

/**
 * The files under a folder, at any depth, whose paths relative to it match a glob pattern (the
 * server asks for every `*.adopt` file), as `vscode.workspace.findFiles` finds them with a
 * `RelativePattern`: the `files.exclude` setting applies, `search.exclude` and (by default) ignore
 * files do not.
 */
export const findFilesRequestSchema = z.strictObject({ uri: z.string().check(z.minLength(1)), pattern: z.string().check(z.minLength(1)) });
export type FindFilesRequest = z.infer<typeof findFilesRequestSchema>;

/** The files found, each a full URI, in no particular order. */
export const foundFilesSchema = z.union([z.strictObject({ uris: z.array(z.string()) }), fileErrorSchema]);
export type FoundFiles = z.infer<typeof foundFilesSchema>;

/** Bytes as base64, in pieces small enough for `String.fromCharCode` (both ends have `btoa`/`atob`). */
export function bytesToBase64(bytes: Uint8Array): string {
    let binary = '';
    const piece = 0x8000;
    for (let start = 0; start < bytes.length; start += piece) {
        binary += String.fromCharCode(...bytes.subarray(start, start + piece));
    }
    return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
    return bytes;
}
