// SPDX-License-Identifier: GPL-2.0
/*
 * aiot_hwsim: the device side of the solution-y security profile (TR 33.713
 * "Solution #Y", seed 002; Documentation/security-profiles.rst, "Profile
 * solution-y"), on kernel/profile.c's primitives.
 *
 * A solution-y device acts on a CBRA paging only when its NAS container
 * holds a Y Paging Request. Every solution-y device with an identity of
 * the protected ID's length derives k_AIoT from its K and nonce1 and
 * deciphers the PID to find out whether it is paged (a group paging, with
 * no PID, pages them all). The paged device checks MAC-P and its
 * non-volatile counter (with RESYNC it answers a mismatch with its
 * counter), contends, and at Msg2 answers a Y Access Response: Nonce2,
 * ARES under k_AIoT_ses, and the identity (one-way authentication), its
 * counter (resync) or its key identifier (group). Its session, keyed by
 * Nonce2 as a T-ID, then serves a contention-free exchange: NRES, answered
 * with the protected identity (mutual authentication), and one command
 * round in seed 003's envelope under K_Command_enc/int from k_AIoT_ses.
 *
 * Sessions live in the population (one per device, no allocation per
 * message) and in the reader's table by T-ID while they are open. A
 * session ends when its device accepts another solution-y paging, runs
 * out of energy, fails NRES, or when the reader acknowledges the response
 * of its command round.
 */
#include <linux/hashtable.h>
#include <linux/jhash.h>
#include <linux/string.h>

#include "hwsim.h"
#include "nas.h"
#include "profile.h"
#include "sec.h"

/* Octets before the protected identity of a Y Protected Identity: SHT, type */
#define HWSIMY_IDENT_OFF	2

/* Big-endian fields of the profile's messages */
static u64 be64_at(const u8 *p)
{
	u64 v = 0;
	int i;

	for (i = 0; i < 8; i++)
		v = v << 8 | p[i];
	return v;
}

static void be32_put(u32 v, u8 *p)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

/* End the session of @ys: out of the table, keys wiped. */
void hwsimy_end(struct hwsim_ysess *ys)
{
	if (!ys)
		return;
	if (!hlist_unhashed(&ys->hnode))
		hash_del(&ys->hnode);
	memzero_explicit(ys->k_aiot, sizeof(ys->k_aiot));
	memzero_explicit(ys->k_ses, sizeof(ys->k_ses));
	ys->state = HWSIMY_NONE;
}

/*
 * The Y Paging Request in the NAS container of paging @p, decoded into
 * @m; false when the paging carries none (solution-y devices ignore it).
 */
bool hwsimy_paging_request(const struct aiot_paging *p, struct aiot_nas_msg *m)
{
	return p->cont_type == AIOT_CONT_NAS && p->id_type == AIOT_ID_NONE &&
	       !aiot_nas_decode(p->cont, p->cont_len, m) &&
	       m->type == AIOT_NAS_MT_SOLY_PAGING_REQ;
}

/*
 * Is the Y Paging Request @m (in paging @p) for @dev, and does it accept
 * it? Counts what the device spends into @nj. On acceptance the device's
 * old session ends and the new one holds nonce1 and k_AIoT.
 */
bool hwsimy_paged(struct hwsim_reader *hr, struct hwsim_dev *dev,
		  const struct aiot_paging *p, const struct aiot_nas_msg *m, u64 *nj)
{
	struct hwsim_ysess *ys = dev->ys;
	bool group = !(m->flags & AIOT_SOLY_PF_PID);
	u8 k_aiot[AIOT_SOLY_K_AIOT_LEN];
	unsigned int plen, off;
	bool resync = false;
	u32 counter = 0;
	int err;

	if (!ys)
		return false;
	plen = aiot_soly_pid_len(m->flags, dev->id_bits);
	if (!group && (!plen || plen != m->enc_len))
		return false;	/* another identity length: not even a KDF */
	hwsim_count(dev, 1, 0, nj);
	if (aiot_soly_k_aiot(dev->k_root, m->nonce, k_aiot))
		return false;
	if (!group) {
		off = m->enc - p->cont;
		hwsim_count(dev, 0, hwsim_aes_nea2(plen), nj);
		err = aiot_soly_pid_open(hr->sec, k_aiot, m->flags, p->cont, off,
					 p->cont_len, dev->id, dev->id_bits, hr->y_plain,
					 &counter);
		if (err != -ENOENT && (m->flags & AIOT_SOLY_PF_MAC))
			hwsim_count(dev, 0, hwsim_aes_nia2(p->cont_len - AIOT_SOLY_MAC_LEN), nj);
		if (err)
			goto no;	/* not this device, or MAC-P wrong: silence */
		/* the paging must carry what the configuration says */
		if (!(m->flags & AIOT_SOLY_PF_COUNTER) !=
		    !(dev->sec_config & AIOT_SOLY_CFG_REPLAY) ||
		    !(m->flags & AIOT_SOLY_PF_MAC) !=
		    !(dev->sec_config & AIOT_SOLY_CFG_PAGING_MAC))
			goto no;
		if ((m->flags & AIOT_SOLY_PF_COUNTER) && counter != dev->counter) {
			if (!(dev->sec_config & AIOT_SOLY_CFG_RESYNC))
				goto no;
			resync = true;
		}
		if ((m->flags & AIOT_SOLY_PF_COUNTER) && !resync &&
		    dev->counter == AIOT_SOLY_COUNTER_MAX)
			goto no;	/* no more counted pagings */
	}
	hwsimy_end(ys);		/* an accepted paging replaces the session */
	memcpy(ys->k_aiot, k_aiot, sizeof(k_aiot));
	memcpy(ys->nonce1, m->nonce, sizeof(ys->nonce1));
	ys->state = HWSIMY_PAGED;
	ys->group = group;
	ys->resync = resync;
	ys->counted = !group && !resync && (m->flags & AIOT_SOLY_PF_COUNTER);
	ys->stepped = false;
	ys->cmd_done = false;
	memzero_explicit(k_aiot, sizeof(k_aiot));
	return true;
no:
	memzero_explicit(k_aiot, sizeof(k_aiot));
	return false;
}

