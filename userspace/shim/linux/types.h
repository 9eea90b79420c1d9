/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace shim: the few kernel types the air-interface code (kernel/frame.c,
 * kernel/anticoll.c) uses, so the same sources build unchanged outside the
 * kernel. Put userspace/shim first on the include path.
 */
#ifndef _AIOT_SHIM_TYPES_H
#define _AIOT_SHIM_TYPES_H

#include_next <linux/types.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef __u8 u8;
typedef __u16 u16;
typedef __u32 u32;
typedef __u64 u64;
typedef __s8 s8;
typedef __s16 s16;
typedef __s32 s32;
typedef __s64 s64;

#endif
