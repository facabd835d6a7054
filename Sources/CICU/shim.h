// The ICU C functions Termbridge uses, wrapped as `static inline` functions.
//
// System ICU renames every C entry point with a version suffix (`ubrk_open` is a macro
// for `ubrk_open_72`), so Swift cannot call the documented names. These wrappers expand
// the macros at C compile time and give Swift stable names with a `cicu_` prefix.
#ifndef TERMBRIDGE_CICU_SHIM_H
#define TERMBRIDGE_CICU_SHIM_H

#include <unicode/utypes.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>
#include <unicode/ucnv.h>
#include <unicode/uset.h>

// MARK: Errors

static inline const char *cicu_errorName(UErrorCode code) { return u_errorName(code); }
static inline int cicu_isFailure(UErrorCode code) { return U_FAILURE(code) ? 1 : 0; }

// MARK: Version

static inline void cicu_getVersion(uint8_t *out) {
    UVersionInfo info;
    u_getVersion(info);
    for (int i = 0; i < U_MAX_VERSION_LENGTH; i++) out[i] = info[i];
}

// MARK: Break iteration

static inline UBreakIterator *cicu_ubrk_open(UBreakIteratorType type, const char *locale,
                                             UErrorCode *status) {
    return ubrk_open(type, locale, NULL, 0, status);
}
static inline UBreakIterator *cicu_ubrk_clone(const UBreakIterator *bi, UErrorCode *status) {
    return ubrk_clone(bi, status);
}
static inline void cicu_ubrk_close(UBreakIterator *bi) { ubrk_close(bi); }
static inline void cicu_ubrk_setText(UBreakIterator *bi, const UChar *text, int32_t length,
                                     UErrorCode *status) {
    ubrk_setText(bi, text, length, status);
}
static inline int32_t cicu_ubrk_first(UBreakIterator *bi) { return ubrk_first(bi); }
static inline int32_t cicu_ubrk_next(UBreakIterator *bi) { return ubrk_next(bi); }
static inline int32_t cicu_ubrk_getRuleStatus(UBreakIterator *bi) { return ubrk_getRuleStatus(bi); }
static inline int32_t cicu_ubrk_done(void) { return UBRK_DONE; }

// MARK: Normalization

static inline const UNormalizer2 *cicu_nfkc(UErrorCode *status) {
    return unorm2_getNFKCInstance(status);
}
static inline int32_t cicu_unorm2_normalize(const UNormalizer2 *norm, const UChar *src,
                                            int32_t length, UChar *dest, int32_t capacity,
                                            UErrorCode *status) {
    return unorm2_normalize(norm, src, length, dest, capacity, status);
}

// MARK: Transforms

static inline UTransliterator *cicu_utrans_open(const UChar *id, int32_t idLength,
                                                UErrorCode *status) {
    return utrans_openU(id, idLength, UTRANS_FORWARD, NULL, 0, NULL, status);
}
static inline void cicu_utrans_close(UTransliterator *trans) { utrans_close(trans); }
/// Transforms `text` in place. `*textLength` is the used length on input and output;
/// `capacity` is the buffer size. Returns the ICU status.
static inline void cicu_utrans_transUChars(const UTransliterator *trans, UChar *text,
                                           int32_t *textLength, int32_t capacity,
                                           UErrorCode *status) {
    int32_t limit = *textLength;
    utrans_transUChars(trans, text, textLength, capacity, 0, &limit, status);
}

// MARK: Character sets of legacy encodings

/// The set of code points that round-trip through the named converter (e.g. "GB2312"),
/// or NULL with `*status` set. Close with cicu_uset_close.
static inline USet *cicu_roundtripSet(const char *converterName, UErrorCode *status) {
    UConverter *converter = ucnv_open(converterName, status);
    if (U_FAILURE(*status)) return NULL;
    USet *set = uset_openEmpty();
    ucnv_getUnicodeSet(converter, set, UCNV_ROUNDTRIP_SET, status);
    ucnv_close(converter);
    if (U_FAILURE(*status)) { uset_close(set); return NULL; }
    uset_freeze(set);
    return set;
}
static inline int cicu_uset_contains(const USet *set, UChar32 c) { return uset_contains(set, c) ? 1 : 0; }
static inline void cicu_uset_close(USet *set) { uset_close(set); }

#endif
