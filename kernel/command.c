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
#include <linux/module.h>
#include <linux/string.h>
#include <kunit/visibility.h>

#include "aiot_core.h"
#include "command.h"

/* Longest D2R answer to an R2D data transfer, information bits. */
#define CMD_SEG_BITS	(AIOT_MT_BITS + AIOT_AS_ID_BITS + 1 + 6 + \
			 AIOT_SEG_OFFSET_BITS + AIOT_SEG_LEN_BITS + AIOT_SEG_MAX_BITS)

struct cmd_ctx {
	struct aiot_reader *r;
	struct aiot_fe_params params;
	struct aiot_cmd_result *res;
	u8 buf[AIOT_FRAME_MAX_OCTETS];
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
		len = min_t(unsigned int, req->nas_bits - at, AIOT_SEG_MAX_BITS);
		memset(&c->tx, 0, sizeof(c->tx));
		c->tx.type = AIOT_MSG_R2D_DATA;
		c->tx.data.as_id = req->as_id;
		c->tx.data.offset = at;
		c->tx.data.len = len;
		c->tx.data.more = at + len < req->nas_bits;
		for (k = 0; k < len; k++) {
			unsigned int b = at + k;

			if (req->nas[b / 8] & (0x80 >> (b % 8)))
				c->tx.data.data[k / 8] |= 0x80 >> (k % 8);
		}
		/* the device answers the last segment only */
		err = cmd_xchg(c, c->tx.data.more ? 0 : CMD_SEG_BITS, rx);
		if (err)
			return err;
		at += len;
	} while (at < req->nas_bits);
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

/**
 * aiot_cmd_run - relay one command and wait for its outcome
 * @r: the reader
 * @req: the device and the PDU
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
	memset(res, 0, sizeof(*res));
	res->outcome = AIOT_CMD_OUTCOME_NO_RESPONSE;
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
		if (!err)
			res->outcome = AIOT_CMD_OUTCOME_NAS_RESPONSE;
		goto out;
	}
out:
	kfree(c);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(aiot_cmd_run);
