// The ICU C functions Termbridge uses, behind an opaque C API.
//
// This header includes no ICU header on purpose. Every Swift module that imports a
// module importing CICU loads this header too (Swift loads the imports of a non-resilient
// module for its clients), and ICU's headers would clash there with the ICU headers that
// Foundation carries. So the API speaks only <stdint.h> types and pointers to incomplete
// structs; CICU.c includes ICU's headers and calls ICU. The values below that mirror ICU
// constants are checked against ICU's headers at compile time in CICU.c.
//
// Status codes are ICU `UErrorCode` values carried as int32_t: 0 is success, negative
// values are warnings, positive values failures (see cicu_is_failure, cicu_error_name).
#ifndef TERMBRIDGE_CICU_H
#define TERMBRIDGE_CICU_H

#include <stdint.h>

// MARK: Errors

/// ICU's U_ZERO_ERROR: no error.
#define CICU_ZERO_ERROR 0
/// ICU's U_INTERNAL_PROGRAM_ERROR, used when ICU returns no object and no failure.
#define CICU_INTERNAL_PROGRAM_ERROR 5
/// ICU's U_BUFFER_OVERFLOW_ERROR: the output needs the returned length.
#define CICU_BUFFER_OVERFLOW_ERROR 15

/// ICU's name for a status code, e.g. "U_MISSING_RESOURCE_ERROR".
const char *cicu_error_name(int32_t status);
/// 1 when `status` is a failure (ICU's U_FAILURE), 0 for success and warnings.
int cicu_is_failure(int32_t status);

// MARK: Version

/// Writes ICU's version (major, minor, milli, micro) into `out[0..<4]`.
void cicu_get_version(uint8_t *out);

// MARK: Break iteration

/// An ICU break iterator (`UBreakIterator`).
typedef struct CICUBreakIterator CICUBreakIterator;

/// ICU's UBRK_WORD: words, with dictionary-based CJK segmentation.
#define CICU_BREAK_WORD 1
/// ICU's UBRK_SENTENCE.
#define CICU_BREAK_SENTENCE 3

/// Opens a break iterator of `unit` (CICU_BREAK_WORD or CICU_BREAK_SENTENCE) for `locale`.
CICUBreakIterator *cicu_break_open(int32_t unit, const char *locale, int32_t *status);
/// An independent copy of `iterator` (ICU's ubrk_clone).
CICUBreakIterator *cicu_break_clone(const CICUBreakIterator *iterator, int32_t *status);
void cicu_break_close(CICUBreakIterator *iterator);
/// Points the iterator at `length` UTF-16 units at `text` (which must stay valid until the
/// next call of cicu_break_set_text or cicu_break_clear_text) and moves it to the start.
void cicu_break_set_text(CICUBreakIterator *iterator, const uint16_t *text, int32_t length,
                         int32_t *status);
/// Points the iterator at empty text, so that it holds no pointer into the caller's buffer.
void cicu_break_clear_text(CICUBreakIterator *iterator);
/// Moves to the next boundaries, up to `capacity` of them: writes their UTF-16 offsets to
/// `offsets` and, unless `rule_statuses` is NULL, ICU's rule status of the segment ending at
/// each (ubrk_getRuleStatus) to `rule_statuses`. Returns how many it wrote; fewer than
/// `capacity` means the end of the text was reached. One call per batch rather than per
/// boundary keeps the cost of crossing into C off the hot loop.
int32_t cicu_break_next_boundaries(CICUBreakIterator *iterator, int32_t *offsets,
                                   int32_t *rule_statuses, int32_t capacity);

// MARK: Normalization

/// An ICU normalizer (`UNormalizer2`), owned by ICU: never closed.
typedef struct CICUNormalizer CICUNormalizer;

/// ICU's shared NFKC normalizer.
const CICUNormalizer *cicu_nfkc(int32_t *status);
/// Normalizes `length` units at `source` into `destination` (room for `capacity` units);
/// returns the length of the result, which may exceed `capacity` (then `*status` is
/// CICU_BUFFER_OVERFLOW_ERROR).
int32_t cicu_normalize(const CICUNormalizer *normalizer, const uint16_t *source, int32_t length,
                       uint16_t *destination, int32_t capacity, int32_t *status);

// MARK: Transforms

/// An ICU transform (`UTransliterator`).
typedef struct CICUTransform CICUTransform;

/// Opens the forward transform with the UTF-16 id `id` (e.g. "Han-Latin").
CICUTransform *cicu_transform_open(const uint16_t *id, int32_t id_length, int32_t *status);
void cicu_transform_close(CICUTransform *transform);
/// Transforms `text` in place. `*length` is the used length on input and output;
/// `capacity` is the buffer size.
void cicu_transform_apply(const CICUTransform *transform, uint16_t *text, int32_t *length,
                          int32_t capacity, int32_t *status);

// MARK: Character sets of legacy encodings

/// A frozen set of code points (`USet`).
typedef struct CICUCharacterSet CICUCharacterSet;

/// The set of code points that round-trip through the named converter (e.g. "GB2312"),
/// or NULL with `*status` set. Close with cicu_set_close.
CICUCharacterSet *cicu_roundtrip_set(const char *converter_name, int32_t *status);
/// 1 when `set` contains the code point `c`, else 0.
int cicu_set_contains(const CICUCharacterSet *set, int32_t c);
void cicu_set_close(CICUCharacterSet *set);

#endif
