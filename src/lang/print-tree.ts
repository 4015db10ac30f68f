// bash's parse tree for printing (print_cmd.c works on it, not on the text typed): lists,
// and-or lists and pipelines become nested binary connections, and `a; b &` puts its `&` on b
// alone. Where bash's printer puts here-document bodies and `&` depends on this shape.

import type { AndOr, Command, List, Pipeline } from './ast.js';

/** bash's connectors; ';' also stands for a newline between commands. */
export type Connector = ';' | '&' | '|' | '&&' | '||';

/** bash's tree: lists, and-or lists and pipelines are nested binary connections. */
export type Node =
  | { kind: 'connection'; first: Node; connector: Connector; second: Node | null; bang: boolean }
  | { kind: 'command'; command: Command; bang: boolean };

export function listNode(list: List): Node | null {
  const items = list.items;
  if (items.length === 0) return null;
  let node = andOrNode(items[0]!);
  for (let i = 1; i < items.length; i++) {
    const next = andOrNode(items[i]!);
    node = items[i - 1]!.background ? asyncConnect(node, next) : connection(node, ';', next);
  }
  return items[items.length - 1]!.background ? asyncConnect(node, null) : node;
}

/**
 * bash's connect_async_list: `a; b &` backgrounds only b, so the `&` goes to the last command
 * of a `;` chain, not around the chain (it changes where here-document bodies print).
 */
function asyncConnect(node: Node, second: Node | null): Node {
  if (node.kind !== 'connection' || node.connector !== ';' || node.second === null) return connection(node, '&', second);
  let parent = node;
  let last: Node = node.second!;
  while (last.kind === 'connection' && last.connector === ';' && !last.bang) {
    parent = last;
    last = last.second!;
  }
  parent.second = connection(last, '&', second);
  return node;
}

function connection(first: Node, connector: Connector, second: Node | null): Node & { kind: 'connection' } {
  return { kind: 'connection', first, connector, second, bang: false };
}

export function andOrNode(item: AndOr): Node {
  let node = pipelineNode(item.first);
  for (const r of item.rest) node = connection(node, r.op, pipelineNode(r.pipeline));
  return node;
}

/** `|` groups to the right in bash's grammar: a | (b | c). */
export function pipelineNode(p: Pipeline): Node {
  const cmds = p.commands;
  let node: Node = commandNode(cmds[cmds.length - 1]!, false);
  for (let i = cmds.length - 2; i >= 0; i--) node = connection(commandNode(cmds[i]!, false), '|', node);
  node.bang = p.bang;
  return node;
}

export function commandNode(command: Command, bang: boolean): Node {
  return { kind: 'command', command, bang };
}
