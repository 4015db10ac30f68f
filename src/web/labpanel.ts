// The Lab panel: the step about to be played (its sentence, its keys), the prediction to make
// before it, the answer once the kernel has done it (read from the events, as the lab says),
// and at the end every promised outcome checked against the events.

import type { Prediction } from '../labs/types.js';
import { keysText, type LabPlay, type LabStepResult } from './lab.js';

export interface LabElements {
  readonly step: HTMLButtonElement;
  readonly say: HTMLElement;
  readonly predict: HTMLElement;
  readonly reveal: HTMLElement;
  readonly outcomes: HTMLElement;
}

function element(tag: string, text: string, className?: string): HTMLElement {
  const e = document.createElement(tag);
  e.textContent = text;
  if (className) e.className = className;
  return e;
}

export class LabPanel {
  private run: LabPlay | null = null;

  constructor(private readonly at: LabElements) {
    at.step.addEventListener('click', () => void this.step());
    this.clear();
  }

  /** A new run of a lab (or none: the free shell). */
  attach(run: LabPlay | null): void {
    this.run = run;
    this.clear();
    if (run) this.showNext();
  }

  private clear(): void {
    this.at.say.textContent = '';
    this.at.predict.replaceChildren();
    this.at.reveal.replaceChildren();
    this.at.outcomes.replaceChildren();
    this.at.step.disabled = true;
    this.at.step.textContent = 'Step';
  }

  private showNext(): void {
    const run = this.run!;
    const step = run.lab.steps[run.next];
    if (!step) return this.showOutcomes(run);
    this.at.say.textContent = `Step ${run.next + 1} of ${run.lab.steps.length}: ${step.input.say} (types ${keysText(step.input.keys)})`;
    this.at.predict.replaceChildren(...(step.predict ? this.question(step.predict) : []));
    this.at.step.disabled = false;
  }

  private question(p: Prediction): HTMLElement[] {
    const choices = p.choices.map((choice, i) => {
      const label = document.createElement('label');
      const radio = document.createElement('input');
      radio.type = 'radio';
      radio.name = 'predict';
      radio.value = String(i);
      label.append(radio, ` ${choice}`);
      return label;
    });
    return [element('p', `Predict: ${p.question}`, 'question'), ...choices];
  }

  private async step(): Promise<void> {
    const run = this.run;
    if (!run || run.done) return;
    const guess = this.at.predict.querySelector<HTMLInputElement>('input[name=predict]:checked');
    this.at.step.disabled = true;
    const result = await run.play();
    if (run !== this.run) return;
    this.at.reveal.replaceChildren(...this.answer(result, guess ? Number(guess.value) : null));
    this.showNext();
  }

  private answer(r: LabStepResult, guess: number | null): HTMLElement[] {
    const p = r.step.predict;
    if (!p) return [];
    const right = r.answer === null ? 'the events do not say' : p.choices[r.answer] ?? '?';
    const verdict = guess === null || r.answer === null ? '' : guess === r.answer ? ' (as you predicted)' : ' (not what you predicted)';
    return [element('p', `Answer: ${right}${verdict}`, 'answer'), element('p', p.why, 'why')];
  }

  private showOutcomes(run: LabPlay): void {
    this.at.say.textContent = `The lab ${run.lab.name} is over. What it promised:`;
    this.at.predict.replaceChildren();
    this.at.outcomes.replaceChildren(...run.lab.outcomes.map((o) => {
      const held = o.holds(run.events);
      const rules = o.rules.length > 0 ? ` [${o.rules.join(', ')}]` : '';
      return element('li', `${held ? '✓' : '✗'} ${o.says}${rules}`, held ? 'held' : 'broken');
    }));
    this.at.step.disabled = true;
    this.at.step.textContent = 'Done';
  }
}
