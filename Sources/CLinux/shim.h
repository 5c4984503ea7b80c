#ifndef BROADSHEET_CLINUX_SHIM_H
#define BROADSHEET_CLINUX_SHIM_H
// The few Linux and glibc calls the Glibc module does not include.
#if defined(__linux__)
#include <malloc.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

// renameat2(2) with RENAME_EXCHANGE (1 << 1): swaps two paths in one step, so that a reader sees
// either the one or the other, never neither. Through syscall(2): glibc declares renameat2 only
// with _GNU_SOURCE. Returns 0, or -1 with errno set (EINVAL or ENOSYS where unsupported).
static inline int broadsheet_exchange(const char *from, const char *to) {
#ifdef SYS_renameat2
    return (int)syscall(SYS_renameat2, AT_FDCWD, from, AT_FDCWD, to, 1 << 1);
#else
    errno = ENOSYS;
    return -1;
#endif
}
#endif
#endif
