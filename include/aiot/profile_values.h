/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * A-IoT security profile values: the one place for every number of the two
 * study-phase security solutions that linux-aiot runs beside the normative
 * procedure, shared by the device side (aiot_hwsim) and the network side
 * (the AIOTF simulator).
 *
 *  - "solution-y": seed 002, TR 33.713 "Solution #Y" (a security context
 *    from the 3-step random access: nonce1, k_AIoT, protected ID with an
 *    optional counter, Nonce2, k_AIoT_ses, ARES, NRES).
 *  - "solution-9": seed 004, TR 33.713 clause 6.9 "Solution #9" (protected
 *    device ID or HMAC temporary ID, network and device nonces, keys per
 *    transmission, a security policy in the command messages).
 *
 * Neither solution was adopted as written, and neither gives a size, a key
 * derivation input, an encoding or a counter rule.  Every value below is
 * therefore a project value, pending the spec: it is marked so on its line,
 * and the comment above it gives the reason.  The published values they
 * build on (128-NEA2, 128-NIA2, the TS 33.220 KDF) and the normative
 * project values (K_AIoT_root, the command key derivation) come from
 * <aiot/sec_values.h>.  Documentation/security-profiles.rst has the
 * procedures step by step, the tables and the reasons.
 *
 * The AIoT NAS message type code points of the two profiles share the
 * message type space of <aiot/nas_values.h> and are allocated there, with
 * the codec; this header has the field sizes, the key derivations, the
 * flag and policy encodings and the configuration bits.
 *
 * Notation used below (Documentation/security-profiles.rst, Conventions):
 *   KDF(KEY, FC, P0, ...)  TS 33.220 B.2.2, Li = length of Pi, 2 octets
 *   X.int, X.enc           octets 0..15 and 16..31 of a 32-octet KDF output
 *   NEA2 / NIA2            128-NEA2 / 128-NIA2 with COUNT = 0 and the
 *                          BEARER and DIRECTION given for each use
 *   NIA2-64                the first 8 octets of the AES-CMAC that 128-NIA2
 *                          truncates to 4
 *
 * Only preprocessor constants and one enum: the file is valid C for the
 * kernel and for userspace alike.
 */
#ifndef _AIOT_PROFILE_VALUES_H
#define _AIOT_PROFILE_VALUES_H

#include <aiot/sec_values.h>

/* ---- Profiles ---------------------------------------------------------- */

/*
 * The security profile of a simulated device population.  The values are
 * those of enum aiot_hwsim_sec_profile in <linux/aiot_hwsim.h>: NORMATIVE
 * is there today; SOLUTION_Y and SOLUTION_9 are the planned
 * AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y and _SOLUTION_9, added to the uapi
 * with their implementation (static_assert()s keep the two lists equal).
 */
enum aiot_sec_profile {
	AIOT_SEC_PROFILE_NORMATIVE = 0,		/* seeds 001 and 003 */
	AIOT_SEC_PROFILE_SOLUTION_Y = 1,	/* seed 002 */
	AIOT_SEC_PROFILE_SOLUTION_9 = 2,	/* seed 004 */
};

/* ---- Common to both profiles ------------------------------------------- */

/*
 * A 32-octet KDF output X gives two 128-bit keys: X.int (octets 0..15) for
 * 128-NIA2 and AES-CMAC, X.enc (octets 16..31, where TS 33.501 A.8 takes a
 * key from) for 128-NEA2.  One HMAC-SHA-256 per key pair instead of one
 * per key: a device pays about 20 AES blocks for one derivation
 * (<aiot/hwsim_values.h>), and both halves are independent outputs of the
 * same PRF.
 */
#define AIOT_PROF_KEY_INT_OFFSET	0	/* project value, pending the spec */
#define AIOT_PROF_KEY_ENC_OFFSET	AIOT_KDF_KEY128_OFFSET /* project value, pending the spec */
#define AIOT_PROF_KEY_PAIR_LEN		AIOT_KDF_OUT_LEN

/* NIA2-64: ARES and NRES keep 8 octets of the 16-octet AES-CMAC tag */
#define AIOT_PROF_MAC64_LEN		8	/* project value, pending the spec */

/* ---- solution-y (seed 002, "Solution #Y") ------------------------------ */

/*
 * The shared secret K of step 1 is the device's K_AIoT_root (same length,
 * same aiot_hwsim key rule), so that one population seed keys every
 * profile.
 */
