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
 * @AIOT_CMD_INVENTORY_START: start an inventory on reader
 *	%AIOT_ATTR_READER_INDEX (queued behind the reader's current one);
 *	the reply carries %AIOT_ATTR_JOB_ID (admin)
 * @AIOT_CMD_INVENTORY_STOP: stop job %AIOT_ATTR_JOB_ID, or every job of
 *	reader %AIOT_ATTR_READER_INDEX (admin)
 * @AIOT_CMD_GET_DEVICE: dump the device table of the reader's current
 *	(or last) job: %AIOT_ATTR_DEVICE entries; NLM_F_DUMP_INTR when the
 *	table changed during the dump
 * @AIOT_CMD_INVENTORY_REPORT: event on "inventory": a batch of devices
 *	read (%AIOT_ATTR_DEVICE, with their NAS PDUs)
 * @AIOT_CMD_INVENTORY_DONE: event on "inventory": a job ended
 *	(%AIOT_ATTR_INV_END, %AIOT_ATTR_INV_STATS)
 * @AIOT_CMD_COMMAND_SEND: relay the AIoT NAS PDU %AIOT_ATTR_NAS to the
 *	device %AIOT_ATTR_TARGET (queued like an inventory); the reply
 *	carries %AIOT_ATTR_JOB_ID, the result comes as an event (admin). When
 *	a security context is installed for the device, %AIOT_ATTR_NAS is a
 *	plain AIoT NAS request that the kernel protects, and it verifies and
 *	deciphers the response (offload mode; the context is used up)
 * @AIOT_CMD_SEC_CTX_SET: install the security context of one device on
 *	reader %AIOT_ATTR_READER_INDEX (offload mode): its identity
 *	(%AIOT_ATTR_TARGET_TYPE, %AIOT_ATTR_TARGET, %AIOT_ATTR_TARGET_BITS),
 *	%AIOT_ATTR_K_AIOTF or both %AIOT_ATTR_K_ENC and %AIOT_ATTR_K_INT, and
 *	%AIOT_ATTR_CIPHER. Write-only: no command returns a key. It serves one
 *	command, replaces an earlier context of the device, and is freed when
 *	the installing socket closes.
 * @AIOT_CMD_SEC_CTX_DEL: free the context of one device (its identity)
 * @AIOT_CMD_GET_STATS: counters of one reader (%AIOT_ATTR_READER_INDEX)
 *	or a dump of all, and the crypto drivers the security engine uses
 * @AIOT_CMD_COMMAND_RESULT: event on "command": %AIOT_ATTR_CMD_OUTCOME,
 *	the cause of an AS indication, the attempts made, the NAS response
 */
enum aiot_cmd {
	AIOT_CMD_UNSPEC,
	AIOT_CMD_GET_INFO,
	AIOT_CMD_GET_READER,
	AIOT_CMD_SET_READER,
	AIOT_CMD_NEW_READER,
	AIOT_CMD_DEL_READER,
	AIOT_CMD_INVENTORY_START,
	AIOT_CMD_INVENTORY_STOP,
	AIOT_CMD_GET_DEVICE,
	AIOT_CMD_INVENTORY_REPORT,
	AIOT_CMD_INVENTORY_DONE,
	AIOT_CMD_COMMAND_SEND,
	AIOT_CMD_COMMAND_RESULT,
	AIOT_CMD_SEC_CTX_SET,
	AIOT_CMD_SEC_CTX_DEL,
	AIOT_CMD_GET_STATS,

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
 * @AIOT_ATTR_JOB_ID: inventory job id (u32)
 * @AIOT_ATTR_TARGET_TYPE: whom the paging targets (u8, &enum aiot_target):
 *	every device, an identity, or filtering information
 * @AIOT_ATTR_TARGET: the identity or filter (binary, MSB first)
 * @AIOT_ATTR_TARGET_BITS: its length in bits (u16, 1..128)
 * @AIOT_ATTR_RAND: RAND_n for device authentication (binary, 1..32 octets);
 *	in %AIOT_CMD_COMMAND_SEND, a RAND the contention-free paging carries
 *	(solution-9's network nonce, Documentation/security-profiles.rst)
 * @AIOT_ATTR_TXN: transaction id (u8)
 * @AIOT_ATTR_ALGO: anti-collision algorithm (u8, &enum aiot_algo)
 * @AIOT_ATTR_INIT_SLOTS: first frame size (u32, 1..2^20)
 * @AIOT_ATTR_MAX_DEVICES: stop after this many devices (u32)
 * @AIOT_ATTR_MAX_TIME_MS: stop after this long (u32, ms)
 * @AIOT_ATTR_MAX_EMPTY_ROUNDS: stop after this many frames in a row that
 *	read nobody (u32)
 * @AIOT_ATTR_REPORT_BATCH: devices per report event (u32, 1..256)
 * @AIOT_ATTR_REPORT_MS: longest a read device waits for its report (u32)
 * @AIOT_ATTR_DEVICE: one device (nested, &enum aiot_dev_attr)
 * @AIOT_ATTR_INV_END: why a job ended (u8, &enum aiot_inv_end_cause)
 * @AIOT_ATTR_INV_STATS: job counters (nested, &enum aiot_inv_stats_attr)
 * @AIOT_ATTR_AS_ID: AS ID a command's paging assigns (u8)
 * @AIOT_ATTR_NAS: an AIoT NAS PDU (binary, 1..250 octets); in
 *	%AIOT_CMD_INVENTORY_START, a NAS container of at most 125 octets that
 *	the paging carries instead of %AIOT_ATTR_RAND (solution-y's paging
 *	request)
 * @AIOT_ATTR_NAS_BITS: its length in bits (u16, 1..2000)
 * @AIOT_ATTR_ATTEMPTS: transmissions of a command while the device stays
 *	silent (u8, 1..16)
 * @AIOT_ATTR_CMD_OUTCOME: what a command got (u8, &enum aiot_cmd_outcome)
 * @AIOT_ATTR_CMD_CAUSE: cause of an AS indication (u8,
 *	&enum aiot_nnr_cause_uapi); absent when the device gave none
 * @AIOT_ATTR_CMD_ERROR: why a command failed (s32, negative errno)
 * @AIOT_ATTR_K_AIOTF: K_AIOTF of a device's session (binary, 32 octets);
 *	the kernel derives K_Command_enc and K_Command_int from it
 * @AIOT_ATTR_K_ENC: K_Command_enc (binary, 16 octets)
 * @AIOT_ATTR_K_INT: K_Command_int (binary, 16 octets)
 * @AIOT_ATTR_CIPHER: cipher commands with 128-NEA2 (u8, 0 or 1; default 1)
 *	rather than only integrity protect them
 * @AIOT_ATTR_CMD_SEC: what offload mode made of a response (u8,
 *	&enum aiot_cmd_sec_result); present when the command was offloaded
 * @AIOT_ATTR_SEC_DRIVER_CMAC: crypto driver behind 128-NIA2 (string)
 * @AIOT_ATTR_SEC_DRIVER_CTR: crypto driver behind 128-NEA2 (string)
 * @AIOT_ATTR_SEC_DRIVER_HMAC: crypto driver behind the KDF (string)
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
	AIOT_ATTR_JOB_ID,
	AIOT_ATTR_TARGET_TYPE,
	AIOT_ATTR_TARGET,
	AIOT_ATTR_TARGET_BITS,
	AIOT_ATTR_RAND,
	AIOT_ATTR_TXN,
	AIOT_ATTR_ALGO,
	AIOT_ATTR_INIT_SLOTS,
	AIOT_ATTR_MAX_DEVICES,
	AIOT_ATTR_MAX_TIME_MS,
	AIOT_ATTR_MAX_EMPTY_ROUNDS,
	AIOT_ATTR_REPORT_BATCH,
	AIOT_ATTR_REPORT_MS,
	AIOT_ATTR_DEVICE,
	AIOT_ATTR_INV_END,
	AIOT_ATTR_INV_STATS,
	AIOT_ATTR_AS_ID,
	AIOT_ATTR_NAS,
	AIOT_ATTR_NAS_BITS,
	AIOT_ATTR_ATTEMPTS,
	AIOT_ATTR_CMD_OUTCOME,
	AIOT_ATTR_CMD_CAUSE,
	AIOT_ATTR_CMD_ERROR,
	AIOT_ATTR_K_AIOTF,
	AIOT_ATTR_K_ENC,
	AIOT_ATTR_K_INT,
	AIOT_ATTR_CIPHER,
	AIOT_ATTR_CMD_SEC,
	AIOT_ATTR_SEC_DRIVER_CMAC,
	AIOT_ATTR_SEC_DRIVER_CTR,
	AIOT_ATTR_SEC_DRIVER_HMAC,

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
 * @AIOT_STATS_JOBS: inventory jobs run
 * @AIOT_STATS_DEVICES: devices read by inventories
 * @AIOT_STATS_COMMANDS: commands carried out
 * @AIOT_STATS_CMD_RETX: command retransmissions to silent devices
 * @AIOT_STATS_CMD_NAS_RSP: commands answered with a NAS response
 * @AIOT_STATS_CMD_AS_IND: commands answered with an AS indication
 * @AIOT_STATS_CMD_NO_RSP: commands that got no D2R at all
 * @AIOT_STATS_SEC_CONTEXTS: security contexts installed now
 * @AIOT_STATS_SEC_PROTECTED: requests protected in offload mode
 * @AIOT_STATS_SEC_VERIFIED: responses verified in offload mode
 * @AIOT_STATS_SEC_FAILED: responses that failed verification or were
 *	malformed in offload mode
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
	AIOT_STATS_JOBS,
	AIOT_STATS_DEVICES,
	AIOT_STATS_COMMANDS,
	AIOT_STATS_CMD_RETX,
	AIOT_STATS_CMD_NAS_RSP,
	AIOT_STATS_CMD_AS_IND,
	AIOT_STATS_CMD_NO_RSP,
	AIOT_STATS_SEC_CONTEXTS,
	AIOT_STATS_SEC_PROTECTED,
	AIOT_STATS_SEC_VERIFIED,
	AIOT_STATS_SEC_FAILED,

	__AIOT_STATS_MAX,
	AIOT_STATS_MAX = __AIOT_STATS_MAX - 1
};

/**
 * enum aiot_target - whom an inventory pages
 * @AIOT_TARGET_ALL: every device in the area
 * @AIOT_TARGET_PERMANENT_ID: one permanent identity
 * @AIOT_TARGET_TEMPORARY_ID: one temporary identity (T-ID)
 * @AIOT_TARGET_CONCEALED_ID: one concealed T-ID
 * @AIOT_TARGET_FILTER: devices matching filtering information
 */
enum aiot_target {
	AIOT_TARGET_ALL,
	AIOT_TARGET_PERMANENT_ID,
	AIOT_TARGET_TEMPORARY_ID,
	AIOT_TARGET_CONCEALED_ID,
	AIOT_TARGET_FILTER,
};

/**
 * enum aiot_algo - anti-collision algorithms
 * @AIOT_ALGO_Q: the EPC Gen2 Q-algorithm
 * @AIOT_ALGO_SCHOUTE: Schoute's backlog estimate, per frame
 * @AIOT_ALGO_ML: maximum-likelihood backlog estimate, per slot (default)
 */
enum aiot_algo {
	AIOT_ALGO_Q,
	AIOT_ALGO_SCHOUTE,
	AIOT_ALGO_ML,
};

/**
 * enum aiot_inv_end_cause - why an inventory ended
 * @AIOT_INV_END_COMPLETE: a silent confirmation frame: nobody left
 * @AIOT_INV_END_DEVICES_READ: the device-count stop trigger
 * @AIOT_INV_END_TIME: the time stop trigger
 * @AIOT_INV_END_EMPTY_ROUNDS: the empty-rounds stop trigger
 * @AIOT_INV_END_STOPPED: stopped by a request or a closed socket
 * @AIOT_INV_END_READER_GONE: the reader was unplugged
 * @AIOT_INV_END_FAILED: the front end failed
 */
enum aiot_inv_end_cause {
	AIOT_INV_END_COMPLETE,
	AIOT_INV_END_DEVICES_READ,
	AIOT_INV_END_TIME,
	AIOT_INV_END_EMPTY_ROUNDS,
	AIOT_INV_END_STOPPED,
	AIOT_INV_END_READER_GONE,
	AIOT_INV_END_FAILED,
};

/**
 * enum aiot_cmd_outcome - what a command got
 * @AIOT_CMD_OUTCOME_NAS_RESPONSE: a NAS response (%AIOT_ATTR_NAS)
 * @AIOT_CMD_OUTCOME_AS_INDICATION: "no NAS response expected" from the
 *	device's AS; never retransmitted
 * @AIOT_CMD_OUTCOME_NO_RESPONSE: no D2R at all after every attempt
 * @AIOT_CMD_OUTCOME_FAILED: not carried out (%AIOT_ATTR_CMD_ERROR: the
 *	reader went away, the job was stopped, the front end failed)
 */
enum aiot_cmd_outcome {
	AIOT_CMD_OUTCOME_NAS_RESPONSE,
	AIOT_CMD_OUTCOME_AS_INDICATION,
	AIOT_CMD_OUTCOME_NO_RESPONSE,
	AIOT_CMD_OUTCOME_FAILED,
};

/**
 * enum aiot_cmd_sec_result - what offload mode made of a command's response
 * @AIOT_CMD_SEC_NONE: relayed untouched (no security context)
 * @AIOT_CMD_SEC_VERIFIED: MAC-I right; %AIOT_ATTR_NAS is the plain response
 * @AIOT_CMD_SEC_INTEGRITY_FAILURE: MAC-I wrong; %AIOT_ATTR_NAS is the
 *	response as received
 * @AIOT_CMD_SEC_MALFORMED: not a protected AIoT NAS message; %AIOT_ATTR_NAS
 *	is the response as received
 */
enum aiot_cmd_sec_result {
	AIOT_CMD_SEC_NONE,
	AIOT_CMD_SEC_VERIFIED,
	AIOT_CMD_SEC_INTEGRITY_FAILURE,
	AIOT_CMD_SEC_MALFORMED,
};

/**
 * enum aiot_nnr_cause_uapi - cause of a "no NAS response expected"
 * @AIOT_NNR_CAUSE_INTEGRITY_FAILURE: the NAS integrity check failed
 * @AIOT_NNR_CAUSE_UNKNOWN_MESSAGE: unknown or unforeseen message type
 */
enum aiot_nnr_cause_uapi {
	AIOT_NNR_CAUSE_INTEGRITY_FAILURE = 1,
	AIOT_NNR_CAUSE_UNKNOWN_MESSAGE,
};

/**
 * enum aiot_dev_attr - a device read by an inventory
 * @AIOT_DEV_UNSPEC: unused
 * @AIOT_DEV_PAD: padding
 * @AIOT_DEV_SEQ: order in which it was read in its job (u32)
 * @AIOT_DEV_AS_ID: AS ID it was given (u8)
 * @AIOT_DEV_RN16: the RN16 of its Msg1 (u16)
 * @AIOT_DEV_RSSI: RSSI of its Msg3 (s32, mBm)
 * @AIOT_DEV_PORT: antenna port (u8)
 * @AIOT_DEV_TSTAMP: reception time (u64, ns, front-end clock)
 * @AIOT_DEV_NAS_BITS: length of its AIoT NAS PDU in bits (u32)
 * @AIOT_DEV_NAS: the AIoT NAS PDU (binary; in reports only)
 */
enum aiot_dev_attr {
	AIOT_DEV_UNSPEC,
	AIOT_DEV_PAD,
	AIOT_DEV_SEQ,
	AIOT_DEV_AS_ID,
	AIOT_DEV_RN16,
	AIOT_DEV_RSSI,
	AIOT_DEV_PORT,
	AIOT_DEV_TSTAMP,
	AIOT_DEV_NAS_BITS,
	AIOT_DEV_NAS,

	__AIOT_DEV_MAX,
	AIOT_DEV_MAX = __AIOT_DEV_MAX - 1
};

/**
 * enum aiot_inv_stats_attr - counters of an inventory job (all u64)
 * @AIOT_INV_STATS_UNSPEC: unused
 * @AIOT_INV_STATS_PAD: padding
 * @AIOT_INV_STATS_DEVICES: devices read
 * @AIOT_INV_STATS_SLOTS: access slots
 * @AIOT_INV_STATS_EMPTY: empty slots
 * @AIOT_INV_STATS_COLLISIONS: collided slots
 * @AIOT_INV_STATS_FRAMES: frames after the first
 * @AIOT_INV_STATS_MSG3_LOST: devices NACKed after their Msg3 was lost
 * @AIOT_INV_STATS_R2D_FRAMES: R2D frames sent
 * @AIOT_INV_STATS_D2R_FRAMES: D2R frames received
 * @AIOT_INV_STATS_R2D_BITS: R2D bits sent
 * @AIOT_INV_STATS_D2R_BITS: D2R bits received
 * @AIOT_INV_STATS_AIR_US: modelled air time, microseconds
 */
enum aiot_inv_stats_attr {
	AIOT_INV_STATS_UNSPEC,
	AIOT_INV_STATS_PAD,
	AIOT_INV_STATS_DEVICES,
	AIOT_INV_STATS_SLOTS,
	AIOT_INV_STATS_EMPTY,
	AIOT_INV_STATS_COLLISIONS,
	AIOT_INV_STATS_FRAMES,
	AIOT_INV_STATS_MSG3_LOST,
	AIOT_INV_STATS_R2D_FRAMES,
	AIOT_INV_STATS_D2R_FRAMES,
	AIOT_INV_STATS_R2D_BITS,
	AIOT_INV_STATS_D2R_BITS,
	AIOT_INV_STATS_AIR_US,

	__AIOT_INV_STATS_MAX,
	AIOT_INV_STATS_MAX = __AIOT_INV_STATS_MAX - 1
};

#endif /* _UAPI_LINUX_AIOT_H */
