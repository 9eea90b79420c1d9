// SPDX-License-Identifier: GPL-2.0
/*
 * aiot_hwsim: the device side of the solution-9 security profile (TR 33.713
 * clause 6.9, seed 004; Documentation/security-profiles.rst, "Profile
 * solution-9"), on kernel/profile.c's primitives.
 *
 * A solution-9 device acts on a paging only when it carries a Network
 * Nonce (the RAND_n container, AIOT_SOL9_NN_LEN octets) and identifies the
 * device by a protected ID (identity type 3) or an HMAC temporary ID
 * (type 2), or, contention free, by its permanent ID under the clear-ID
 * policy. Finding out costs every solution-9 device on the reader one
 * derivation (k_N or the T-ID) and, for a protected ID of its length, the
 * AES blocks of deciphering it: the cost seed 004 names, counted and
 * charged here for every device that hears the paging.
 *
 * The authentication answer (Msg3) is a 9 Authentication Response: DN,
 * then PID* and MAC* under k_ND, or T-ID*. A command is a 9 Command
 * Request under k_N' of its paging's NN', checked against the device's
 * Security Policy (FLOOR) before its MAC, executed, and answered with a 9
 * Command Response under k_ND' and the request's policy. Any failure of
 * the request (policy, MAC, format) takes the device's integrity-failure
 * policy of seed 000, as in the normative profile.
 */
#include <linux/string.h>

#include "hwsim.h"
#include "nas.h"
#include "profile.h"
#include "sec.h"

/* Octets before the identity part or payload: SHT, type, policy, DN */
#define HWSIM9_HDR_LEN	(3 + AIOT_SOL9_DN_LEN)

/* Does paging @p carry what a solution-9 device acts on? */
bool hwsim9_paging_for_us(const struct aiot_paging *p)
{
	if (p->cont_type != AIOT_CONT_RAND || p->cont_len != AIOT_SOL9_NN_LEN)
		return false;
	switch (p->id_type) {
	case AIOT_ID_TEMPORARY:
		return p->id_bits == AIOT_SOL9_TID_LEN * 8;
	case AIOT_ID_CONCEALED:
		return true;
	case AIOT_ID_PERMANENT:		/* the clear-ID policy, contention free */
		return p->ra_type == AIOT_RA_CFRA;
	default:
		return false;
	}
}

/*
 * Is paging @p for @dev? Derives k_N into @k_n (when @k_n is given) and
 * counts what the device spent into @nj. Every solution-9 device that
 * hears a solution-9 paging runs this.
 */
bool hwsim9_match(struct hwsim_reader *hr, struct hwsim_dev *dev,
		  const struct aiot_paging *p, u8 *k_n, u64 *nj)
{
	u8 k[AIOT_KDF_OUT_LEN];
	bool match = false;
	int err;

	switch (p->id_type) {
	case AIOT_ID_TEMPORARY:
		hwsim_count(dev, 1, 0, nj);
		if (aiot_sol9_tid_match(dev->k_root, p->cont, p->id))
			return false;
		if (!k_n)
			return true;
		hwsim_count(dev, 1, 0, nj);
		return !aiot_sol9_k_n(dev->k_root, p->cont, k_n);
	case AIOT_ID_CONCEALED:
		hwsim_count(dev, 1, 0, nj);
		if (aiot_sol9_k_n(dev->k_root, p->cont, k))
			break;
		if (p->id_bits == dev->id_bits)
			hwsim_count(dev, 0, DIV_ROUND_UP(DIV_ROUND_UP(dev->id_bits, 8), 16), nj);
		err = aiot_sol9_pid_match(hr->sec, k, p->id, p->id_bits, dev->id,
					  dev->id_bits, hr->s9_plain);
		match = !err;
		break;
	case AIOT_ID_PERMANENT:	/* found by its identity: only it derives */
		hwsim_count(dev, 1, 0, nj);
		match = !aiot_sol9_k_n(dev->k_root, p->cont, k);
		break;
	default:
		break;
	}
	if (match && k_n)
		memcpy(k_n, k, sizeof(k));
	memzero_explicit(k, sizeof(k));
	return match;
}

