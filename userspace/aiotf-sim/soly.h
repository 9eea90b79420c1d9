/* SPDX-License-Identifier: GPL-2.0 */
/*
 * aiotf-sim: the AIOTF's side of the solution-y security profile (TR 33.713
 * "Solution #Y", seed 002; Documentation/security-profiles.rst, "Profile
 * solution-y"), on kernel/profile.c and the AIoT NAS codec as libaiot
 * builds them on the OpenSSL twin. The one place where aiotf-sim builds a
 * Y Paging Request (targeted or group), checks a Y Access Response (ARES,
 * the identity of a one-way access, a resync's counter, a group answer's
 * KID), builds the Y Network Authentication (NRES) and checks the Y
 * Protected Identity that answers it, and seals and opens the commands of
 * a session under K_Command_enc/int from k_AIoT_ses; run.c carries what
 * these build over AIoT-AP.
 *
 * Every function takes the device's K (its K_AIoT_root) and the session's
 * nonces, and wipes what it derives before it returns: the AIOTF keeps
 * nonce1 and Nonce2 of a session, never k_AIoT or k_AIoT_ses.
 */
#ifndef AIOTF_SIM_SOLY_H
#define AIOTF_SIM_SOLY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <aiot/profile_values.h>

#include "scenario.h"

struct aiot_nas_msg;

/* What a Y Access Response says, once ARES verified */
struct sy_answer {
	uint8_t nonce2[AIOT_SOLY_NONCE2_LEN];
	uint8_t flags;			/* AIOT_SOLY_AF_* */
	uint8_t kid[AIOT_SOLY_KID_LEN];	/* with AIOT_SOLY_AF_KID */
	uint32_t counter;		/* the device's, with AIOT_SOLY_AF_RESYNC */
};

/* sy_access_check(): ARES and the identity verify (one-way: the device authenticated) */
#define SY_ACCESS_OK		0
/* ARES verifies, the device is out of step: its counter in the answer */
#define SY_ACCESS_RESYNC	2

/*
 * A configuration as aiot_hwsim accepts it (<aiot/profile_values.h>):
 * no spare bit, RESYNC and PAGING_MAC only with REPLAY, CMD_CIPHER only
 * with CMD_INT.
 */
bool sy_config_valid(uint32_t config);

/*
 * The Y Paging Request that pages @dev under @config with @nonce1: PID of
 * ID (and @counter with REPLAY), MAC-P with PAGING_MAC. Its length in
 * @out (room @size), or a negative errno.
 */
int sy_paging(const uint8_t *k, const uint8_t *nonce1, uint32_t config, const struct sim_id *dev,
	      uint32_t counter, uint8_t *out, size_t size);

/* The group Y Paging Request (no PID, no MAC) with @nonce1 */
int sy_group_paging(const uint8_t *nonce1, uint8_t *out, size_t size);

/* The KID that @dev (key @k) answers a group paging with @nonce1 with */
int sy_kid(const uint8_t *k, const uint8_t *nonce1, uint8_t *kid);

/*
 * Take apart a Y Access Response (@nas, @len octets) without any key:
 * Nonce2, flags and KID into @ans. 0, or -EPROTO (*why) when it is no Y
 * Access Response.
 */
int sy_access_decode(const uint8_t *nas, size_t len, struct sy_answer *ans, const char **why);

/*
 * The AIOTF's check of a Y Access Response (@nas, @len octets) of @dev to
 * a paging with @nonce1 (@group: a group paging, which a KID answers):
 * ARES under k_AIoT_ses, then by its flags the counter of a resync (not to
 * a group paging), or (MUTUAL off in @config) the identity, equal to
 * @dev. Returns SY_ACCESS_OK, SY_ACCESS_RESYNC (the counter in
 * ans->counter), 1 when it does not authenticate @dev (a phrase in *why),
 * -EPROTO when it is no Y Access Response (*why too), or another negative
 * errno.
 */
int sy_access_check(const uint8_t *k, const uint8_t *nonce1, uint32_t config, bool group,
		    const struct sim_id *dev, const uint8_t *nas, size_t len,
		    struct sy_answer *ans, const char **why);

/* The Y Network Authentication (NRES) of the session (@nonce1, @nonce2) into @out */
int sy_net_auth(const uint8_t *k, const uint8_t *nonce1, const uint8_t *nonce2, uint8_t *out,
		size_t size);

/*
 * The check of the Y Protected Identity (@nas, @len octets) that answers
 * NRES in the session (@nonce1, @nonce2): its MAC, then the identity,
 * equal to @dev. 0, 1 (*why), -EPROTO (no Y Protected Identity, *why) or
 * another negative errno.
 */
int sy_ident_check(const uint8_t *k, const uint8_t *nonce1, const uint8_t *nonce2,
		   const struct sim_id *dev, const uint8_t *nas, size_t len, const char **why);

/* k_AIoT_ses of the session (what offload mode hands the gateway as K_AIOTF) */
int sy_k_ses(const uint8_t *k, const uint8_t *nonce1, const uint8_t *nonce2, uint8_t *k_ses);

/*
 * Protect the plain request @nas (@len octets, room @size) of the session
 * as @config says: seed 003's envelope under K_Command_enc/int from
 * k_AIoT_ses, ciphered with CMD_CIPHER, the NULL algorithms (SHT 0, as it
 * is) without CMD_INT. The new length, or a negative errno.
 */
int sy_seal(const uint8_t *k, const uint8_t *nonce1, const uint8_t *nonce2, uint32_t config,
	    uint8_t *nas, size_t len, size_t size);

/*
 * Open a command's response (@nas, @len octets) in the session, decoded
 * into @m pointing into @buf (room AIOT_NAS_MAX_LEN). The verdict: "ok"
 * (verified; or in clear where the configuration has no CMD_INT),
 * "unprotected" (in clear against the configuration), "integrity-failure",
 * "malformed".
 */
const char *sy_open(const uint8_t *k, const uint8_t *nonce1, const uint8_t *nonce2,
		    uint32_t config, const uint8_t *nas, size_t len, uint8_t *buf,
		    struct aiot_nas_msg *m);

#endif /* AIOTF_SIM_SOLY_H */
