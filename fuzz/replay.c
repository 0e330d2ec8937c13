/* fuzz/replay.c: runs saved fuzz inputs without libFuzzer, in order, in one
 * process. A mismatch aborts (as under libFuzzer) right after the line that
 * names its input; otherwise prints a summary. Exits 2 on bad arguments.
 * `make test` replays every committed corpus this way. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "target.h"

static int run_one(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "%s: cannot open\n", path);
        return -1;
    }
    static uint8_t buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf, f);
    int big = !feof(f);
    fclose(f);
    if (big) {
        fprintf(stderr, "%s: larger than %zu bytes\n", path, sizeof buf);
        return -1;
    }
    printf("RUN  %s\n", path);
    fflush(stdout);
    LLVMFuzzerTestOneInput(buf, n);
    return 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *) a, *(char *const *) b);
}

int main(int argc, char **argv)
{
    int passed = 0, failed = 0;
    if (argc < 2) {
        fputs("usage: replay DIR_OR_FILE...\n", stderr);
        return 2;
    }
    for (int a = 1; a < argc; a++) {
        struct stat st;
        if (stat(argv[a], &st) != 0) {
            fprintf(stderr, "%s: no such file or directory\n", argv[a]);
            return 2;
        }
        char **names = NULL;
        size_t count = 0;
        if (S_ISDIR(st.st_mode)) {
            DIR *d = opendir(argv[a]);
            struct dirent *de;
            while (d && (de = readdir(d))) {
                if (de->d_name[0] == '.')
                    continue;
                names = realloc(names, (count + 1) * sizeof *names);
                size_t len = strlen(argv[a]) + strlen(de->d_name) + 2;
                names[count] = malloc(len);
                snprintf(names[count++], len, "%s/%s", argv[a], de->d_name);
            }
            if (d)
                closedir(d);
            qsort(names, count, sizeof *names, by_name);
        } else {
            names = malloc(sizeof *names);
            names[count++] = strdup(argv[a]);
        }
        for (size_t i = 0; i < count; i++) {
            int ok = run_one(names[i]) == 0;
            passed += ok;
            failed += !ok;
            free(names[i]);
        }
        free(names);
    }
    printf("replay: %d inputs passed, %d could not be read\n", passed, failed);
    return failed ? 1 : 0;
}