/*
 * The 9 Authentication Response of @dev, answering the paging whose NN is
 * hr->rand_n and whose identity type is hr->s9_id_type, into hr->inv_nas.
 * Adds what it costs to @nj. Return: 0 or a negative error.
 */
int hwsim9_auth_response(struct hwsim_reader *hr, struct hwsim_dev *dev, u64 *nj)
{
	u8 policy = dev->sec_config & AIOT_SOL9_CFG_POLICY_MASK;
	u8 dn[AIOT_SOL9_DN_LEN], k_nd[AIOT_KDF_OUT_LEN], tid[AIOT_SOL9_TID_LEN];
	u8 part[AIOT_PROF_ID_STR_MAX];
	struct aiot_nas_msg m = { .type = AIOT_NAS_MT_SOL9_AUTH_RSP };
	unsigned int plen;
	int n, err;

	/* the identity form follows the paging; a protected ID at least */
	policy &= ~AIOT_SOL9_POL_IDP_MASK;
	if (hr->s9_id_type == AIOT_ID_TEMPORARY)
		policy |= AIOT_SOL9_POL_IDP_TID;
	else if ((dev->sec_config & AIOT_SOL9_POL_IDP_MASK) == AIOT_SOL9_POL_IDP_CLEAR)
		policy |= AIOT_SOL9_POL_IDP_CLEAR;
	else
		policy |= AIOT_SOL9_POL_IDP_PID;
	prandom_bytes_state(&hr->rnd, dn, sizeof(dn));
	m.policy = policy;
	m.nonce = dn;
	if ((policy & AIOT_SOL9_POL_IDP_MASK) == AIOT_SOL9_POL_IDP_TID) {
		hwsim_count(dev, 1, 0, nj);
		err = aiot_sol9_tid_star(dev->k_root, hr->rand_n, dn, tid);
		if (err)
			return err;
		m.tid = tid;
		n = aiot_nas_encode(&m, hr->inv_nas, sizeof(hr->inv_nas));
		if (n < 0)
			return n;
		hr->inv_nas_bits = n * 8;
		return 0;
	}
	plen = aiot_prof_id_put(part, dev->id, dev->id_bits);
	m.id_bits = dev->id_bits;
	m.id = dev->id;
	m.enc = part;
	m.enc_len = plen;
	n = aiot_nas_encode(&m, hr->inv_nas, sizeof(hr->inv_nas));
	if (n < 0)
		return n;
	hwsim_count(dev, 1, 0, nj);
	err = aiot_sol9_k_nd(dev->k_root, hr->rand_n, dn, k_nd);
	if (!err)
		n = aiot_sol9_auth_seal(hr->sec, k_nd, policy, dev->id, dev->id_bits,
					hr->inv_nas, HWSIM9_HDR_LEN, sizeof(hr->inv_nas));
	memzero_explicit(k_nd, sizeof(k_nd));
	if (err)
		return err;
	if (n < 0)
		return n;
	hwsim_count(dev, 0, hwsim_aes_nia2(HWSIM9_HDR_LEN + plen) +
		     ((policy & AIOT_SOL9_POL_IDP_MASK) == AIOT_SOL9_POL_IDP_PID ?
		      hwsim_aes_nea2(plen) : 0), nj);
	hr->inv_nas_bits = n * 8;
	return 0;
}

/*
 * A complete 9 Command Request for the selected device, in hr->pdu (@len
 * octets): checks, execution, the protected 9 Command Response into
 * hr->rsp. Return: the response's length, 0 for the device's
 * integrity-failure policy, -ENOMSG for an unknown request, or another
 * negative error (the device stays silent).
 */