#define AIOT_SOLY_K_LEN			AIOT_K_ROOT_LEN	/* project value, pending the spec */

/* nonce1 (AIOTF, step 3) and Nonce2 (device, step 6): as RAND_AIOT_n/_d */
#define AIOT_SOLY_NONCE1_LEN		8	/* project value, pending the spec */
#define AIOT_SOLY_NONCE2_LEN		8	/* project value, pending the spec */

/*
 * The non-volatile counter, big endian in the protected ID.  32 bits: one
 * step per accepted paging never wraps in a device's life; a device at
 * AIOT_SOLY_COUNTER_MAX accepts no more counted pagings.
 */
#define AIOT_SOLY_COUNTER_LEN		4	/* project value, pending the spec */
#define AIOT_SOLY_COUNTER_MAX		0xffffffffU	/* project value, pending the spec */

/*
 * k_AIoT = KDF(K, FC_K_AIOT, P0 = nonce1, L0 = 0x00 0x08), 32 octets.
 * k_AIoT.enc encrypts the paging's protected ID, k_AIoT.int gives its MAC
 * and the group key identifier.
 */
#define AIOT_SOLY_FC_K_AIOT		0xa3	/* project value, pending the spec */
#define AIOT_SOLY_K_AIOT_LEN		AIOT_KDF_OUT_LEN

/*
 * k_AIoT_ses = KDF(KEY = k_AIoT (32 octets), FC_K_SES, P0 = Nonce2,
 * L0 = 0x00 0x08), 32 octets.  Its halves protect the session's own
 * messages (ARES, NRES, the protected ID); commands use K_Command_enc/int
 * derived from the whole of it exactly as from K_AIOTF (FC 0xa2, TS 33.501
 * A.8 pattern, <aiot/sec_values.h>).
 */
#define AIOT_SOLY_FC_K_SES		0xa4	/* project value, pending the spec */
#define AIOT_SOLY_K_SES_LEN		AIOT_KDF_OUT_LEN

/* ARES (step 6) and NRES (step 9): NIA2-64 under k_AIoT_ses.int */
#define AIOT_SOLY_ARES_LEN		AIOT_PROF_MAC64_LEN /* project value, pending the spec */
#define AIOT_SOLY_NRES_LEN		AIOT_PROF_MAC64_LEN /* project value, pending the spec */

/*
 * The MAC of the paging's protected ID and of the device's protected ID:
 * a full 128-NIA2 MAC-I, as a protected AIoT NAS message carries.
 */
#define AIOT_SOLY_MAC_LEN		AIOT_SEC_NIA2_MAC_LEN /* project value, pending the spec */

/*
 * Key identifier of a group paging (the seed's editor's note on step 9):
 * the first 4 octets of AES-CMAC(k_AIoT.int, header(BEARER_KID, D2R) |
 * nonce1).  New for every nonce1, so unlinkable; the AIOTF computes it for
 * every candidate device once per paging and finds a device in one lookup.
 * 32 bits: among 10^4 candidates two collide with probability about 1 %
 * per paging, and ARES tells them apart.
 */
#define AIOT_SOLY_KID_LEN		4	/* project value, pending the spec */

/*
 * The T-ID that pages a device contention-free later in its session (the
 * NRES exchange, commands): its Nonce2, already sent in clear in Msg3.
 */
#define AIOT_SOLY_TID_LEN		AIOT_SOLY_NONCE2_LEN /* project value, pending the spec */

/*
 * NAS inputs of 128-NEA2/128-NIA2 in the profile's own messages.  Every key
 * is fresh per nonce, so COUNT is constant; BEARER tells the uses of one
 * key apart (a keystream is never used twice), DIRECTION is that of
 * <aiot/sec_values.h> (R2D downlink, D2R uplink).
 */
#define AIOT_SOLY_COUNT			0	/* project value, pending the spec */
#define AIOT_SOLY_BEARER_PAGING		1	/* project value, pending the spec */
#define AIOT_SOLY_BEARER_ACCESS		2	/* project value, pending the spec */
#define AIOT_SOLY_BEARER_NRES		3	/* project value, pending the spec */
#define AIOT_SOLY_BEARER_PID		4	/* project value, pending the spec */
#define AIOT_SOLY_BEARER_KID		5	/* project value, pending the spec */

