/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace shim: the kernel's inlining, unused and branch annotations. */
#ifndef _AIOT_SHIM_COMPILER_H
#define _AIOT_SHIM_COMPILER_H

#ifndef __always_inline
#define __always_inline	inline __attribute__((__always_inline__))
#endif
#define __maybe_unused	__attribute__((__unused__))
#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)

#endif
