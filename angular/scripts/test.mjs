// Runs the unit tests once (Vitest through Angular's unit-test builder, jsdom) and ends with one line
// "N passed, N failed". Exit code 0 only when the run succeeded and nothing failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const report = join(root, 'test-results', 'unit.json');
rmSync(report, { force: true });

const ng = join(root, 'node_modules', '@angular', 'cli', 'bin', 'ng.js');
const run = spawnSync(process.execPath, [ng, 'test', '--watch=false', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env: { ...process.env, NG_CLI_ANALYTICS: 'false' } });

let passed = 0;
let failed = 0;
if (existsSync(report)) {
  const result = JSON.parse(readFileSync(report, 'utf8'));
  passed = result.numPassedTests ?? 0;
  failed = (result.numFailedTests ?? 0) + (result.numRuntimeErrorTestSuites ?? 0);
} else {
  failed = 1;
}
if (run.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || run.status !== 0 ? 1 : 0);
