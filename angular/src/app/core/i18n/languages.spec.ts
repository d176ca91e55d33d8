import { initialLanguage } from './languages';

describe('initialLanguage', () => {
  const storage = (value: string | null) => ({ getItem: () => value });

  it('prefers the remembered choice', () => {
    expect(initialLanguage(storage('en-US'), 'zh-CN')).toBe('en-US');
    expect(initialLanguage(storage('zh-CN'), 'en-GB')).toBe('zh-CN');
  });

  it('falls back to the browser language, Chinese by default', () => {
    expect(initialLanguage(storage(null), 'en-GB')).toBe('en-US');
    expect(initialLanguage(storage('fr-FR'), 'zh-TW')).toBe('zh-CN');
    expect(initialLanguage(null, undefined)).toBe('zh-CN');
  });
});
