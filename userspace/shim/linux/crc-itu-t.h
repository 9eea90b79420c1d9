/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace shim: the kernel's <linux/crc-itu-t.h> interface.
 */
#ifndef _AIOT_SHIM_CRC_ITU_T_H
#define _AIOT_SHIM_CRC_ITU_T_H

#include <linux/types.h>

extern const u16 crc_itu_t_table[256];

u16 crc_itu_t(u16 crc, const u8 *buffer, size_t len);

static inline u16 crc_itu_t_byte(u16 crc, const u8 data)
{
	return (crc << 8) ^ crc_itu_t_table[((crc >> 8) ^ data) & 0xff];
}

#endif
