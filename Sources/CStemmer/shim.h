// Snowball stemmers from the system libstemmer (Debian: libstemmer-dev).
#ifndef TERMBRIDGE_CSTEMMER_SHIM_H
#define TERMBRIDGE_CSTEMMER_SHIM_H
#include <libstemmer.h>
#endif
