// Regenerates the typed API client (src/app/shared/api/generated) from the host's OpenAPI document.
// Fetches http://localhost:5080/openapi/v1.json (or $API_URL) when the host is running and saves it as
// openapi.json; otherwise uses the saved copy, so a build never needs the backend.
// Usage: npm run api            (fetch if possible, then generate)
//        npm run api -- --offline (generate from the saved copy only)
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const saved = join(root, 'openapi.json');
const url = process.env.API_URL ?? 'http://localhost:5080/openapi/v1.json';

if (!process.argv.includes('--offline')) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const document = await response.json();
    // The server list names the machine that answered: leave it out so the saved copy is stable.
    delete document.servers;
    writeFileSync(saved, JSON.stringify(document, null, 2) + '\n');
    console.log(`Saved ${url} to openapi.json`);
  } catch (error) {
    console.log(`Could not read ${url} (${error.message}); using the saved openapi.json`);
  }
}

JSON.parse(readFileSync(saved, 'utf8'));
execFileSync(process.execPath, [join(root, 'node_modules', 'ng-openapi-gen', 'lib', 'index.js'), '-c', join(root, 'ng-openapi-gen.json')], {
  cwd: root,
  stdio: 'inherit',
});
console.log('API client generated in src/app/shared/api/generated');
