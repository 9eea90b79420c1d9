// SPDX-License-Identifier: GPL-2.0
/*
 * aiotf-sim: the AIOTF's side of the solution-y security profile (soly.h,
 * Documentation/security-profiles.rst, "Profile solution-y"): the Y Paging
 * Request, the check of a Y Access Response, NRES and the protected
 * identity, the commands of a session. Keys are derived here, used, and
 * wiped.
 */
#include <errno.h>
#include <string.h>
#include <linux/aiot.h>
#include <openssl/crypto.h>

#include "aiot_sec.h"
#include "nas.h"
#include "profile.h"
#include "soly.h"

/* Octets before the PID of a Y Paging Request: SHT, type, flags, nonce1 */
#define SY_PR_OFF	(3 + AIOT_SOLY_NONCE1_LEN)
/* Octets before the protected identity of a Y Protected Identity: SHT, type */
#define SY_IDENT_OFF	2

bool sy_config_valid(uint32_t config)
{
	return !(config & ~AIOT_SOLY_CFG_ALL) &&
	       (!(config & (AIOT_SOLY_CFG_RESYNC | AIOT_SOLY_CFG_PAGING_MAC)) ||
		(config & AIOT_SOLY_CFG_REPLAY)) &&
	       (!(config & AIOT_SOLY_CFG_CMD_CIPHER) || (config & AIOT_SOLY_CFG_CMD_INT));
}

/* Is id_bits | ID at @p (deciphered, padding checked) @dev's identity? */
static bool is_dev(const uint8_t *p, unsigned int bits, const struct sim_id *dev)
{
	return bits == dev->bits && !CRYPTO_memcmp(p, dev->id, (bits + 7) / 8);
}

static int k_ses_of(const uint8_t *k, const uint8_t *nonce1, const uint8_t *nonce2,
		    uint8_t *k_ses)
{
	uint8_t k_aiot[AIOT_SOLY_K_AIOT_LEN];
	int rc = aiot_soly_k_aiot(k, nonce1, k_aiot);

	if (!rc)
		rc = aiot_soly_k_ses(k_aiot, nonce2, k_ses);
	OPENSSL_cleanse(k_aiot, sizeof(k_aiot));
	return rc;
}

int sy_k_ses(const uint8_t *k, const uint8_t *nonce1, const uint8_t *nonce2, uint8_t *k_ses)
{
	return k_ses_of(k, nonce1, nonce2, k_ses);
}

int sy_paging(const uint8_t *k, const uint8_t *nonce1, uint32_t config, const struct sim_id *dev,
	      uint32_t counter, uint8_t *out, size_t size)
{
	uint8_t flags = AIOT_SOLY_PF_PID, pid[AIOT_SOLY_PID_MAX_LEN] = { 0 };
	uint8_t k_aiot[AIOT_SOLY_K_AIOT_LEN];
	struct aiot_nas_msg m = { .type = AIOT_NAS_MT_SOLY_PAGING_REQ };
	struct aiot_sec_ctx *ctx;
	int n, rc;

	if (config & AIOT_SOLY_CFG_REPLAY)
		flags |= AIOT_SOLY_PF_COUNTER;
	if (config & AIOT_SOLY_CFG_PAGING_MAC)
		flags |= AIOT_SOLY_PF_MAC;
	m.flags = flags;
	m.nonce = nonce1;
	m.enc = pid;
	m.enc_len = aiot_soly_pid_len(flags, dev->bits);
	if (!m.enc_len)
		return -EINVAL;
	n = aiot_nas_encode(&m, out, size);	/* PID and MAC-P of zeros, computed below */
	if (n < 0)
		return n;
	ctx = aiot_sec_ctx_alloc();
	if (!ctx)
		return -ENOMEM;
	rc = aiot_soly_k_aiot(k, nonce1, k_aiot);
	if (!rc)
		rc = aiot_soly_pid_seal(ctx, k_aiot, flags, dev->id, dev->bits, counter, out,
					SY_PR_OFF, size);
	aiot_sec_ctx_free(ctx);
	OPENSSL_cleanse(k_aiot, sizeof(k_aiot));
	return rc;
}

int sy_group_paging(const uint8_t *nonce1, uint8_t *out, size_t size)
{
	struct aiot_nas_msg m = { .type = AIOT_NAS_MT_SOLY_PAGING_REQ, .nonce = nonce1 };

	return aiot_nas_encode(&m, out, size);
}

int sy_kid(const uint8_t *k, const uint8_t *nonce1, uint8_t *kid)
{
	uint8_t k_aiot[AIOT_SOLY_K_AIOT_LEN];
	struct aiot_sec_ctx *ctx = aiot_sec_ctx_alloc();
	int rc;

	if (!ctx)
		return -ENOMEM;
	rc = aiot_soly_k_aiot(k, nonce1, k_aiot);
	if (!rc)
		rc = aiot_soly_kid(ctx, k_aiot, nonce1, kid);
	aiot_sec_ctx_free(ctx);
	OPENSSL_cleanse(k_aiot, sizeof(k_aiot));
	return rc;
}

