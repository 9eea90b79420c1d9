// SPDX-License-Identifier: GPL-2.0
/*
 * aiotf-sim: the AIOTF's side of the solution-9 security profile (sol9.h,
 * Documentation/security-profiles.rst, "Profile solution-9"): paging
 * identities, the check of a 9 Authentication Response, the 9 Command
 * Request and its Response. Keys are derived here, used, and wiped.
 */
#include <errno.h>
#include <string.h>
#include <linux/aiot.h>
#include <openssl/crypto.h>

#include "aiot_sec.h"
#include "nas.h"
#include "profile.h"
#include "sol9.h"

/* Is @got (@bits long, zero padded) @dev's identity (its padding ignored)? */
static bool same_id(const uint8_t *got, unsigned int bits, const struct sim_id *dev)
{
	size_t n = (dev->bits + 7) / 8;
	uint8_t last = dev->bits % 8 ? (uint8_t)(0xff00 >> (dev->bits % 8)) : 0xff;

	return bits == dev->bits && !(CRYPTO_memcmp(got, dev->id, n - 1) |
				      ((got[n - 1] ^ dev->id[n - 1]) & last));
}

const char *s9_idp_name(uint8_t idp)
{
	switch (idp & AIOT_SOL9_POL_IDP_MASK) {
	case AIOT_SOL9_POL_IDP_PID:
		return "protected-id";
	case AIOT_SOL9_POL_IDP_TID:
		return "t-id";
	case AIOT_SOL9_POL_IDP_CLEAR:
		return "permanent-id";
	}
	return "reserved";
}

int s9_paging(const uint8_t *k, const uint8_t *nn, const struct sim_id *dev, uint8_t idp,
	      struct s9_idf *out)
{
	uint8_t k_n[AIOT_KDF_OUT_LEN];
	struct aiot_sec_ctx *ctx;
	int rc;

	memset(out, 0, sizeof(*out));
	switch (idp & AIOT_SOL9_POL_IDP_MASK) {
	case AIOT_SOL9_POL_IDP_CLEAR:
		out->target_type = AIOT_TARGET_PERMANENT_ID;
		memcpy(out->idf, dev->id, (dev->bits + 7) / 8);
		out->bits = dev->bits;
		return 0;
	case AIOT_SOL9_POL_IDP_TID:
		out->target_type = AIOT_TARGET_TEMPORARY_ID;
		out->bits = AIOT_SOL9_TID_LEN * 8;
		return aiot_sol9_tid(k, nn, out->idf);
	case AIOT_SOL9_POL_IDP_PID:
		break;
	default:
		return -EINVAL;
	}
	out->target_type = AIOT_TARGET_CONCEALED_ID;
	out->bits = dev->bits;
	ctx = aiot_sec_ctx_alloc();
	if (!ctx)
		return -ENOMEM;
	rc = aiot_sol9_k_n(k, nn, k_n);
	if (!rc)
		rc = aiot_sol9_pid_protect(ctx, k_n, dev->id, dev->bits, out->idf);
	aiot_sec_ctx_free(ctx);
	OPENSSL_cleanse(k_n, sizeof(k_n));
	return rc;
}

