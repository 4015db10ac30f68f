// A list of named checks, printed with ✓ / ✗ / – (not checked), with the full reports of
// the failed ones after the list.

type Mark = '✓' | '✗' | '–';

interface Item {
  readonly mark: Mark;
  readonly label: string;
  readonly detail: string | undefined;
}

/** The first line of an error's message: the library's reports start with a headline. */
function headline(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}

export class Checklist {
  readonly #items: Item[] = [];
  readonly #reports: string[] = [];

  /** Run `check`; a value it returns is shown as detail, a throw fails the item. Returns whether it passed. */
  async check(label: string, check: () => Promise<string | void> | string | void): Promise<boolean> {
    try {
      const detail = await check();
      this.#items.push({ mark: '✓', label, detail: detail || undefined });
      return true;
    } catch (error) {
      this.fail(label, headline(error), error instanceof Error ? error.message : undefined);
      return false;
    }
  }

  /** Record a failure; `report`, if longer than the detail, is printed after the list. */
  fail(label: string, detail: string, report?: string): void {
    this.#items.push({ mark: '✗', label, detail });
    if (report !== undefined && report.includes('\n')) this.#reports.push(`✗ ${label}\n${report}`);
  }

  /** Checks that could not be made because an earlier one failed. */
  skip(...labels: string[]): void {
    for (const label of labels) this.#items.push({ mark: '–', label, detail: 'not checked' });
  }

  get ok(): boolean {
    return this.#items.every((item) => item.mark === '✓');
  }

  render(): string {
    const lines = this.#items.map((item) => `  ${item.mark} ${item.label}${item.detail ? `: ${item.detail}` : ''}`);
    const passed = this.#items.filter((item) => item.mark === '✓').length;
    const summary = this.ok ? `PASSED: all ${passed} checks.` : `FAILED: ${passed} of ${this.#items.length} checks passed.`;
    const reports = this.#reports.length > 0 ? `\n${this.#reports.join('\n\n')}\n` : '';
    return `${lines.join('\n')}\n${reports}\n${summary}\n`;
  }
}
