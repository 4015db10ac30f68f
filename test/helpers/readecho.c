/*
 * readecho SUFFIX: read one line from stdin and print it (without its line
 * ending) followed by SUFFIX, then exit 0 (the Oils PYCAT one-liner). Run in
 * the background it stops with SIGTTIN, which tells a test which job got the
 * terminal. A read error (EIO for an orphaned reader) exits 1.
 */
#include "common.h"
#include <unistd.h>

int main(int argc, char **argv)
{
    need_args(argc, 1, 1, "readecho SUFFIX");
    char *line = NULL;
    size_t cap = 0;
    ssize_t len = getline(&line, &cap, stdin);
    if (len < 0 && ferror(stdin)) {
        perror("readecho: read");
        return 1;
    }
    while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
        line[--len] = '\0';
    printf("%s%s\n", len > 0 ? line : "", argv[1]);
    free(line);
    return 0;
}
