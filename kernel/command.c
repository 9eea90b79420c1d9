// SPDX-License-Identifier: GPL-2.0
/*
 * aiot: command relay. The reader pages one device contention-free (its
 * identity and the AS ID it is given), sends the AIoT NAS PDU in R2D data
 * transfers and collects the D2R answer: a NAS response (possibly in
 * segments, each asked for by an empty R2D data transfer, the last one
 * acknowledged), the AS-level "no NAS response expected" indication, or
 * nothing. A silent device gets the PDU again, up to the attempts asked
 * for; after an AS indication the reader never retransmits (seed 000: the
 * device has told it that no answer will come).
 */
#include <linux/jhash.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <kunit/visibility.h>

#include "aiot_core.h"
#include "command.h"
#include "nas.h"
#include "sec.h"

static_assert(sizeof(((struct aiot_cmd_req *)0)->nas) == AIOT_NAS_MAX_LEN);

/* Longest D2R answer to an R2D data transfer, information bits. */
#define CMD_SEG_BITS	(AIOT_MT_BITS + AIOT_AS_ID_BITS + 1 + 6 + \
			 AIOT_SEG_OFFSET_BITS + AIOT_SEG_LEN_BITS + AIOT_SEG_MAX_BITS)

struct cmd_ctx {
	struct aiot_reader *r;
	struct aiot_fe_params params;
	struct aiot_cmd_result *res;
	const u8 *pdu;
	unsigned int pdu_bits;
	u8 buf[AIOT_FRAME_MAX_OCTETS];
	u8 sealed[AIOT_NAS_MAX_LEN];
	struct aiot_msg tx;
	struct aiot_msg rx_msg;
};

static int cmd_xchg(struct cmd_ctx *c, unsigned int answer_bits, struct aiot_rx *rx)
{
	return aiot_msg_xchg(c->r, &c->params, &c->tx, answer_bits, c->buf, rx,
			     &c->res->air);
}

/*
 * Send the PDU, segment by segment. Returns 0 with the D2R window of the
 * last segment in @rx, or -errno.
 */
static int cmd_send_pdu(struct cmd_ctx *c, const struct aiot_cmd_req *req,
			struct aiot_rx *rx)
{
	unsigned int at = 0, len, k;
	int err;

	do {
		len = min_t(unsigned int, c->pdu_bits - at, AIOT_SEG_MAX_BITS);
		memset(&c->tx, 0, sizeof(c->tx));
		c->tx.type = AIOT_MSG_R2D_DATA;
		c->tx.data.as_id = req->as_id;
		c->tx.data.offset = at;
		c->tx.data.len = len;
		c->tx.data.more = at + len < c->pdu_bits;
		for (k = 0; k < len; k++) {
			unsigned int b = at + k;

			if (c->pdu[b / 8] & (0x80 >> (b % 8)))
				c->tx.data.data[k / 8] |= 0x80 >> (k % 8);
		}
		/* the device answers the last segment only */
		err = cmd_xchg(c, c->tx.data.more ? 0 : CMD_SEG_BITS, rx);
		if (err)
			return err;
		at += len;
	} while (at < c->pdu_bits);
	return 0;
}

/* The rest of a segmented NAS response; 0 or -EPROTO when it breaks off. */
static int cmd_read_rest(struct cmd_ctx *c, const struct aiot_cmd_req *req,
			 bool more)
{
	struct aiot_cmd_result *res = c->res;
	struct aiot_rx rx;
	int err;

	while (more) {
		memset(&c->tx, 0, sizeof(c->tx));
		c->tx.type = AIOT_MSG_R2D_DATA;
		c->tx.data.as_id = req->as_id;
		c->tx.data.offset = res->rsp_bits;
		err = cmd_xchg(c, CMD_SEG_BITS, &rx);
		if (err)
			return err;
		if (aiot_msg_decode(c->r, &rx, &c->rx_msg) ||
		    c->rx_msg.type != AIOT_MSG_D2R_DATA ||
		    c->rx_msg.data.as_id != req->as_id ||
		    c->rx_msg.data.offset != res->rsp_bits ||
		    res->rsp_bits + c->rx_msg.data.len > AIOT_SDU_MAX_BITS)
			return -EPROTO;
		aiot_bits_put(res->rsp, res->rsp_bits, c->rx_msg.data.data,
			      c->rx_msg.data.len);
		res->rsp_bits += c->rx_msg.data.len;
		more = c->rx_msg.data.more;
	}
	return 0;
}