/*
 * Flags octet of the Y Paging Request: a protected ID follows (targeted
 * paging; none: group paging), the protected ID ends with the counter, a
 * MAC follows the protected ID.  Other bits spare (zero).
 */
#define AIOT_SOLY_PF_PID		0x01	/* project value, pending the spec */
#define AIOT_SOLY_PF_COUNTER		0x02	/* project value, pending the spec */
#define AIOT_SOLY_PF_MAC		0x04	/* project value, pending the spec */
#define AIOT_SOLY_PF_SPARE_MASK		0xf8

/*
 * Flags octet of the Y Access Response (Msg3): the ciphered part holds the
 * device's counter (resync) or its identity (one-way authentication); a
 * key identifier follows Nonce2 (answer to a group paging).  Other bits
 * spare (zero).
 */
#define AIOT_SOLY_AF_RESYNC		0x01	/* project value, pending the spec */
#define AIOT_SOLY_AF_PID		0x02	/* project value, pending the spec */
#define AIOT_SOLY_AF_KID		0x04	/* project value, pending the spec */
#define AIOT_SOLY_AF_SPARE_MASK		0xf8

/*
 * Configuration (step 1), the same on the device and at the AIOTF:
 *   MUTUAL      the network authenticates itself with NRES (steps 10-12)
 *               and the identity follows in step 13; without it,
 *               authentication is one-way (the device only) and the
 *               identity rides in Msg3
 *   REPLAY      the paging's protected ID carries the counter (step 3)
 *   RESYNC      on a counter mismatch the device returns its counter
 *               instead of staying silent (step 6); only with REPLAY
 *   PAGING_MAC  the paging's protected ID has a MAC: without it the
 *               counter, ciphered with AES-CTR, can be changed bit by bit;
 *               only with REPLAY
 *   CMD_INT     commands are integrity protected (128-NIA2; off: NULL)
 *   CMD_CIPHER  commands are ciphered (128-NEA2; off: NULL); only with
 *               CMD_INT, as in seed 003's envelope
 * The default turns everything on.
 */
#define AIOT_SOLY_CFG_MUTUAL		0x01U	/* project value, pending the spec */
#define AIOT_SOLY_CFG_REPLAY		0x02U	/* project value, pending the spec */
#define AIOT_SOLY_CFG_RESYNC		0x04U	/* project value, pending the spec */
#define AIOT_SOLY_CFG_PAGING_MAC	0x08U	/* project value, pending the spec */
#define AIOT_SOLY_CFG_CMD_INT		0x10U	/* project value, pending the spec */
#define AIOT_SOLY_CFG_CMD_CIPHER	0x20U	/* project value, pending the spec */
#define AIOT_SOLY_CFG_ALL		0x3fU
#define AIOT_SOLY_CFG_DEFAULT		AIOT_SOLY_CFG_ALL /* project value, pending the spec */

/*
 * Command rounds per session: one, as seed 003 NOTE 2 assumes for
 * K_AIOTF, so that COUNT stays constant under K_Command_enc/int.
 */
#define AIOT_SOLY_CMD_ROUNDS		1	/* project value, pending the spec */

/* ---- solution-9 (seed 004, "Solution #9") ------------------------------ */

/* The AIoT Device Authentication Key of step 0: K_AIoT_root, as above */
#define AIOT_SOL9_K_LEN			AIOT_K_ROOT_LEN	/* project value, pending the spec */

/* Network Nonce (steps 2, 5) and Device Nonce (steps 3, 6) */
#define AIOT_SOL9_NN_LEN		8	/* project value, pending the spec */
#define AIOT_SOL9_DN_LEN		8	/* project value, pending the spec */

/*
 * Keys per transmission:
 *   k_N  = KDF(K, FC_K_N,  P0 = NN, L0 = 0x00 0x08)
 *   k_ND = KDF(K, FC_K_ND, P0 = NN, L0 = 0x00 0x08, P1 = DN, L1 = 0x00 0x08)
 * 32 octets each, used as .int and .enc.  k_N protects what the AIOTF
 * sends (the paging's protected ID, the command request), k_ND what the
 * device sends (its protected ID*, the command response).
 */
#define AIOT_SOL9_FC_K_N		0xa5	/* project value, pending the spec */
#define AIOT_SOL9_FC_K_ND		0xa6	/* project value, pending the spec */

