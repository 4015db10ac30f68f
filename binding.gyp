# Two targets, built by `node-gyp rebuild` (npm runs it at install):
#  - jcsh_native.node: the N-API addon (native/addon.c and its parts; child.c holds all code
#    that runs in a child before exec),
#  - jcsh-emit: the small program that delivers a builtin's output as a real process,
#  - jcsh-gate: holds a pipeline's first process until every stage has joined its group,
#  - jcsh-launch: starts the UI's engine in a new pty, then becomes the UI (bin/jcsh.js runs it
#    on a terminal), so that the two Node start-ups overlap,
#  - labs/NAME (doublefork, execdemo, ignchld, orphan, orphanpgrp, reaper, waitstatus, zombie):
#    the real-kernel twins of the simulated lab programs (native/labs), in a folder of their
#    own so that a lab can put exactly them on PATH,
#  - node-path: the node that built it (npm's, else the one on PATH), which bin/jcsh.js runs
#    when node is not on PATH (a login shell with a minimal PATH).
{
  "target_defaults": {
    "cflags": ["-Wall", "-Wextra", "-O2", "-std=gnu11"],
    "cflags!": ["-fno-exceptions"]
  },
  "targets": [
    {
      "target_name": "jcsh_native",
      "sources": [
        "native/addon.c",
        "native/napi_util.c",
        "native/spawn_napi.c",
        "native/proc_napi.c",
        "native/signal_napi.c",
        "native/trap_napi.c",
        "native/term_napi.c",
        "native/fd_napi.c",
        "native/record_napi.c",
        "native/ready_napi.c",
        "native/child.c",
        "native/exec.c"
      ],
      # Bind every symbol at load: the clone child (child.c) must not enter the lazy binder,
      # which takes locks and writes the thread's state it shares with the parent.
      "ldflags": ["-Wl,-z,now"]
    },
    {
      "target_name": "jcsh-emit",
      "type": "executable",
      "sources": ["native/emit.c"]
    },
    {
      "target_name": "jcsh-gate",
      "type": "executable",
      "sources": ["native/gate.c"]
    },
    {
      "target_name": "jcsh-launch",
      "type": "executable",
      "sources": ["native/launch.c", "native/child.c"],
      "ldflags": ["-Wl,-z,now"]
    },
    {
      "target_name": "lab-doublefork",
      "product_name": "doublefork",
      "product_dir": "<(PRODUCT_DIR)/labs",
      "type": "executable",
      "sources": ["native/labs/doublefork.c"]
    },
    {
      "target_name": "lab-execdemo",
      "product_name": "execdemo",
      "product_dir": "<(PRODUCT_DIR)/labs",
      "type": "executable",
      "sources": ["native/labs/execdemo.c"]
    },
    {
      "target_name": "lab-ignchld",
      "product_name": "ignchld",
      "product_dir": "<(PRODUCT_DIR)/labs",
      "type": "executable",
      "sources": ["native/labs/ignchld.c"]
    },
    {
      "target_name": "lab-orphan",
      "product_name": "orphan",
      "product_dir": "<(PRODUCT_DIR)/labs",
      "type": "executable",
      "sources": ["native/labs/orphan.c"]
    },
    {
      "target_name": "lab-orphanpgrp",
      "product_name": "orphanpgrp",
      "product_dir": "<(PRODUCT_DIR)/labs",
      "type": "executable",
      "sources": ["native/labs/orphanpgrp.c"]
    },
    {
      "target_name": "lab-reaper",
      "product_name": "reaper",
      "product_dir": "<(PRODUCT_DIR)/labs",
      "type": "executable",
      "sources": ["native/labs/reaper.c"]
    },
    {
      "target_name": "lab-waitstatus",
      "product_name": "waitstatus",
      "product_dir": "<(PRODUCT_DIR)/labs",
      "type": "executable",
      "sources": ["native/labs/waitstatus.c"]
    },
    {
      "target_name": "lab-zombie",
      "product_name": "zombie",
      "product_dir": "<(PRODUCT_DIR)/labs",
      "type": "executable",
      "sources": ["native/labs/zombie.c"]
    },
    {
      "target_name": "node-path",
      "type": "none",
      "actions": [
        {
          "action_name": "record_node_path",
          "inputs": ["native/node-path.sh"],
          "outputs": ["<(PRODUCT_DIR)/node-path"],
          "action": ["sh", "native/node-path.sh", "<@(_outputs)"]
        }
      ]
    }
  ]
}
