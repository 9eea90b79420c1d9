/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * A-IoT security values: the one place for every number the security code
 * uses, shared by the kernel (kernel/sec.c) and userspace (the OpenSSL twin
 * in libaiot, aiotctl, the AIOTF simulator).
 *
 * Two kinds of value live here:
 *
 *  - Published values: 128-NEA2/128-NIA2 (TS 33.401 Annex B, TS 33.501
 *    Annex D) and the generic KDF (TS 33.220 Annex B.2.2).
 *
 *  - Project values, pending TS 33.369 Annex A: the A-IoT key derivations
 *    (RES_AIOT in A.2, K_AIOTF in A.3, K_Command_enc/int in A.4), the RAND
 *    and RES lengths and the NAS inputs of the command procedure are not in
 *    any public text.  Each such value is marked "project value, pending
 *    TS 33.369 Annex A" and follows the TS 33.501 Annex A pattern where one
 *    fits.  When the specification is read, these lines change and nothing
 *    else does.  Documentation/security.rst has the table and the reasons.
 *
 * Only preprocessor constants: the file is valid C for the kernel and for
 * userspace alike and needs no other header.
 */
#ifndef _AIOT_SEC_VALUES_H
#define _AIOT_SEC_VALUES_H

/* ---- Published: 128-NEA2 / 128-NIA2 (TS 33.401 B.1.3, B.2.3) ---- */

/* KEY length of 128-NEA2 and 128-NIA2, octets */
#define AIOT_SEC_KEY_LEN		16
/* MAC-I of 128-NIA2: the 32 most significant bits of the CMAC output */
#define AIOT_SEC_NIA2_MAC_LEN		4
/* COUNT | BEARER | DIRECTION | 0^26: the 64-bit header of both algorithms */
#define AIOT_SEC_NAS_HDR_LEN		8
/* BEARER is 5 bits, DIRECTION 1 bit */
#define AIOT_SEC_BEARER_MAX		0x1f
#define AIOT_SEC_DIR_UPLINK		0
#define AIOT_SEC_DIR_DOWNLINK		1
/* Algorithm identities, 4-bit values used as one octet (TS 33.501 5.11.1) */
#define AIOT_SEC_ALG_ID_NEA2		0x02
#define AIOT_SEC_ALG_ID_NIA2		0x02
/*
 * Longest message the primitives accept, octets: the 16-bit length of a
 * NAS message container.  A-IoT messages are about 1000 bits (TR 38.848).
 */
#define AIOT_SEC_MSG_MAX_LEN		65535

/* ---- Published: the generic KDF (TS 33.220 B.2.2) ---- */

/*
 * derived key = HMAC-SHA-256(KEY, S), S = FC | P0 | L0 | ... | Pn | Ln,
 * Li = length of Pi in octets, two octets, big endian.
 */
#define AIOT_KDF_OUT_LEN		32
/* 128-bit keys are the 128 least significant bits: octets 16..31 */
#define AIOT_KDF_KEY128_OFFSET		16

/* ---- Project values, pending TS 33.369 Annex A ---- */

/* K_AIoT_root, the device's long-term key (held by the device and the ADM) */
#define AIOT_K_ROOT_LEN			16	/* project value, pending TS 33.369 Annex A */
/* RAND_AIOT_n, from the ADM, carried in the paging message */
#define AIOT_RAND_N_LEN			8	/* project value, pending TS 33.369 Annex A */
/* RAND_AIOT_d, from the device, carried beside RES_AIOT */
#define AIOT_RAND_D_LEN			8	/* project value, pending TS 33.369 Annex A */
/* RES_AIOT / XRES_AIOT */
#define AIOT_RES_LEN			8	/* project value, pending TS 33.369 Annex A */
/* K_AIOTF: the whole KDF output, as K_AUSF / K_AMF in TS 33.501 */
#define AIOT_K_AIOTF_LEN		32	/* project value, pending TS 33.369 Annex A */

/*
 * RES_AIOT (A.2), after TS 33.501 A.4 (RES*): KEY = K_AIoT_root,
 * S = FC | RAND_AIOT_n | L0 | RAND_AIOT_d | L1, RES_AIOT = the AIOT_RES_LEN
 * least significant octets of the output.
 */
#define AIOT_FC_RES_AIOT		0xa0	/* project value, pending TS 33.369 Annex A */
#define AIOT_RES_OFFSET			(AIOT_KDF_OUT_LEN - AIOT_RES_LEN)

/*
 * K_AIOTF (A.3), after TS 33.501 A.2 (K_AUSF): KEY = K_AIoT_root,
 * S = FC | RAND_AIOT_n | L0 | RAND_AIOT_d | L1, K_AIOTF = the whole output.
 */
#define AIOT_FC_K_AIOTF			0xa1	/* project value, pending TS 33.369 Annex A */

/*
 * K_Command_enc / K_Command_int (A.4), the TS 33.501 A.8 pattern: KEY =
 * K_AIOTF, S = FC | algorithm type distinguisher | 0x00 0x01 | algorithm
 * identity | 0x00 0x01, key = octets 16..31 of the output.  The
 * distinguishers mirror N-NAS-enc-alg / N-NAS-int-alg under an A-IoT FC.
 */
#define AIOT_FC_K_COMMAND		0xa2	/* project value, pending TS 33.369 Annex A */
#define AIOT_ALG_TYPE_CMD_ENC		0x01	/* project value, pending TS 33.369 Annex A */
#define AIOT_ALG_TYPE_CMD_INT		0x02	/* project value, pending TS 33.369 Annex A */

/*
 * NAS inputs of 128-NEA2/128-NIA2 for the AIoT NAS Command Request and
 * Response.  K_AIOTF is fresh for every command round and there is one
 * round per inventory (draft TS 33.369 5.3.2, NOTE 2), so COUNT is a
 * constant; the two directions are told apart by DIRECTION, as in NAS.
 */
#define AIOT_NAS_COUNT			0	/* project value, pending TS 33.369 Annex A */
#define AIOT_NAS_BEARER			0	/* project value, pending TS 33.369 Annex A */
/* R2D (AIOTF to device): downlink, project value, pending TS 33.369 Annex A */
#define AIOT_NAS_DIR_R2D		AIOT_SEC_DIR_DOWNLINK
/* D2R (device to AIOTF): uplink, project value, pending TS 33.369 Annex A */
#define AIOT_NAS_DIR_D2R		AIOT_SEC_DIR_UPLINK
/*
 * MAC carried in a protected AIoT NAS message: the full 32-bit MAC-I,
 * project value, pending TS 33.369 Annex A
 */
#define AIOT_NAS_MAC_LEN		AIOT_SEC_NIA2_MAC_LEN

#endif /* _AIOT_SEC_VALUES_H */