/* Offload mode: protect the plain request in @req into c->sealed. */
static int cmd_seal(struct cmd_ctx *c, const struct aiot_cmd_req *req)
{
	unsigned int len = req->nas_bits / 8;
	int n;

	if (req->nas_bits % 8)
		return -EINVAL;
	memcpy(c->sealed, req->nas, len);
	n = aiot_nas_seal(req->sec->ctx, AIOT_NAS_DIR_R2D, req->sec->cipher,
			  c->sealed, len, sizeof(c->sealed));
	if (n < 0)
		return n == -EPROTO || n == -EMSGSIZE ? -EINVAL : n;
	c->pdu = c->sealed;
	c->pdu_bits = n * 8;
	aiot_stat_add(c->r, &c->r->stats.sec_protected, 1);
	return 0;
}

/* Offload mode: verify and decipher the response in place. */
static void cmd_open(struct cmd_ctx *c, const struct aiot_cmd_req *req)
{
	struct aiot_cmd_result *res = c->res;
	int n = -EPROTO;

	if (!(res->rsp_bits % 8))
		n = aiot_nas_open(req->sec->ctx, AIOT_NAS_DIR_D2R, res->rsp,
				  res->rsp_bits / 8);
	if (n >= 0) {
		res->sec = AIOT_CMD_SEC_VERIFIED;
		res->rsp_bits = n * 8;
		aiot_stat_add(c->r, &c->r->stats.sec_verified, 1);
		return;
	}
	res->sec = n == -EBADMSG ? AIOT_CMD_SEC_INTEGRITY_FAILURE :
				   AIOT_CMD_SEC_MALFORMED;
	aiot_stat_add(c->r, &c->r->stats.sec_failed, 1);
}

static void cmd_count(struct aiot_reader *r, const struct aiot_cmd_result *res)
{
	unsigned long flags;

	spin_lock_irqsave(&r->rx_lock, flags);
	r->stats.commands++;
	if (res->attempts > 1)
		r->stats.cmd_retx += res->attempts - 1;
	if (res->outcome == AIOT_CMD_OUTCOME_NAS_RESPONSE)
		r->stats.cmd_nas_rsp++;
	else if (res->outcome == AIOT_CMD_OUTCOME_AS_INDICATION)
		r->stats.cmd_as_ind++;
	else
		r->stats.cmd_no_rsp++;
	spin_unlock_irqrestore(&r->rx_lock, flags);
}

/**
 * aiot_cmd_run - relay one command and wait for its outcome
 * @r: the reader
 * @req: the device and the PDU; with a security context (offload mode)
 *	the plain request, which is protected here
 * @res: the outcome, the response and the air-time account
 *
 * Process context. Return: 0 (see res->outcome), -EINVAL for a bad
 * request, or the reader's error (-ENODEV when it went away).
 */
int aiot_cmd_run(struct aiot_reader *r, const struct aiot_cmd_req *req,
		 struct aiot_cmd_result *res)
{
	struct cmd_ctx *c;
	struct aiot_rx rx;
	u8 attempts = req->attempts ?: 1;
	int err;

	if (req->id_type < AIOT_ID_PERMANENT || req->id_type > AIOT_ID_CONCEALED ||
	    !req->id_bits || req->id_bits > AIOT_ID_MAX_BITS ||
	    !req->nas_bits || req->nas_bits > AIOT_SDU_MAX_BITS)
		return -EINVAL;
	c = kzalloc(sizeof(*c), GFP_KERNEL);
	if (!c)
		return -ENOMEM;
	c->r = r;
	c->res = res;
	c->pdu = req->nas;
	c->pdu_bits = req->nas_bits;
	memset(res, 0, sizeof(*res));
	res->outcome = AIOT_CMD_OUTCOME_NO_RESPONSE;
	if (req->sec) {
		err = cmd_seal(c, req);
		if (err)
			goto out_free;
	}
	mutex_lock(&r->lock);
	c->params = r->params;
	mutex_unlock(&r->lock);