int hwsim9_command(struct hwsim_reader *hr, struct hwsim_dev *dev,
		   unsigned int len, u64 *nj)
{
	struct aiot_sol9_paging pg = {
		.nn = hr->s9_nn, .idf = hr->s9_idf, .idf_bits = hr->s9_idf_bits,
	};
	u8 payload[AIOT_NAS_MAX_LEN], dn[AIOT_SOL9_DN_LEN], k_nd[AIOT_KDF_OUT_LEN];
	struct aiot_nas_msg m, req, rsp = { .type = AIOT_NAS_MT_SOL9_CMD_RSP };
	unsigned int off, end, mac, integ;
	int n, err, derr;

	if (aiot_nas_decode(hr->pdu, len, &m) || m.type != AIOT_NAS_MT_SOL9_CMD_REQ)
		return 0;
	off = m.payload - hr->pdu;
	integ = m.policy & AIOT_SOL9_POL_INT_MASK;
	mac = integ == AIOT_SOL9_POL_INT_NONE ? 0 : AIOT_SOL9_MAC_LEN;
	end = len - mac;
	if (aiot_sol9_policy_check(dev->sec_config, m.policy))
		return 0;	/* refused before any cryptography */
	if (integ == AIOT_SOL9_POL_INT_MESSAGE)
		hwsim_count(dev, 0, hwsim_aes_nia2(AIOT_SOL9_NN_LEN +
				     DIV_ROUND_UP(pg.idf_bits, 8) + end), nj);
	else if (integ == AIOT_SOL9_POL_INT_PAYLOAD)
		hwsim_count(dev, 0, hwsim_aes_nia2(end - off), nj);
	n = aiot_sol9_req_open(hr->sec, hr->s9_kn, dev->sec_config, m.policy, &pg,
			       hr->pdu, off, len);
	if (n == -EBADMSG || n == -EACCES || n == -EPROTO)
		return 0;
	if (n < 0)
		return n;
	if (m.policy & AIOT_SOL9_POL_CIPHER)
		hwsim_count(dev, 0, hwsim_aes_nea2(end - off), nj);
	derr = aiot_nas_decode_payload(hr->pdu + off, n - off, &req);
	if (derr == -ENOMSG || !aiot_nas_is_request(req.type))
		return -ENOMSG;
	n = hwsim_execute(hr, dev, &req, derr);
	if (n < 1)
		return n < 0 ? n : -EPROTO;
	/* the plain response without its security header type is the payload */
	memcpy(payload, hr->rsp + 1, n - 1);
	prandom_bytes_state(&hr->rnd, dn, sizeof(dn));
	rsp.policy = m.policy;
	rsp.nonce = dn;
	rsp.payload = payload;
	rsp.payload_len = n - 1;
	n = aiot_nas_encode(&rsp, hr->rsp, sizeof(hr->rsp));
	if (n < 0)
		return n;
	end = n - mac;
	hwsim_count(dev, 1, 0, nj);
	err = aiot_sol9_k_nd(dev->k_root, hr->s9_nn, dn, k_nd);
	if (!err)
		n = aiot_sol9_rsp_seal(hr->sec, k_nd, m.policy, hr->s9_nn, hr->rsp,
				       HWSIM9_HDR_LEN, end, sizeof(hr->rsp));
	memzero_explicit(k_nd, sizeof(k_nd));
	if (err)
		return err;
	if (n < 0)
		return n;
	if (m.policy & AIOT_SOL9_POL_CIPHER)
		hwsim_count(dev, 0, hwsim_aes_nea2(end - HWSIM9_HDR_LEN), nj);
	if (integ == AIOT_SOL9_POL_INT_MESSAGE)
		hwsim_count(dev, 0, hwsim_aes_nia2(AIOT_SOL9_NN_LEN + end), nj);
	else if (integ == AIOT_SOL9_POL_INT_PAYLOAD)
		hwsim_count(dev, 0, hwsim_aes_nia2(end - HWSIM9_HDR_LEN), nj);
	return n;
}