int s9_auth_check(const uint8_t *k, const uint8_t *nn, bool tid, uint32_t config,
		  const struct sim_id *dev, const uint8_t *nas, size_t len, uint8_t *dn,
		  const char **why)
{
	uint8_t buf[AIOT_NAS_MAX_LEN], k_nd[AIOT_KDF_OUT_LEN], id_bits, idp, want;
	struct aiot_sec_ctx *ctx;
	struct aiot_nas_msg m;
	int rc;

	if (len > sizeof(buf) || aiot_nas_decode(nas, len, &m) ||
	    m.type != AIOT_NAS_MT_SOL9_AUTH_RSP) {
		*why = "not a 9 Authentication Response";
		return -EPROTO;
	}
	memcpy(dn, m.nonce, AIOT_SOL9_DN_LEN);
	idp = m.policy & AIOT_SOL9_POL_IDP_MASK;
	/* a T-ID paging gets T-ID*; a protected ID, PID* or the clear ID by policy */
	want = tid ? AIOT_SOL9_POL_IDP_TID :
	       (config & AIOT_SOL9_POL_IDP_MASK) == AIOT_SOL9_POL_IDP_CLEAR ?
	       AIOT_SOL9_POL_IDP_CLEAR : AIOT_SOL9_POL_IDP_PID;
	if (idp != want) {
		*why = "its identity is not in the form the paging and the device's policy ask";
		return 1;
	}
	if (tid) {
		rc = aiot_sol9_tid_star_verify(k, nn, m.nonce, m.tid);
		if (rc == -EBADMSG) {
			*why = "T-ID* does not verify";
			return 1;
		}
		return rc;
	}
	ctx = aiot_sec_ctx_alloc();
	if (!ctx)
		return -ENOMEM;
	memcpy(buf, nas, len);
	rc = aiot_sol9_k_nd(k, nn, m.nonce, k_nd);
	if (!rc)
		rc = aiot_sol9_auth_open(ctx, k_nd, m.policy, buf, S9_RSP_HDR_LEN, len, &id_bits);
	aiot_sec_ctx_free(ctx);
	OPENSSL_cleanse(k_nd, sizeof(k_nd));
	if (rc == -EBADMSG) {
		*why = "MAC* does not verify";
		rc = 1;
	} else if (rc == -EPROTO) {
		*why = "its identity part is malformed";
		rc = 1;
	} else if (!rc && !same_id(buf + S9_RSP_HDR_LEN + 1, id_bits, dev)) {
		*why = idp == AIOT_SOL9_POL_IDP_PID ? "PID* names another device" :
		       "it names another device";
		rc = 1;
	}
	OPENSSL_cleanse(buf, sizeof(buf));
	return rc;
}

int s9_request(const uint8_t *k, const uint8_t *nn, uint8_t policy, const struct s9_idf *pg,
	       const uint8_t *plain, size_t plain_len, uint8_t *out, size_t size)
{
	struct aiot_nas_msg m = {
		.type = AIOT_NAS_MT_SOL9_CMD_REQ, .policy = policy,
		.payload = plain + 1, .payload_len = plain_len - 1,
	};
	struct aiot_sol9_paging p = { .nn = nn, .idf = pg->idf, .idf_bits = pg->bits };
	unsigned int mac = (policy & AIOT_SOL9_POL_INT_MASK) ? AIOT_SOL9_MAC_LEN : 0;
	uint8_t k_n[AIOT_KDF_OUT_LEN];
	struct aiot_sec_ctx *ctx;
	int n, rc;

	if (plain_len < 2 || !aiot_sol9_policy_valid(policy))
		return -EINVAL;
	n = aiot_nas_encode(&m, out, size);	/* a MAC of zeros, computed below */
	if (n < 0)
		return n;
	ctx = aiot_sec_ctx_alloc();
	if (!ctx)
		return -ENOMEM;
	rc = aiot_sol9_k_n(k, nn, k_n);
	if (!rc)
		rc = aiot_sol9_req_seal(ctx, k_n, policy, &p, out, S9_REQ_HDR_LEN, n - mac, size);
	aiot_sec_ctx_free(ctx);
	OPENSSL_cleanse(k_n, sizeof(k_n));
	return rc;
}

const char *s9_response(const uint8_t *k, const uint8_t *nn, uint8_t policy, const uint8_t *nas,
			size_t len, uint8_t *buf, struct aiot_nas_msg *m)
{
	uint8_t k_nd[AIOT_KDF_OUT_LEN];
	struct aiot_sec_ctx *ctx;
	struct aiot_nas_msg rsp;
	const char *verdict;
	int n;

	if (len > AIOT_NAS_MAX_LEN || aiot_nas_decode(nas, len, &rsp))
		return "malformed";
	if (rsp.type != AIOT_NAS_MT_SOL9_CMD_RSP)
		return "wrong-type";
	ctx = aiot_sec_ctx_alloc();
	if (!ctx)
		return "malformed";
	memcpy(buf, nas, len);
	n = aiot_sol9_k_nd(k, nn, rsp.nonce, k_nd);
	if (!n)
		n = aiot_sol9_rsp_open(ctx, k_nd, policy | AIOT_SOL9_CFG_FLOOR, rsp.policy, nn, buf,
				       S9_RSP_HDR_LEN, len);
	aiot_sec_ctx_free(ctx);
	OPENSSL_cleanse(k_nd, sizeof(k_nd));
	if (n == -EBADMSG)
		verdict = "integrity-failure";
	else if (n == -EACCES)
		verdict = "weaker-policy";
	else if (n <= S9_RSP_HDR_LEN ||
		 aiot_nas_decode_payload(buf + S9_RSP_HDR_LEN, n - S9_RSP_HDR_LEN, m))
		verdict = "malformed";
	else
		verdict = "ok";
	return verdict;
}
