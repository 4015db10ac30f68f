// Ink for the pane's tests. Ink draws nothing but the last frame when it believes it runs in CI
// (is-in-ci reads the environment once, on import), so it is imported only after CI=false is
// set; whatever a test mounts is unmounted after it.

import { afterEach, beforeAll } from 'vitest';

export interface InkModules {
  ink: typeof import('ink');
  react: typeof import('react');
  pane: typeof import('../../../src/ui/pane/pane.js');
}

/** The modules, filled in before the first test; `mounted` is emptied after each test. */
export function useInk(): { readonly m: InkModules; readonly mounted: { unmount(): void }[] } {
  process.env.CI = 'false';
  const m = {} as InkModules;
  const mounted: { unmount(): void }[] = [];
  beforeAll(async () => {
    m.ink = await import('ink');
    m.react = await import('react');
    m.pane = await import('../../../src/ui/pane/pane.js');
  });
  afterEach(() => {
    for (const x of mounted.splice(0)) x.unmount();
  });
  return { m, mounted };
}
