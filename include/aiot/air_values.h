/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Air-interface values of the A-IoT reader (R2D/D2R MAC PDUs, CRC, access).
 *
 * This is the one header for every air-interface value. Each value says where
 * it comes from:
 *
 *   AGREED   a RAN1/RAN2 agreement (meeting notes); the clause it will land in
 *            is given.
 *   NR       copied from NR (TS 38.212): A-IoT has not published its own.
 *   PROJECT  project value, pending TS 38.391 / TS 38.291: the bit-exact A-IoT
 *            MAC and PHY specifications were not public when this was written.
 *
 * Everything above the codec follows a change of one value here without any
 * other edit; Documentation/air-interface.rst carries the same table.
 */
#ifndef _AIOT_AIR_VALUES_H
#define _AIOT_AIR_VALUES_H

#include <linux/bits.h>

/* ---- CRC ---------------------------------------------------------------- */

/* AGREED (RAN1, TS 38.291): CRC-6 for <= 24 information bits, CRC-16 above. */
#define AIOT_CRC6_MAX_INFO_BITS		24

/* NR (TS 38.212 5.1 gCRC6(D) = D^6 + D^5 + 1); PROJECT for A-IoT. */
#define AIOT_CRC6_POLY			0x21	/* without the D^6 term */
#define AIOT_CRC6_BITS			6
/* PROJECT: register preset to all ones, so leading zeros are protected. */
#define AIOT_CRC6_INIT			0x3f

/* NR (TS 38.212 5.1 gCRC16(D) = D^16 + D^12 + D^5 + 1); PROJECT for A-IoT. */
#define AIOT_CRC16_POLY			0x1021	/* without the D^16 term */
#define AIOT_CRC16_BITS			16
/* PROJECT: preset to all ones (as ISO/IEC 18000-63), no final inversion. */
#define AIOT_CRC16_INIT			0xffff

/* ---- Frame -------------------------------------------------------------- */

/*
 * PROJECT: the longest frame (information + CRC bits) either side accepts.
 * TR 38.848 gives about 1000 bits as the largest message a device sends or
 * receives; the longest PDU of this message set is a paging with a 128-bit
 * identity and a 125-octet NAS container (1179 bits).
 */
#define AIOT_FRAME_MAX_BITS		1280

/* ---- Message type (first field of every MAC PDU) ------------------------ */

/* PROJECT: 4-bit message type; the direction is known from the channel. */
#define AIOT_MT_BITS			4
/* PROJECT: R2D (PRDCH) message type code points. 0 and 7..15 reserved. */
#define AIOT_MT_R2D_PAGING		0x1
#define AIOT_MT_R2D_TRIGGER		0x2
#define AIOT_MT_R2D_MSG2		0x3
#define AIOT_MT_R2D_NACK		0x4
#define AIOT_MT_R2D_DATA		0x5
#define AIOT_MT_R2D_ACK			0x6
/* PROJECT: D2R (PDRCH) message type code points. 0 and 5..15 reserved. */
#define AIOT_MT_D2R_MSG1		0x1
#define AIOT_MT_D2R_MSG3		0x2
#define AIOT_MT_D2R_DATA		0x3
#define AIOT_MT_D2R_NO_NAS_RSP		0x4

/* ---- Field widths -------------------------------------------------------- */

/* PROPOSAL R2-2503344 (RN16 in Msg1, echoed in Msg2 and NACK); PROJECT. */
#define AIOT_RN16_BITS			16
/* PROJECT: short AS ID assigned in Msg2 (or in CFRA paging). */
#define AIOT_AS_ID_BITS			8
/* PROJECT: paging transaction ID, incremented per service request, mod 2^8. */
#define AIOT_TXN_BITS			8
/* PROJECT: CBRA/CFRA indication in paging (PROPOSAL R2-2503343). */
#define AIOT_RA_TYPE_BITS		1
/* PROJECT: identification type in paging (permanent / T-ID / concealed T-ID /
 * filtering information, after US20260032713A1), 0 = no identification.
 */
