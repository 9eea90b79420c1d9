/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace shim: the kernel's BIT(). */
#ifndef _AIOT_SHIM_BITS_H
#define _AIOT_SHIM_BITS_H

#define BIT(nr)		(1UL << (nr))

#endif
