// The opaque C API of CICU.h, implemented on ICU's C API.
//
// System ICU renames every C entry point with a version suffix (`ubrk_open` is a macro for
// `ubrk_open_72`), which Swift cannot call by the documented name; compiled here, the macros
// expand. The opaque types of CICU.h are ICU's own objects, cast at this boundary.
#include "CICU.h"

#include <unicode/utypes.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>
#include <unicode/ucnv.h>
#include <unicode/uset.h>

// The constants CICU.h mirrors, checked against ICU.
_Static_assert(CICU_ZERO_ERROR == U_ZERO_ERROR, "U_ZERO_ERROR");
_Static_assert(CICU_INTERNAL_PROGRAM_ERROR == U_INTERNAL_PROGRAM_ERROR, "U_INTERNAL_PROGRAM_ERROR");
_Static_assert(CICU_BUFFER_OVERFLOW_ERROR == U_BUFFER_OVERFLOW_ERROR, "U_BUFFER_OVERFLOW_ERROR");
_Static_assert(CICU_BREAK_WORD == UBRK_WORD, "UBRK_WORD");
_Static_assert(CICU_BREAK_SENTENCE == UBRK_SENTENCE, "UBRK_SENTENCE");
_Static_assert(U_MAX_VERSION_LENGTH == 4, "cicu_get_version writes four bytes");
_Static_assert(sizeof(UChar) == sizeof(uint16_t), "UChar is a UTF-16 unit");
_Static_assert(sizeof(UErrorCode) == sizeof(int32_t), "UErrorCode travels as int32_t");

// `int32_t *status` is ICU's `UErrorCode *` (an enum of int size, checked above).
#define STATUS(status) ((UErrorCode *)(status))

// MARK: Errors

const char *cicu_error_name(int32_t status) { return u_errorName((UErrorCode)status); }
int cicu_is_failure(int32_t status) { return U_FAILURE((UErrorCode)status) ? 1 : 0; }

// MARK: Version

void cicu_get_version(uint8_t *out) {
    UVersionInfo info;
    u_getVersion(info);
    for (int i = 0; i < U_MAX_VERSION_LENGTH; i++) out[i] = info[i];
}

// MARK: Break iteration

static UBreakIterator *bi(CICUBreakIterator *iterator) { return (UBreakIterator *)iterator; }

CICUBreakIterator *cicu_break_open(int32_t unit, const char *locale, int32_t *status) {
    return (CICUBreakIterator *)ubrk_open((UBreakIteratorType)unit, locale, NULL, 0, STATUS(status));
}

CICUBreakIterator *cicu_break_clone(const CICUBreakIterator *iterator, int32_t *status) {
    return (CICUBreakIterator *)ubrk_clone((const UBreakIterator *)iterator, STATUS(status));
}

void cicu_break_close(CICUBreakIterator *iterator) { ubrk_close(bi(iterator)); }

void cicu_break_set_text(CICUBreakIterator *iterator, const uint16_t *text, int32_t length,
                         int32_t *status) {
    ubrk_setText(bi(iterator), (const UChar *)text, length, STATUS(status));
    ubrk_first(bi(iterator));
}

void cicu_break_clear_text(CICUBreakIterator *iterator) {
    static const UChar empty = 0;
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(bi(iterator), &empty, 0, &status);
}

int32_t cicu_break_next_boundaries(CICUBreakIterator *iterator, int32_t *offsets,
                                   int32_t *rule_statuses, int32_t capacity) {
    UBreakIterator *breaker = bi(iterator);
    int32_t count = 0;
    while (count < capacity) {
        int32_t next = ubrk_next(breaker);
        if (next == UBRK_DONE) break;
        offsets[count] = next;
        if (rule_statuses) rule_statuses[count] = ubrk_getRuleStatus(breaker);
        count++;
    }
    return count;
}

// MARK: Normalization

const CICUNormalizer *cicu_nfkc(int32_t *status) {
    return (const CICUNormalizer *)unorm2_getNFKCInstance(STATUS(status));
}

int32_t cicu_normalize(const CICUNormalizer *normalizer, const uint16_t *source, int32_t length,
                       uint16_t *destination, int32_t capacity, int32_t *status) {
    return unorm2_normalize((const UNormalizer2 *)normalizer, (const UChar *)source, length,
                            (UChar *)destination, capacity, STATUS(status));
}

// MARK: Transforms

CICUTransform *cicu_transform_open(const uint16_t *id, int32_t id_length, int32_t *status) {
    return (CICUTransform *)utrans_openU((const UChar *)id, id_length, UTRANS_FORWARD, NULL, 0,
                                         NULL, STATUS(status));
}

void cicu_transform_close(CICUTransform *transform) { utrans_close((UTransliterator *)transform); }

void cicu_transform_apply(const CICUTransform *transform, uint16_t *text, int32_t *length,
                          int32_t capacity, int32_t *status) {
    int32_t limit = *length;
    utrans_transUChars((const UTransliterator *)transform, (UChar *)text, length, capacity, 0,
                       &limit, STATUS(status));
}

// MARK: Character sets of legacy encodings

CICUCharacterSet *cicu_roundtrip_set(const char *converter_name, int32_t *status) {
    UConverter *converter = ucnv_open(converter_name, STATUS(status));
    if (U_FAILURE(*STATUS(status))) return NULL;
    USet *set = uset_openEmpty();
    ucnv_getUnicodeSet(converter, set, UCNV_ROUNDTRIP_SET, STATUS(status));
    ucnv_close(converter);
    if (U_FAILURE(*STATUS(status))) {
        uset_close(set);
        return NULL;
    }
    uset_freeze(set);
    return (CICUCharacterSet *)set;
}

int cicu_set_contains(const CICUCharacterSet *set, int32_t c) {
    return uset_contains((const USet *)set, c) ? 1 : 0;
}

void cicu_set_close(CICUCharacterSet *set) { uset_close((USet *)set); }
