/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace shim: symbol exports and build-time checks. */
#ifndef _AIOT_SHIM_EXPORT_H
#define _AIOT_SHIM_EXPORT_H

#define EXPORT_SYMBOL_GPL(sym)
#define EXPORT_SYMBOL(sym)

#endif