int sy_access_decode(const uint8_t *nas, size_t len, struct sy_answer *ans, const char **why)
{
	struct aiot_nas_msg m;

	memset(ans, 0, sizeof(*ans));
	if (len > AIOT_NAS_MAX_LEN || aiot_nas_decode(nas, len, &m) ||
	    m.type != AIOT_NAS_MT_SOLY_ACCESS_RSP) {
		*why = "not a Y Access Response";
		return -EPROTO;
	}
	memcpy(ans->nonce2, m.nonce, sizeof(ans->nonce2));
	ans->flags = m.flags;
	if (m.kid)
		memcpy(ans->kid, m.kid, sizeof(ans->kid));
	return 0;
}

int sy_access_check(const uint8_t *k, const uint8_t *nonce1, uint32_t config, bool group,
		    const struct sim_id *dev, const uint8_t *nas, size_t len,
		    struct sy_answer *ans, const char **why)
{
	uint8_t buf[AIOT_NAS_MAX_LEN], k_ses[AIOT_SOLY_K_SES_LEN], id_bits;
	bool oneway = !(config & AIOT_SOLY_CFG_MUTUAL);
	struct aiot_sec_ctx *ctx;
	struct aiot_nas_msg m;
	unsigned int off;
	int rc;

	rc = sy_access_decode(nas, len, ans, why);
	if (rc)
		return rc;
	if (aiot_nas_decode(nas, len, &m))
		return -EPROTO;
	if (!(m.flags & AIOT_SOLY_AF_KID) != !group) {
		*why = group ? "an answer to a group paging without a KID" :
		       "a KID in the answer to a targeted paging";
		return 1;
	}
	if ((m.flags & AIOT_SOLY_AF_RESYNC) &&
	    (group || !(config & AIOT_SOLY_CFG_RESYNC) || m.enc_len != AIOT_SOLY_COUNTER_LEN)) {
		*why = "a resync the paging and the configuration do not allow";
		return 1;
	}
	if (!(m.flags & AIOT_SOLY_AF_RESYNC) && !(m.flags & AIOT_SOLY_AF_PID) != !oneway) {
		*why = oneway ? "no identity in the answer of a one-way access" :
		       "an identity in Msg3 though the configuration is MUTUAL";
		return 1;
	}
	off = m.enc ? (unsigned int)(m.enc - nas) : len - AIOT_SOLY_ARES_LEN;
	ctx = aiot_sec_ctx_alloc();
	if (!ctx)
		return -ENOMEM;
	memcpy(buf, nas, len);
	rc = k_ses_of(k, nonce1, m.nonce, k_ses);
	if (!rc)
		rc = aiot_soly_access_open(ctx, k_ses, nonce1, buf, off, len);
	aiot_sec_ctx_free(ctx);
	OPENSSL_cleanse(k_ses, sizeof(k_ses));
	if (rc == -EBADMSG || rc == -EPROTO) {
		*why = rc == -EBADMSG ? "ARES does not verify" : "its ciphered part is malformed";
		rc = 1;
	} else if (rc >= 0 && (m.flags & AIOT_SOLY_AF_RESYNC)) {
		ans->counter = (uint32_t)buf[off] << 24 | (uint32_t)buf[off + 1] << 16 |
			       (uint32_t)buf[off + 2] << 8 | buf[off + 3];
		rc = SY_ACCESS_RESYNC;
	} else if (rc >= 0 && (m.flags & AIOT_SOLY_AF_PID)) {
		if (aiot_prof_id_get(buf + off, rc - off, &id_bits)) {
			*why = "its identity part is malformed";
			rc = 1;
		} else if (!is_dev(buf + off + 1, id_bits, dev)) {
			*why = "its identity names another device";
			rc = 1;
		} else {
			rc = SY_ACCESS_OK;
		}
	} else if (rc >= 0) {
		rc = SY_ACCESS_OK;
	}
	OPENSSL_cleanse(buf, sizeof(buf));
	return rc;
}

