/**
 * Writes the benchmark's plans to a folder: plan-N.adopt and plan-N.yaml for each size, and
 * plan.schema.json, the JSON Schema that the YAML files name in their modeline.
 * Usage (after bundling, see bench/run-bench.mjs): node .bench/out/write-plans.cjs DIR N...
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generatePlan, planJsonSchema, toAdopt, toYaml } from './generate-plan.js';

export function writePlans(dir: string, sizes: readonly number[]): void {
    mkdirSync(dir, { recursive: true });
    const schemaPath = resolve(dir, 'plan.schema.json');
    writeFileSync(schemaPath, JSON.stringify(planJsonSchema(), null, 2) + '\n');
    for (const size of sizes) {
        const plan = generatePlan({ projects: size });
        writeFileSync(join(dir, `plan-${size}.adopt`), toAdopt(plan));
        writeFileSync(join(dir, `plan-${size}.yaml`), toYaml(plan, pathToFileURL(schemaPath).href));
    }
}

const [dir, ...sizes] = process.argv.slice(2);
if (!dir || sizes.length === 0) {
    console.error('usage: write-plans DIR N...');
    process.exit(2);
}
writePlans(dir, sizes.map(Number));
process.stdout.write(JSON.stringify({ dir, sizes }) + '\n');
