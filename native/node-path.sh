#!/bin/sh
# Records the node that builds jcsh in $1 (build/Release/node-path): npm's own when npm runs
# the build, else the one on PATH. bin/jcsh.js runs it when node is not on PATH, as for a
# login shell started with a minimal PATH.
node=${npm_node_execpath:-$(command -v node)}
printf '%s\n' "$node" > "$1"