int sy_net_auth(const uint8_t *k, const uint8_t *nonce1, const uint8_t *nonce2, uint8_t *out,
		size_t size)
{
	uint8_t k_ses[AIOT_SOLY_K_SES_LEN], nres[AIOT_SOLY_NRES_LEN];
	struct aiot_nas_msg m = { .type = AIOT_NAS_MT_SOLY_NET_AUTH, .nres = nres };
	struct aiot_sec_ctx *ctx = aiot_sec_ctx_alloc();
	int rc;

	if (!ctx)
		return -ENOMEM;
	rc = k_ses_of(k, nonce1, nonce2, k_ses);
	if (!rc)
		rc = aiot_soly_nres(ctx, k_ses, nonce2, nres);
	aiot_sec_ctx_free(ctx);
	OPENSSL_cleanse(k_ses, sizeof(k_ses));
	if (!rc)
		rc = aiot_nas_encode(&m, out, size);
	OPENSSL_cleanse(nres, sizeof(nres));
	return rc;
}

int sy_ident_check(const uint8_t *k, const uint8_t *nonce1, const uint8_t *nonce2,
		   const struct sim_id *dev, const uint8_t *nas, size_t len, const char **why)
{
	uint8_t buf[AIOT_NAS_MAX_LEN], k_ses[AIOT_SOLY_K_SES_LEN], id_bits;
	struct aiot_sec_ctx *ctx;
	struct aiot_nas_msg m;
	int rc;

	if (len > sizeof(buf) || aiot_nas_decode(nas, len, &m) ||
	    m.type != AIOT_NAS_MT_SOLY_PROT_ID) {
		*why = "the answer to NRES is not a Y Protected Identity";
		return -EPROTO;
	}
	ctx = aiot_sec_ctx_alloc();
	if (!ctx)
		return -ENOMEM;
	memcpy(buf, nas, len);
	rc = k_ses_of(k, nonce1, nonce2, k_ses);
	if (!rc)
		rc = aiot_soly_ident_open(ctx, k_ses, buf, SY_IDENT_OFF, len, &id_bits);
	aiot_sec_ctx_free(ctx);
	OPENSSL_cleanse(k_ses, sizeof(k_ses));
	if (rc == -EBADMSG) {
		*why = "the MAC of the protected identity does not verify";
		rc = 1;
	} else if (rc == -EPROTO) {
		*why = "the protected identity is malformed";
		rc = 1;
	} else if (rc >= 0 && !is_dev(buf + SY_IDENT_OFF + 1, id_bits, dev)) {
		*why = "the protected identity names another device";
		rc = 1;
	} else if (rc >= 0) {
		rc = 0;
	}
	OPENSSL_cleanse(buf, sizeof(buf));
	return rc;
}

/* A context keyed with the session's K_Command_enc/int, or NULL */
static struct aiot_sec_ctx *cmd_ctx(const uint8_t *k, const uint8_t *nonce1,
				    const uint8_t *nonce2)
{
	uint8_t k_ses[AIOT_SOLY_K_SES_LEN];
	struct aiot_sec_ctx *ctx = aiot_sec_ctx_alloc();

	if (ctx && (k_ses_of(k, nonce1, nonce2, k_ses) ||
		    aiot_soly_ctx_set_command(ctx, k_ses))) {
		aiot_sec_ctx_free(ctx);
		ctx = NULL;
	}
	OPENSSL_cleanse(k_ses, sizeof(k_ses));
	return ctx;
}

int sy_seal(const uint8_t *k, const uint8_t *nonce1, const uint8_t *nonce2, uint32_t config,
	    uint8_t *nas, size_t len, size_t size)
{
	struct aiot_sec_ctx *ctx;
	int n;

	if (!(config & AIOT_SOLY_CFG_CMD_INT))
		return len;	/* the NULL algorithms: SHT 0 */
	ctx = cmd_ctx(k, nonce1, nonce2);
	if (!ctx)
		return -ENOMEM;
	n = aiot_nas_seal(ctx, AIOT_NAS_DIR_R2D, config & AIOT_SOLY_CFG_CMD_CIPHER, nas, len,
			  size);
	aiot_sec_ctx_free(ctx);
	return n;
}

const char *sy_open(const uint8_t *k, const uint8_t *nonce1, const uint8_t *nonce2,
		    uint32_t config, const uint8_t *nas, size_t len, uint8_t *buf,
		    struct aiot_nas_msg *m)
{
	struct aiot_sec_ctx *ctx;
	bool clear;
	int n = len;

	if (len > AIOT_NAS_MAX_LEN || !len)
		return "malformed";
	clear = nas[0] == AIOT_NAS_SHT_PLAIN;
	memcpy(buf, nas, len);
	if (!clear) {
		ctx = cmd_ctx(k, nonce1, nonce2);
		if (!ctx)
			return "malformed";
		n = aiot_nas_open(ctx, AIOT_NAS_DIR_D2R, buf, len);
		aiot_sec_ctx_free(ctx);
		if (n == -EBADMSG)
			return "integrity-failure";
	}
	if (n < 0 || aiot_nas_decode(buf, n, m))
		return "malformed";
	if (clear && (config & AIOT_SOLY_CFG_CMD_INT))
		return "unprotected";
	return "ok";
}
