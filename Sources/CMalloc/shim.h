#ifndef BROADSHEET_CMALLOC_SHIM_H
#define BROADSHEET_CMALLOC_SHIM_H
// glibc's allocator settings (mallopt), which the Glibc module does not include.
#if defined(__linux__)
#include <malloc.h>
#endif
#endif
