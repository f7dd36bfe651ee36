/**
 * `adopt check --format json`: the `diagnostics` array of `adopt rank --json` (one zod schema,
 * rank-protocol.ts), each diagnostic with the `file` it is in (as given on the command line),
 * for every file checked.
 */
import * as z from 'zod/mini';
import './zod-messages.js';
import { diagnosticSchema } from './rank-protocol.js';

export const CHECK_FORMATS = ['text', 'json', 'sarif'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export const checkDiagnosticSchema = z.strictObject({ file: z.string(), ...diagnosticSchema.shape });
export const checkResultSchema = z.array(checkDiagnosticSchema);

export type CheckDiagnostic = z.infer<typeof checkDiagnosticSchema>;
export type CheckResult = z.infer<typeof checkResultSchema>;
