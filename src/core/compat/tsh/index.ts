// The tsh compatibility mode, as the hosts need it.

export { tshDialect } from './dialect.js';
export { startTsh } from './start.js';
