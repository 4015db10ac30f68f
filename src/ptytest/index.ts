// jcsh/pty: drive any program in a pseudo-terminal from tests and scripts.

export { spawnPty, PtySession } from './session.js';
export type { SpawnOptions, ExpectOptions, GoneOptions } from './session.js';
export type { KillTarget, ProcessSource } from './procsource.js';
export { SimView } from './simview.js';
export { closeAllSessions } from './registry.js';
export { PtyExpectError, formatFailure, describeExit } from './errors.js';
export type { FailureFacts, FailureReason } from './errors.js';
export { keyBytes } from './keys.js';
export type { KeyName, NamedKey, CtrlKey, AltKey, KeyModes } from './keys.js';
export type { Pattern } from './match.js';
export { replayTrace, writeTrace, readTrace } from './trace.js';
export type { Replay, ReplayOptions } from './trace.js';
export { listProcesses, readProcess, sessionProcesses } from './procfs.js';
export { waitUntil, WaitTimeoutError } from './wait.js';
export type { WaitUntilOptions } from './wait.js';
export { escapeControls } from './escape.js';
export { defaultEnv } from './env.js';
export { renderBox } from './snapshot.js';
export { readTerminalModes, parseStty, isCooked } from './termios.js';
export type { TerminalModes } from './termios.js';
export type { Row } from './snapshot.js';
export type { ExitResult, ExitStatus, ExpectSource, Match, ProcessInfo, Screen, TraceEvent } from './types.js';
