#ifndef BUNDEL_ZLIB_SHIM_H
#define BUNDEL_ZLIB_SHIM_H
#include <zlib.h>
#endif