/*
 * The Y Access Response of @dev at a Msg2, into hr->inv_nas: a new Nonce2
 * and k_AIoT_ses, the counter stepped once per accepted counted paging.
 * Adds what it costs to @nj. Return: 0 or a negative error.
 */
int hwsimy_access_response(struct hwsim_reader *hr, struct hwsim_dev *dev, u64 *nj)
{
	struct aiot_nas_msg m = { .type = AIOT_NAS_MT_SOLY_ACCESS_RSP };
	struct hwsim_ysess *ys = dev->ys;
	u8 part[AIOT_PROF_ID_STR_MAX], kid[AIOT_SOLY_KID_LEN];
	unsigned int plen = 0, off;
	int n, err;

	if (!ys || ys->state == HWSIMY_NONE)
		return -ENOENT;
	if (!hlist_unhashed(&ys->hnode))	/* a new Msg2 after a NACK */
		hash_del(&ys->hnode);
	prandom_bytes_state(&hr->rnd, ys->nonce2, sizeof(ys->nonce2));
	hwsim_count(dev, 1, 0, nj);
	err = aiot_soly_k_ses(ys->k_aiot, ys->nonce2, ys->k_ses);
	if (err)
		return err;
	m.nonce = ys->nonce2;
	if (ys->resync) {
		m.flags |= AIOT_SOLY_AF_RESYNC;
		be32_put(dev->counter, part);
		plen = AIOT_SOLY_COUNTER_LEN;
	} else if (!(dev->sec_config & AIOT_SOLY_CFG_MUTUAL)) {
		m.flags |= AIOT_SOLY_AF_PID;
		plen = aiot_prof_id_put(part, dev->id, dev->id_bits);
	}
	if (ys->group) {
		m.flags |= AIOT_SOLY_AF_KID;
		hwsim_count(dev, 0, 2, nj);
		err = aiot_soly_kid(hr->sec, ys->k_aiot, ys->nonce1, kid);
		if (err)
			return err;
		m.kid = kid;
	}
	if (plen) {
		m.enc = part;
		m.enc_len = plen;
	}
	n = aiot_nas_encode(&m, hr->inv_nas, sizeof(hr->inv_nas));
	if (n < 0)
		return n;
	off = n - AIOT_SOLY_ARES_LEN - plen;
	hwsim_count(dev, 0, hwsim_aes_nea2(plen) +
		     hwsim_aes_nia2(AIOT_SOLY_NONCE1_LEN + n - AIOT_SOLY_ARES_LEN), nj);
	n = aiot_soly_access_seal(hr->sec, ys->k_ses, ys->nonce1, hr->inv_nas, off,
				  n - AIOT_SOLY_ARES_LEN, sizeof(hr->inv_nas));
	if (n < 0)
		return n;
	hr->inv_nas_bits = n * 8;
	if (ys->counted && !ys->stepped) {
		dev->counter++;		/* once per accepted paging */
		ys->stepped = true;
	}
	if (ys->resync)		/* no session: the AIOTF pages again */
		return 0;
	ys->state = (dev->sec_config & AIOT_SOLY_CFG_MUTUAL) ? HWSIMY_OPEN : HWSIMY_AUTH;
	hash_add(hr->ytbl, &ys->hnode, be64_at(ys->nonce2));
	return 0;
}

/* The session whose T-ID (Nonce2) a contention-free paging names, or NULL. */
struct hwsim_dev *hwsimy_find(struct hwsim_reader *hr, const struct aiot_paging *p)
{
	struct hwsim_ysess *ys;
	u64 tid;

