/**
 * The schemas use `zod/mini`, the API that bundles only what it uses (the browser bundles stay
 * small). Unlike `zod`, it gives its issues no messages of its own: this gives them the English
 * messages that `zod` gives, which the protocol's parse errors and the settings problems that have
 * no message of their own carry. Every module with a schema imports it.
 */
import * as z from 'zod/mini';
import { en } from 'zod/locales';

if (!z.config().localeError) z.config(en());