#define AIOT_ID_TYPE_BITS		3
/* PROJECT: identity / filter length field, bits; valid 1..AIOT_ID_MAX_BITS. */
#define AIOT_ID_LEN_BITS		8
#define AIOT_ID_MAX_BITS		128
/* PROJECT: paging content: none, RAND_n, or NAS container. */
#define AIOT_CONT_TYPE_BITS		2
/* PROJECT: content length field, in octets. */
#define AIOT_CONT_LEN_BITS		7
/* PROJECT: longest RAND_n carried in paging, octets (TS 33.369 not public). */
#define AIOT_RAND_MAX_OCTETS		32
/* PROJECT: longest NAS container in paging, octets (~1000 bits, TR 38.848). */
#define AIOT_NAS_CONT_MAX_OCTETS	125

/*
 * PROJECT: access parameters, the "Q-like value" of PROPOSAL R2-2503343.
 * A 1-bit format selects a frame-size exponent Q (frame = 2^Q slots, as EPC
 * Gen2 but up to 2^20 instead of 2^15) or an explicit frame size (1..2^20).
 */
#define AIOT_FS_FMT_BITS		1
#define AIOT_FS_Q_BITS			5
#define AIOT_FS_Q_MAX			20	/* 21..31 reserved */
#define AIOT_FS_SLOTS_BITS		20	/* coded as slots - 1 */
#define AIOT_FS_SLOTS_MAX		BIT(AIOT_FS_SLOTS_BITS)

/* PROJECT: R2D trigger command field. */
#define AIOT_TRIG_CMD_BITS		2

/*
 * PROJECT: upper-layer data transfer (PROPOSAL R2-2503345): more-data
 * indication, segment offset in bits (bit-granular segmentation) and segment
 * length in bits. The headers are padded with reserved bits to 40 (data) and
 * 24 (Msg3) bits so that the segment starts on an octet boundary.
 */
#define AIOT_SEG_OFFSET_BITS		11
#define AIOT_SEG_LEN_BITS		10
#define AIOT_SEG_MAX_BITS		1000	/* one segment */
#define AIOT_SDU_MAX_BITS		2000	/* offset + length of a segment */

/* PROJECT: "no NAS response expected" cause (seed R2-25xxxxx, RAN2#131bis). */
#define AIOT_NNR_CAUSE_BITS		2
#define AIOT_NNR_CAUSE_INTEGRITY	0	/* integrity check failure */
#define AIOT_NNR_CAUSE_UNKNOWN_MSG	1	/* unknown or unforeseen message */

/* ---- Access (anti-collision) --------------------------------------------- */

/* PROJECT (Gen2 default Q = 4): first frame, population unknown. */
#define AIOT_AC_INIT_SLOTS		16

/*
 * PROJECT: data rates used for air-time figures only (never for protocol
 * logic). R2D: OOK-4 with M = 2 chips/OFDM symbol, Manchester, 15 kHz SCS
 * (AGREED M in {2, 6, 12, 24}; the rate itself is a derivation). D2R: not
 * down-selected in RAN1; 10 kbit/s assumed.
 */
#define AIOT_R2D_BPS			14000
#define AIOT_D2R_BPS			10000

/* ---- Reader timing ------------------------------------------------------ */

/*
 * PROJECT, pending TS 38.291 (TR2D_min/max and TD2R_min/max are named in
 * R1-2501709 but have no published values): the turnaround between the end
 * of an R2D frame and the start of the device's D2R answer, added to every
 * D2R window, and the length of a window in which no answer is expected.
 */
#define AIOT_T_TURNAROUND_US		100
#define AIOT_T_SILENT_WINDOW_US		AIOT_T_TURNAROUND_US

/*
 * PROJECT: transmissions of a command's NAS PDU while the device stays
 * silent, unless the request says otherwise (seed 000 leaves N open).
 */
#define AIOT_CMD_ATTEMPTS		3

/* PROJECT: Msg2 sent for one Msg1 before the device is NACKed. */
#define AIOT_MSG3_ATTEMPTS		2

/*
 * PROJECT: size of the confirmation frame a reader sends when the
 * anti-collision algorithm calls a population read but the last frame still
 * read devices (a lost Msg1 looks like an empty slot).
 */
#define AIOT_AC_CONFIRM_SLOTS		1

#endif /* _AIOT_AIR_VALUES_H */