	/* contention-free paging: this device, this AS ID; no answer to it */
	c->tx.type = AIOT_MSG_PAGING;
	c->tx.paging.ra_type = AIOT_RA_CFRA;
	c->tx.paging.id_type = req->id_type;
	c->tx.paging.id_bits = req->id_bits;
	memcpy(c->tx.paging.id, req->id, sizeof(c->tx.paging.id));
	c->tx.paging.as_id = req->as_id;
	c->tx.paging.txn = req->txn;
	if (req->rand_len) {
		c->tx.paging.cont_type = AIOT_CONT_RAND;
		c->tx.paging.cont_len = req->rand_len;
		memcpy(c->tx.paging.cont, req->rand, req->rand_len);
	}
	err = cmd_xchg(c, 0, &rx);
	if (err)
		goto out;

	while (res->attempts < attempts) {
		res->attempts++;
		err = cmd_send_pdu(c, req, &rx);
		if (err)
			goto out;
		if (aiot_msg_decode(r, &rx, &c->rx_msg))
			continue;	/* silence or garbage: send again */
		if (c->rx_msg.type == AIOT_MSG_NO_NAS_RSP &&
		    c->rx_msg.nnr.as_id == req->as_id) {
			res->outcome = AIOT_CMD_OUTCOME_AS_INDICATION;
			res->cause = c->rx_msg.nnr.cause;
			goto out;
		}
		if (c->rx_msg.type != AIOT_MSG_D2R_DATA ||
		    c->rx_msg.data.as_id != req->as_id || c->rx_msg.data.offset)
			continue;
		aiot_bits_put(res->rsp, 0, c->rx_msg.data.data, c->rx_msg.data.len);
		res->rsp_bits = c->rx_msg.data.len;
		err = cmd_read_rest(c, req, c->rx_msg.data.more);
		if (err == -EPROTO) {	/* broke off: the whole exchange again */
			res->rsp_bits = 0;
			err = 0;
			continue;
		}
		if (err)
			goto out;
		/* the response is in: acknowledge it, no answer expected */
		memset(&c->tx, 0, sizeof(c->tx));
		c->tx.type = AIOT_MSG_R2D_ACK;
		c->tx.ack_as_id = req->as_id;
		err = cmd_xchg(c, 0, &rx);
		if (!err) {
			res->outcome = AIOT_CMD_OUTCOME_NAS_RESPONSE;
			if (req->sec)
				cmd_open(c, req);
		}
		goto out;
	}
out:
	if (!err)
		cmd_count(r, res);
out_free:
	kfree_sensitive(c);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(aiot_cmd_run);

/*
 * Security contexts of a reader (offload mode), by device identity, under
 * r->lock. Keys come from netlink only; nothing reads them back.
 */
static u32 cmd_sec_hash(u8 id_type, u16 id_bits, const u8 *id)
{
	return jhash(id, DIV_ROUND_UP(id_bits, 8), (id_type << 16) | id_bits);
}

static struct aiot_cmd_sec *cmd_sec_find(struct aiot_reader *r, u8 id_type,
					 u16 id_bits, const u8 *id)
{
	struct aiot_cmd_sec *s;

	lockdep_assert_held(&r->lock);
	hash_for_each_possible(r->sec_ctx, s, node, cmd_sec_hash(id_type, id_bits, id))
		if (s->id_type == id_type && s->id_bits == id_bits &&
		    !memcmp(s->id, id, DIV_ROUND_UP(id_bits, 8)))
			return s;
	return NULL;
}

/** aiot_cmd_sec_alloc - an empty context; process context */
struct aiot_cmd_sec *aiot_cmd_sec_alloc(void)
{
	struct aiot_cmd_sec *s = kzalloc(sizeof(*s), GFP_KERNEL);

