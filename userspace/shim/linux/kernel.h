/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace shim: ARRAY_SIZE() and snprintf() from the kernel's <linux/kernel.h>. */
#ifndef _AIOT_SHIM_KERNEL_H
#define _AIOT_SHIM_KERNEL_H

#include <stdio.h>

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

#endif
