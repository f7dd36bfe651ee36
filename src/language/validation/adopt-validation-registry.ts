/**
 * Langium's validation registry wraps every check in two async functions, so each check of each
 * node costs several promises even when it runs synchronously, as all of Adopt's checks do. This
 * registry's wrapper runs a synchronous check synchronously (and awaits only a check that returns
 * a promise); a check that throws is reported as Langium reports it: an error diagnostic on the
 * node, the error on the console, and cancellation passed on.
 */
import { isOperationCancelled, ValidationRegistry, type AstNode, type ValidationAcceptor, type ValidationCheck } from 'langium';



const MESSAGE_CONTEXT = 'An error occurred during validation';

export class AdoptValidationRegistry extends ValidationRegistry {
    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        return (node, accept, cancelToken) => {
            let result: unknown;
            try {
                result = check.call(thisObj, node, accept, cancelToken);
            } catch (error) {
                reportFailure(error, accept, node);
                return;
            }
            if (isPromiseLike(result)) {
                return Promise.resolve(result).then(() => undefined, (error: unknown) => reportFailure(error, accept, node));
            }
            return;
        };
    }
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
    return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/** Langium's `handleException`: cancellation goes on; any other error becomes a diagnostic. */
function reportFailure(error: unknown, accept: ValidationAcceptor, node: AstNode): void {
    if (isOperationCancelled(error)) throw error;
    console.error(`${MESSAGE_CONTEXT}:`, error);
    if (error instanceof Error && error.stack) console.error(error.stack);
    const details = error instanceof Error ? error.message : String(error);
    accept('error', `${MESSAGE_CONTEXT}: ${details}`, { node });
}