	if (p->id_type != AIOT_ID_TEMPORARY || p->id_bits != AIOT_SOLY_TID_LEN * 8 ||
	    p->cont_type != AIOT_CONT_NONE)
		return NULL;
	tid = be64_at(p->id);
	hash_for_each_possible(hr->ytbl, ys, hnode, tid)
		if (be64_at(ys->nonce2) == tid)
			return ys->dev;
	return NULL;
}

/*
 * The command K_Command_enc/int of @dev's session into the reader's
 * context; what it costs into @nj.
 */
static int hwsimy_cmd_keys(struct hwsim_reader *hr, struct hwsim_dev *dev, u64 *nj)
{
	u8 k_enc[AIOT_SEC_KEY_LEN], k_int[AIOT_SEC_KEY_LEN];
	int err;

	hwsim_count(dev, 2, 0, nj);
	err = aiot_soly_k_command(dev->ys->k_ses, k_enc, k_int);
	if (!err)
		err = aiot_sec_ctx_set_keys(hr->sec, k_enc, k_int);
	memzero_explicit(k_enc, sizeof(k_enc));
	memzero_explicit(k_int, sizeof(k_int));
	return err;
}

/*
 * A complete PDU for the selected solution-y device, in hr->pdu (@len
 * octets): NRES, answered with the protected identity, or a command of
 * the session's round. Return: the response's length in hr->rsp, 0 for the
 * device's integrity-failure policy, -ENOMSG for an unknown message, or
 * another negative error (silence).
 */
int hwsimy_command(struct hwsim_reader *hr, struct hwsim_dev *dev, unsigned int len, u64 *nj)
{
	struct hwsim_ysess *ys = dev->ys;
	u8 part[AIOT_PROF_ID_STR_MAX];
	struct aiot_nas_msg m;
	int n;
	u32 hash;

	if (!ys || ys->state == HWSIMY_NONE || len < 2)
		return 0;
	if (!aiot_nas_decode(hr->pdu, len, &m) && m.type == AIOT_NAS_MT_SOLY_NET_AUTH) {
		/* mutual only; once authenticated, a retransmission: the same answer */
		if (ys->state == HWSIMY_PAGED || !(dev->sec_config & AIOT_SOLY_CFG_MUTUAL))
			return -ENOMSG;
		hwsim_count(dev, 0, 2, nj);
		if (aiot_soly_nres_verify(hr->sec, ys->k_ses, ys->nonce2, m.nres)) {
			hwsimy_end(ys);		/* a wrong NRES ends the session */
			return 0;
		}
		ys->state = HWSIMY_AUTH;
		memset(&m, 0, sizeof(m));
		m.type = AIOT_NAS_MT_SOLY_PROT_ID;
		m.enc = part;
		m.enc_len = aiot_prof_id_put(part, dev->id, dev->id_bits);
		n = aiot_nas_encode(&m, hr->rsp, sizeof(hr->rsp));
		if (n < 0)
			return n;
		hwsim_count(dev, 0, hwsim_aes_nea2(m.enc_len) +
			     hwsim_aes_nia2(HWSIMY_IDENT_OFF + m.enc_len), nj);
		return aiot_soly_ident_seal(hr->sec, ys->k_ses, dev->id, dev->id_bits, hr->rsp,
					    HWSIMY_IDENT_OFF, sizeof(hr->rsp));
	}
	/* a command: only once the network is authenticated (mutual) */
	if (ys->state != HWSIMY_AUTH)
		return 0;
	/*
	 * One round per session (COUNT stays 0 under the session's keys): once
	 * answered, only a retransmission of the same request is answered
	 * again, as it was; any other request is refused.
	 */
	hash = jhash(hr->pdu, len, 0);
	if (ys->cmd_done && (len != ys->req_len || hash != ys->req_hash))
		return 0;
	switch (hr->pdu[0]) {
	case AIOT_NAS_SHT_INTEGRITY_CIPHERED:
		break;
	case AIOT_NAS_SHT_INTEGRITY:
		if (dev->sec_config & AIOT_SOLY_CFG_CMD_CIPHER)
			return 0;
		break;
	case AIOT_NAS_SHT_PLAIN:	/* the NULL algorithms, if configured */
		if (dev->sec_config & AIOT_SOLY_CFG_CMD_INT)
			return 0;
		break;
	default:
		return 0;
	}
	if (hr->pdu[0] != AIOT_NAS_SHT_PLAIN &&
	    (len < AIOT_NAS_HDR_LEN + 1 + AIOT_NAS_TRAILER_LEN || hwsimy_cmd_keys(hr, dev, nj)))
		return 0;
	n = hwsim_envelope(hr, dev, len, nj);
	if (n > 0) {		/* the round ends when the reader acknowledges */
		ys->cmd_done = true;
		ys->req_len = len;
		ys->req_hash = hash;
	}
	return n;
}

/* The reader acknowledged @dev's response: a finished command round ends the session. */
void hwsimy_acked(struct hwsim_dev *dev)
{
	if (dev->ys && dev->ys->cmd_done)
		hwsimy_end(dev->ys);
}
