import { describe, expect, it } from 'vitest';
import { CONSOLE_INITIAL_JS_GZIP_BUDGET, measureConsole } from '../bench/console-bundle.ts';

describe('the console build', () => {
  it('loads at most 60 KB of gzip-compressed JavaScript before the first screen', async () => {
    const bundle = await measureConsole();
    expect(bundle.initialJs.files.length).toBeGreaterThan(0);
    expect(bundle.initialJs.files.every((file) => file.startsWith('assets/') && file.endsWith('.js'))).toBe(
      true,
    );
    expect(bundle.initialJs.gzip).toBeLessThanOrEqual(CONSOLE_INITIAL_JS_GZIP_BUDGET);
    expect(bundle.css.raw).toBeGreaterThan(0);
  });
});
