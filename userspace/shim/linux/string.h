/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace shim: the kernel's <linux/string.h> is the C library's here. */
#ifndef _AIOT_SHIM_STRING_H
#define _AIOT_SHIM_STRING_H

#include <string.h>

#endif