	if (!s)
		return NULL;
	INIT_HLIST_NODE(&s->node);
	s->ctx = aiot_sec_ctx_alloc(GFP_KERNEL);
	if (!s->ctx) {
		kfree(s);
		return NULL;
	}
	return s;
}
EXPORT_SYMBOL_IF_KUNIT(aiot_cmd_sec_alloc);

/** aiot_cmd_sec_free - zeroise and free a context (NULL is fine) */
void aiot_cmd_sec_free(struct aiot_cmd_sec *s)
{
	if (!s)
		return;
	aiot_sec_ctx_free(s->ctx);
	kfree_sensitive(s);
}
EXPORT_SYMBOL_IF_KUNIT(aiot_cmd_sec_free);

/**
 * aiot_cmd_sec_install - install a device's context, replacing any other
 * @r: the reader
 * @s: the context, keys and identity set; the reader's on success
 *
 * Return: 0, -ENODEV when the reader is going away, -ENOSPC when it holds
 * AIOT_CMD_SEC_MAX contexts already.
 */
int aiot_cmd_sec_install(struct aiot_reader *r, struct aiot_cmd_sec *s)
{
	struct aiot_cmd_sec *old;
	int err = 0;

	mutex_lock(&r->lock);
	old = cmd_sec_find(r, s->id_type, s->id_bits, s->id);
	if (!r->registered) {
		err = -ENODEV;
	} else if (old) {
		hash_del(&old->node);
		r->n_sec--;
	} else if (r->n_sec >= AIOT_CMD_SEC_MAX) {
		err = -ENOSPC;
	}
	if (!err) {
		hash_add(r->sec_ctx, &s->node, cmd_sec_hash(s->id_type, s->id_bits, s->id));
		r->n_sec++;
	} else {
		old = NULL;
	}
	mutex_unlock(&r->lock);
	aiot_cmd_sec_free(old);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(aiot_cmd_sec_install);

/**
 * aiot_cmd_sec_take - take a device's context out of the table
 * @r: the reader
 * @id_type: identity type
 * @id_bits: identity length
 * @id: the identity
 *
 * Return: the context, now the caller's, or NULL when there is none.
 */
struct aiot_cmd_sec *aiot_cmd_sec_take(struct aiot_reader *r, u8 id_type,
				       u16 id_bits, const u8 *id)
{
	struct aiot_cmd_sec *s;

	mutex_lock(&r->lock);
	s = cmd_sec_find(r, id_type, id_bits, id);
	if (s) {
		hash_del(&s->node);
		r->n_sec--;
	}
	mutex_unlock(&r->lock);
	return s;
}
EXPORT_SYMBOL_IF_KUNIT(aiot_cmd_sec_take);

/** aiot_cmd_sec_delete - free a device's context; -ENOENT if none */
int aiot_cmd_sec_delete(struct aiot_reader *r, u8 id_type, u16 id_bits,
			const u8 *id)
{
	struct aiot_cmd_sec *s = aiot_cmd_sec_take(r, id_type, id_bits, id);

	aiot_cmd_sec_free(s);
	return s ? 0 : -ENOENT;
}
EXPORT_SYMBOL_IF_KUNIT(aiot_cmd_sec_delete);

/**
 * aiot_cmd_sec_flush - free contexts
 * @r: the reader
 * @owner: free those this netlink socket installed; NULL: all of them
 */
void aiot_cmd_sec_flush(struct aiot_reader *r, const struct aiot_owner *owner)
{
	struct aiot_cmd_sec *s;
	struct hlist_node *tmp;
	HLIST_HEAD(gone);
	unsigned int bkt;

	mutex_lock(&r->lock);
	hash_for_each_safe(r->sec_ctx, bkt, tmp, s, node) {
		if (owner && !aiot_owner_eq(&s->owner, owner))
			continue;
		hash_del(&s->node);
		r->n_sec--;
		hlist_add_head(&s->node, &gone);
	}
	mutex_unlock(&r->lock);
	hlist_for_each_entry_safe(s, tmp, &gone, node)
		aiot_cmd_sec_free(s);
}
EXPORT_SYMBOL_IF_KUNIT(aiot_cmd_sec_flush);

/** aiot_cmd_sec_count - contexts the reader holds */
unsigned int aiot_cmd_sec_count(struct aiot_reader *r)
{
	unsigned int n;

	mutex_lock(&r->lock);
	n = r->n_sec;
	mutex_unlock(&r->lock);
	return n;
}
EXPORT_SYMBOL_IF_KUNIT(aiot_cmd_sec_count);
