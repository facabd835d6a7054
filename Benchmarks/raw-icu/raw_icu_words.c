// The ceiling for segmentation throughput: ICU's word break iterator and nothing else.
//
// Reads a UTF-8 file, then for each line converts it to UTF-16 and walks ICU's word
// boundaries (locale zh), counting them. Prints the line count, boundary count and the
// seconds spent in the loop (file reading excluded). With --print, prints the segmented
// text instead (tokens separated by one space, white space dropped), for scoring.
//
//   cc -O2 raw_icu_words.c $(pkg-config --cflags --libs icu-uc icu-i18n) -o raw_icu_words
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>
#include <unicode/uchar.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: raw_icu_words FILE [--print]\n"); return 2; }
    int print = argc > 2 && strcmp(argv[2], "--print") == 0;
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 1; }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *data = malloc(size + 1);
    if (fread(data, 1, size, f) != (size_t)size) { perror("read"); return 1; }
    fclose(f);

    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(UBRK_WORD, "zh", NULL, 0, &status);
    if (U_FAILURE(status)) { fprintf(stderr, "ubrk_open: %s\n", u_errorName(status)); return 1; }
    int32_t capacity = 1 << 16;
    UChar *units = malloc(capacity * sizeof(UChar));
    long lines = 0, boundaries = 0;
    double start = now();
    char *p = data, *end = data + size;
    while (p < end) {
        char *nl = memchr(p, '\n', end - p);
        char *lineEnd = nl ? nl : end;
        int32_t length = 0;
        status = U_ZERO_ERROR;
        u_strFromUTF8(units, capacity, &length, p, (int32_t)(lineEnd - p), &status);
        if (status == U_BUFFER_OVERFLOW_ERROR) {
            capacity = length + 1;
            units = realloc(units, capacity * sizeof(UChar));
            status = U_ZERO_ERROR;
            u_strFromUTF8(units, capacity, &length, p, (int32_t)(lineEnd - p), &status);
        }
        ubrk_setText(bi, units, length, &status);
        int32_t prev = ubrk_first(bi), next;
        int first = 1;
        while ((next = ubrk_next(bi)) != UBRK_DONE) {
            boundaries++;
            if (print) {
                UChar32 c;
                U16_GET(units, 0, prev, length, c);
                if (!u_isUWhiteSpace(c)) {
                    char out[4096];
                    int32_t outLength = 0;
                    UErrorCode s = U_ZERO_ERROR;
                    u_strToUTF8(out, sizeof out, &outLength, units + prev, next - prev, &s);
                    if (!first) putchar(' ');
                    fwrite(out, 1, outLength, stdout);
                    first = 0;
                }
            }
            prev = next;
        }
        if (print) putchar('\n');
        lines++;
        p = nl ? nl + 1 : end;
    }
    double seconds = now() - start;
    if (!print) printf("lines %ld boundaries %ld bytes %ld seconds %.4f\n", lines, boundaries, size, seconds);
    ubrk_close(bi);
    free(units);
    free(data);
    return 0;
}
