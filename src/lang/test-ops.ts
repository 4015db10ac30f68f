// The operators of `test` and of bash's `[[ … ]]`: which words are unary and binary tests.

const UNARY = new Set('abcdefghkprstuwxOGLSNnzvoR'.split('').map((c) => `-${c}`));
const BINARY = new Set(['=', '==', '!=', '<', '>', '-nt', '-ot', '-ef', '-eq', '-ne', '-lt', '-le', '-gt', '-ge']);

export function isUnary(op: string): boolean {
  return UNARY.has(op);
}

export function isBinary(op: string): boolean {
  return BINARY.has(op);
}
