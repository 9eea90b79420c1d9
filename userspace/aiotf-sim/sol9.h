/* SPDX-License-Identifier: GPL-2.0 */
/*
 * aiotf-sim: the AIOTF's side of the solution-9 security profile (TR 33.713
 * clause 6.9, seed 004; Documentation/security-profiles.rst, "Profile
 * solution-9"), on kernel/profile.c and the AIoT NAS codec as libaiot
 * builds them on the OpenSSL twin. The one place where aiotf-sim pages a
 * solution-9 device, checks its 9 Authentication Response, seals a 9
 * Command Request and opens the 9 Command Response; run.c carries what
 * these build over AIoT-AP.
 *
 * Every function takes the device's K (its K_AIoT_root) and wipes what it
 * derives from it before it returns. Nothing here allocates but a scratch
 * security context, freed again.
 */
#ifndef AIOTF_SIM_SOL9_H
#define AIOTF_SIM_SOL9_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <aiot/profile_values.h>

#include "scenario.h"

struct aiot_nas_msg;

/* Octets before the identity part or payload of a 9 ... Response: SHT, type, policy, DN */
#define S9_RSP_HDR_LEN	(3 + AIOT_SOL9_DN_LEN)
/* and before the payload of a 9 Command Request: SHT, type, policy */
#define S9_REQ_HDR_LEN	3

/* The identity field of a paging: a protected ID, a T-ID or the ID itself */
struct s9_idf {
	uint8_t target_type;		/* enum aiot_target: how the paging names it */
	uint8_t idf[SIM_ID_LEN];
	unsigned int bits;
};

/*
 * The identity field that pages @dev with the Network Nonce @nn, by its
 * ID protection @idp (AIOT_SOL9_POL_IDP_*): the protected ID
 * NEA2(k_N.enc, 1, R2D, ID) of the ID's length (concealed), the 64-bit
 * HMAC T-ID (temporary), or the ID in clear (permanent; commands only).
 * 0 or a negative errno.
 */
int s9_paging(const uint8_t *k, const uint8_t *nn, const struct sim_id *dev, uint8_t idp,
	      struct s9_idf *out);

/*
 * The AIOTF's check of a 9 Authentication Response (@nas, @len octets) to
 * a paging of @dev with NN @nn: by T-ID (@tid: T-ID* must verify) or by a
 * protected ID (MAC* under k_ND, then PID* deciphered, or the clear ID
 * under the clear-ID policy of @config, equal to @dev). Returns 0 when it
 * authenticates @dev, 1 when it does not (a sentence in *why), -EPROTO
 * when it is no 9 Authentication Response (*why too), or another negative
 * errno. *dn receives the answer's DN when it decodes.
 */
int s9_auth_check(const uint8_t *k, const uint8_t *nn, bool tid, uint32_t config,
		  const struct sim_id *dev, const uint8_t *nas, size_t len, uint8_t *dn,
		  const char **why);

/*
 * A 9 Command Request for the plain request @plain (Read, Write or Disable
 * Request, its SHT octet first, @plain_len octets) under @policy, paged by
 * @pg with NN' @nn: the payload ciphered and the MAC computed under k_N'
 * as the policy says. Its length in @out (room @size), or a negative errno.
 */
int s9_request(const uint8_t *k, const uint8_t *nn, uint8_t policy, const struct s9_idf *pg,
	       const uint8_t *plain, size_t plain_len, uint8_t *out, size_t size);

/*
 * Open a 9 Command Response (@nas, @len octets) to a request of @policy
 * with NN' @nn: MAC under k_ND' of its DN', not below the request's
 * policy, then the payload deciphered and decoded into @m, pointing into
 * @buf (room AIOT_NAS_MAX_LEN). Returns the verdict: "ok",
 * "integrity-failure" (the MAC), "weaker-policy" (a policy below the
 * request's), "wrong-type" (another NAS message) or "malformed".
 */
const char *s9_response(const uint8_t *k, const uint8_t *nn, uint8_t policy, const uint8_t *nas,
			size_t len, uint8_t *buf, struct aiot_nas_msg *m);

/* "protected-id", "t-id", "permanent-id": how a policy's ID protection pages */
const char *s9_idp_name(uint8_t idp);

#endif /* AIOTF_SIM_SOL9_H */
