import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ICONS } from './icons';

/** Icons are bundled, not fetched: an icon a screen names but APP_ICONS lacks renders as nothing (and logs an error). */
describe('bundled icons', () => {
  it('include every outline icon the screens and the menu name', () => {
    const root = join(process.cwd(), 'src', 'app');
    const files = (readdirSync(root, { recursive: true }) as string[])
      .filter((f) => /\.(ts|html)$/.test(f) && !f.includes('shared/api/generated') && !f.endsWith('.spec.ts'));
    const used = new Set<string>();
    for (const file of files) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const m of text.matchAll(/<[^>]*\bnz-icon\b[^>]*>/g)) {
        if (/nzTheme="(fill|twotone)"/.test(m[0])) continue;
        const type = /\bnzType="([a-z0-9-]+)"/.exec(m[0]);
        if (type) used.add(`${type[1]} (${file})`);
      }
      if (file.endsWith('menu.ts')) for (const m of text.matchAll(/\bicon: '([a-z0-9-]+)'/g)) used.add(`${m[1]} (${file})`);
    }
    const bundled = new Set(APP_ICONS.filter((i) => i.theme === 'outline').map((i) => i.name));
    expect([...used].filter((u) => !bundled.has(u.split(' ')[0]))).toEqual([]);
    expect(used.size).toBeGreaterThan(20);
  });
});
