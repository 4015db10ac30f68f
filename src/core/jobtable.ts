// The job table, numbered and ranked as bash does (jobs.c): a new job gets the highest number
// in use plus one (so numbers restart at 1 once the table is empty), and the current (+) and
// previous (-) jobs follow set_current_job / reset_current, where a stopped job outranks a
// running one.

import { Job, type JobOptions } from './job.js';

export class JobTable {
  /** Slot i holds job number i+1. */
  private slots: (Job | undefined)[] = [];
  private count = 0;
  private currentId = 0;
  private previousId = 0;

  /**
   * A table listing the same jobs, whose later additions and removals stay its own: what a
   * subshell inherits (`$(jobs -p)` lists the parent's jobs, as in bash).
   */
  copy(): JobTable {
    const t = new JobTable();
    t.slots = [...this.slots];
    t.count = this.count;
    t.currentId = this.currentId;
    t.previousId = this.previousId;
    return t;
  }

  nextId(): number {
    return this.slots.length + 1;
  }

  add(o: Omit<JobOptions, 'id'>): Job {
    const job = new Job({ ...o, id: this.nextId() });
    this.slots.push(job);
    this.count++;
    if (!o.foreground) this.resetCurrent();
    return job;
  }

  remove(job: Job): void {
    if (this.slots[job.id - 1] !== job) return;
    this.slots[job.id - 1] = undefined;
    this.count--;
    while (this.slots.length > 0 && this.slots[this.slots.length - 1] === undefined) this.slots.pop();
    if (job.id === this.currentId || job.id === this.previousId) this.resetCurrent();
  }

  get(id: number): Job | undefined {
    return this.slots[id - 1];
  }

  all(): Job[] {
    return this.slots.filter((j): j is Job => j !== undefined);
  }

  get size(): number {
    return this.count;
  }

  findByPid(pid: number): Job | undefined {
    return this.all().find((j) => j.hasProcess(pid));
  }

  get current(): Job | undefined {
    return this.currentId ? this.get(this.currentId) : undefined;
  }

  get previous(): Job | undefined {
    return this.previousId ? this.get(this.previousId) : undefined;
  }

  /** '+', '-' or ' ' for a job's line. */
  mark(job: Job): '+' | '-' | ' ' {
    if (job.id === this.currentId) return '+';
    if (job.id === this.previousId) return '-';
    return ' ';
  }

  /** Makes a job current (fg, a job that just stopped). */
  setCurrent(job: Job): void {
    this.setCurrentId(job.id);
  }

  /** Re-picks current and previous after jobs changed state. */
  resetCurrent(): void {
    let candidate = 0;
    if (this.isStopped(this.currentId)) {
      candidate = this.currentId;
    } else {
      if (this.isStopped(this.previousId)) candidate = this.previousId;
      if (!candidate) candidate = this.newestBelow(this.slots.length + 1, 'stopped');
      if (!candidate) candidate = this.newestBelow(this.slots.length + 1, 'running');
    }
    if (candidate) this.setCurrentId(candidate);
    else this.currentId = this.previousId = 0;
  }

  private setCurrentId(id: number): void {
    if (this.currentId !== id) {
      this.previousId = this.currentId;
      this.currentId = id;
    }
    if (this.previousId !== this.currentId && this.isStopped(this.previousId)) return;
    if (this.isStopped(this.currentId)) {
      const older = this.newestBelow(this.currentId, 'stopped');
      if (older) {
        this.previousId = older;
        return;
      }
    }
    const running = this.isRunning(this.currentId)
      ? this.newestBelow(this.currentId, 'running')
      : this.newestBelow(this.slots.length + 1, 'running');
    this.previousId = running || this.currentId;
  }

  /** The newest job numbered below `id` in the given state, or 0. */
  private newestBelow(id: number, state: 'stopped' | 'running'): number {
    for (let i = Math.min(id, this.slots.length + 1) - 1; i >= 1; i--) {
      if (this.get(i)?.state === state) return i;
    }
    return 0;
  }

  private isStopped(id: number): boolean {
    return id > 0 && this.get(id)?.state === 'stopped';
  }

  private isRunning(id: number): boolean {
    return id > 0 && this.get(id)?.state === 'running';
  }
}
