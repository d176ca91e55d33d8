import en from './translations/en-US.json';
import zh from './translations/zh-CN.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') result.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) result.set(k, v);
  }
  return result;
}

describe('translation files', () => {
  const english = flatten(en as Tree);
  const chinese = flatten(zh as Tree);

  it('have the same keys in zh-CN and en-US', () => {
    const missingInChinese = [...english.keys()].filter((k) => !chinese.has(k));
    const missingInEnglish = [...chinese.keys()].filter((k) => !english.has(k));
    expect(missingInChinese, 'keys missing in zh-CN.json').toEqual([]);
    expect(missingInEnglish, 'keys missing in en-US.json').toEqual([]);
  });

  it('have no empty texts', () => {
    const empty = [...english, ...chinese].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
    const differing = [...english.keys()].filter((k) => chinese.has(k) && placeholders(english.get(k)!).join() !== placeholders(chinese.get(k)!).join());
    expect(differing).toEqual([]);
  });

  it('cover every menu entry and data scope', async () => {
    const { MENU } = await import('../../layout/menu');
    const labels = MENU.flatMap((g) => [g.label, ...g.items.map((i) => i.label)]);
    expect(labels.filter((l) => !english.has(l) || !chinese.has(l))).toEqual([]);
    for (const scope of ['Self', 'Department', 'DepartmentAndChildren', 'All']) {
      expect(english.has(`roles.scope.${scope}`) && chinese.has(`roles.scope.${scope}`)).toBe(true);
    }
  });
});
