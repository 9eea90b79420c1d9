/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace shim: BUILD_BUG_ON() as a C11 static assertion. */
#ifndef _AIOT_SHIM_BUILD_BUG_H
#define _AIOT_SHIM_BUILD_BUG_H

#define BUILD_BUG_ON(cond) _Static_assert(!(cond), "BUILD_BUG_ON(" #cond ")")

#endif
