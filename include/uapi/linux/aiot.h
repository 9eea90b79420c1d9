/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * aiot: generic netlink interface of the Ambient IoT (3GPP Rel-19 A-IoT)
 * reader subsystem.
 *
 * Documentation/netlink/specs/aiot.yaml describes exactly this header.
 */
#ifndef _UAPI_LINUX_AIOT_H
#define _UAPI_LINUX_AIOT_H

#define AIOT_GENL_NAME		"aiot"
#define AIOT_GENL_VERSION	1

/* Multicast groups, split by consumer. */
#define AIOT_MCGRP_CONFIG	"config"	/* readers added and removed */
#define AIOT_MCGRP_INVENTORY	"inventory"	/* inventory reports and ends */
#define AIOT_MCGRP_COMMAND	"command"	/* command results */

/**
 * enum aiot_cmd - commands and events of the aiot family
 * @AIOT_CMD_UNSPEC: unused
 * @AIOT_CMD_GET_INFO: subsystem information (module version, API version)
 * @AIOT_CMD_GET_READER: one reader (%AIOT_ATTR_READER_INDEX), or a dump of
 *	every reader; the reply carries the reader attributes below
 * @AIOT_CMD_SET_READER: set radio parameters of reader
 *	%AIOT_ATTR_READER_INDEX: any of %AIOT_ATTR_TX_POWER, %AIOT_ATTR_PORT,
 *	%AIOT_ATTR_R2D_RATE, %AIOT_ATTR_D2R_RATE (admin)
 * @AIOT_CMD_NEW_READER: event on "config": a reader was registered
 * @AIOT_CMD_DEL_READER: event on "config": a reader was unregistered
 */
enum aiot_cmd {
	AIOT_CMD_UNSPEC,
	AIOT_CMD_GET_INFO,
	AIOT_CMD_GET_READER,
	AIOT_CMD_SET_READER,
	AIOT_CMD_NEW_READER,
	AIOT_CMD_DEL_READER,

	/* add new commands above here */
	__AIOT_CMD_MAX,
	AIOT_CMD_MAX = __AIOT_CMD_MAX - 1
};

/* Reader capabilities (%AIOT_ATTR_READER_CAPS). */
#define AIOT_READER_CAP_HW_CRC		(1U << 0)	/* CRC in the front end */
#define AIOT_READER_CAP_HW_CRYPTO	(1U << 1)	/* AES in the front end */
#define AIOT_READER_CAP_HW_SLOTTING	(1U << 2)	/* slotting in the front end */

/**
 * enum aiot_attr - attributes of the aiot family
 * @AIOT_ATTR_UNSPEC: unused
 * @AIOT_ATTR_PAD: padding for 64-bit attributes
 * @AIOT_ATTR_VERSION: module version (NUL-terminated string)
 * @AIOT_ATTR_API_VERSION: netlink API version (u32), AIOT_GENL_VERSION
 * @AIOT_ATTR_READER_INDEX: reader index (u32), N of "aiotN"
 * @AIOT_ATTR_READER_NAME: reader name (string, "aiotN")
 * @AIOT_ATTR_READER_PARENT: name of the reader's parent device (string)
 * @AIOT_ATTR_READER_CAPS: %AIOT_READER_CAP_* bits (u32)
 * @AIOT_ATTR_TX_POWER: R2D transmit power (s32, mBm = 1/100 dBm)
 * @AIOT_ATTR_PORT: antenna port (u8)
 * @AIOT_ATTR_R2D_RATE: R2D data rate (u32, bit/s)
 * @AIOT_ATTR_D2R_RATE: D2R data rate (u32, bit/s)
 * @AIOT_ATTR_TX_POWER_MIN: lowest transmit power the reader supports (s32)
 * @AIOT_ATTR_TX_POWER_MAX: highest transmit power (s32)
 * @AIOT_ATTR_N_PORTS: number of antenna ports (u8)
 * @AIOT_ATTR_RATE_MIN: lowest data rate (u32, bit/s)
 * @AIOT_ATTR_RATE_MAX: highest data rate (u32, bit/s)
 * @AIOT_ATTR_READER_STATS: counters (nested, &enum aiot_stats_attr)
 */
enum aiot_attr {
	AIOT_ATTR_UNSPEC,
	AIOT_ATTR_PAD,
	AIOT_ATTR_VERSION,
	AIOT_ATTR_API_VERSION,
	AIOT_ATTR_READER_INDEX,
	AIOT_ATTR_READER_NAME,
	AIOT_ATTR_READER_PARENT,
	AIOT_ATTR_READER_CAPS,
	AIOT_ATTR_TX_POWER,
	AIOT_ATTR_PORT,
	AIOT_ATTR_R2D_RATE,
	AIOT_ATTR_D2R_RATE,
	AIOT_ATTR_TX_POWER_MIN,
	AIOT_ATTR_TX_POWER_MAX,
	AIOT_ATTR_N_PORTS,
	AIOT_ATTR_RATE_MIN,
	AIOT_ATTR_RATE_MAX,
	AIOT_ATTR_READER_STATS,

	/* add new attributes above here */
	__AIOT_ATTR_MAX,
	AIOT_ATTR_MAX = __AIOT_ATTR_MAX - 1
};

/**
 * enum aiot_stats_attr - reader counters (all u64)
 * @AIOT_STATS_UNSPEC: unused
 * @AIOT_STATS_PAD: padding
 * @AIOT_STATS_TX_FRAMES: R2D frames transmitted
 * @AIOT_STATS_TX_ERRORS: R2D frames the front end refused
 * @AIOT_STATS_RX_FRAMES: D2R frames received
 * @AIOT_STATS_RX_EMPTY: D2R windows without energy
 * @AIOT_STATS_RX_COLLISIONS: D2R windows with energy but no frame
 * @AIOT_STATS_RX_CRC_ERRORS: D2R frames with a bad CRC
 * @AIOT_STATS_TIMEOUTS: exchanges the front end never reported
 * @AIOT_STATS_LATE_RX: reports that came after their exchange timed out
 */
enum aiot_stats_attr {
	AIOT_STATS_UNSPEC,
	AIOT_STATS_PAD,
	AIOT_STATS_TX_FRAMES,
	AIOT_STATS_TX_ERRORS,
	AIOT_STATS_RX_FRAMES,
	AIOT_STATS_RX_EMPTY,
	AIOT_STATS_RX_COLLISIONS,
	AIOT_STATS_RX_CRC_ERRORS,
	AIOT_STATS_TIMEOUTS,
	AIOT_STATS_LATE_RX,

	__AIOT_STATS_MAX,
	AIOT_STATS_MAX = __AIOT_STATS_MAX - 1
};

#endif /* _UAPI_LINUX_AIOT_H */