/*
 * HMAC temporary IDs: T-ID = KDF(K, FC_TID, P0 = NN), T-ID* = KDF(K,
 * FC_TID, P0 = NN, P1 = DN) (the parameter count keeps them apart), each
 * the last AIOT_SOL9_TID_LEN octets of the output, as RES_AIOT.  64 bits:
 * a device of 10^4 matches another's T-ID once in 10^15 pagings.
 */
#define AIOT_SOL9_FC_TID		0xa7	/* project value, pending the spec */
#define AIOT_SOL9_TID_LEN		8	/* project value, pending the spec */
#define AIOT_SOL9_TID_OFFSET		(AIOT_KDF_OUT_LEN - AIOT_SOL9_TID_LEN)

/* The MAC of the protected ID* and of command messages: a 128-NIA2 MAC-I */
#define AIOT_SOL9_MAC_LEN		AIOT_SEC_NIA2_MAC_LEN /* project value, pending the spec */

/* COUNT, BEARER of the profile's 128-NEA2/128-NIA2 uses (keys fresh per nonce) */
#define AIOT_SOL9_COUNT			0	/* project value, pending the spec */
#define AIOT_SOL9_BEARER_ID		1	/* project value, pending the spec */
#define AIOT_SOL9_BEARER_AUTH		2	/* project value, pending the spec */
#define AIOT_SOL9_BEARER_CMD		3	/* project value, pending the spec */

/*
 * The Security Policy octet, in clear in every solution-9 message:
 *   bits 1..0  ID protection: clear permanent ID, protected ID (128-NEA2
 *              under k_N.enc / k_ND.enc), or HMAC temporary ID; 3 reserved
 *   bit 2      payload ciphered with 128-NEA2
 *   bits 4..3  integrity: none, the payload only, or the entire message
 *              (with NN and the paging's identity field); 3 reserved
 *   bits 7..5  spare, zero
 * A receiver refuses a policy with a reserved value or a spare bit set,
 * whatever its configuration; a sender cannot use one.  The integrity
 * values are ordered (none < payload < entire message): FLOOR compares
 * them as numbers.
 */
#define AIOT_SOL9_POL_IDP_MASK		0x03	/* project value, pending the spec */
#define AIOT_SOL9_POL_IDP_CLEAR		0x00	/* project value, pending the spec */
#define AIOT_SOL9_POL_IDP_PID		0x01	/* project value, pending the spec */
#define AIOT_SOL9_POL_IDP_TID		0x02	/* project value, pending the spec */
#define AIOT_SOL9_POL_IDP_RESERVED	0x03	/* project value, pending the spec */
#define AIOT_SOL9_POL_CIPHER		0x04	/* project value, pending the spec */
#define AIOT_SOL9_POL_INT_MASK		0x18	/* project value, pending the spec */
#define AIOT_SOL9_POL_INT_NONE		0x00	/* project value, pending the spec */
#define AIOT_SOL9_POL_INT_PAYLOAD	0x08	/* project value, pending the spec */
#define AIOT_SOL9_POL_INT_MESSAGE	0x10	/* project value, pending the spec */
#define AIOT_SOL9_POL_INT_RESERVED	0x18	/* project value, pending the spec */
#define AIOT_SOL9_POL_SPARE_MASK	0xe0

/* Pre-configured policy unless told otherwise: protected ID, ciphered, whole message MAC */
#define AIOT_SOL9_POL_DEFAULT \
	(AIOT_SOL9_POL_IDP_PID | AIOT_SOL9_POL_CIPHER | AIOT_SOL9_POL_INT_MESSAGE)

/*
 * Configuration (step 0): the low octet is the device's pre-configured
 * Security Policy; FLOOR makes the device refuse a command whose policy
 * is weaker than it (another ID protection, no ciphering where it is
 * configured, less integrity).  The seed lets the message's policy rule,
 * which a rogue reader can lower: FLOOR off runs the seed as written.
 */
#define AIOT_SOL9_CFG_POLICY_MASK	0xffU
#define AIOT_SOL9_CFG_FLOOR		0x100U	/* project value, pending the spec */
#define AIOT_SOL9_CFG_ALL		0x1ffU
#define AIOT_SOL9_CFG_DEFAULT \
	(AIOT_SOL9_POL_DEFAULT | AIOT_SOL9_CFG_FLOOR)	/* project value, pending the spec */

#endif /* _AIOT_PROFILE_VALUES_H */
