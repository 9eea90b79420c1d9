/* SPDX-License-Identifier: GPL-2.0 */
/*
 * aiot: relaying an AIoT NAS PDU to one device and collecting its answer.
 */
#ifndef _AIOT_COMMAND_H
#define _AIOT_COMMAND_H

#include <linux/list.h>
#include <linux/types.h>
#include <linux/aiot.h>
#include <aiot/nas_values.h>

#include "aiot_core.h"
#include "frame.h"

struct aiot_reader;
struct aiot_sec_ctx;

/* Most security contexts one reader holds (offload mode). */
#define AIOT_CMD_SEC_MAX	4096

/**
 * struct aiot_cmd_sec - a security context installed for one device
 * @node: in the reader's table
 * @owner: netlink socket that installed it (port 0: none); freed when it
 *	closes
 * @id_type: the device's identity type
 * @id_bits: length of @id in bits
 * @id: the identity
 * @cipher: cipher with 128-NEA2, not only integrity protect
 * @ctx: K_Command_enc and K_Command_int
 *
 * A context serves one command (TS 33.369 5.3.2 NOTE 2: one command round
 * per K_AIOTF, COUNT is constant): the command that uses it takes it out
 * of the table and frees it, zeroised, when it ends.
 */
struct aiot_cmd_sec {
	struct hlist_node node;
	struct aiot_owner owner;
	u8 id_type;
	u16 id_bits;
	u8 id[AIOT_ID_MAX_OCTETS];
	bool cipher;
	struct aiot_sec_ctx *ctx;
};

/**
 * struct aiot_cmd_req - one command to one device
 * @id_type: the device's identity type (permanent, T-ID, concealed T-ID)
 * @id_bits: length of @id in bits
 * @id: the identity, paged contention-free
 * @as_id: the AS ID the paging assigns
 * @txn: transaction id
 * @rand_len: length of @rand, octets; 0: the paging carries none
 * @rand: a RAND the contention-free paging carries (solution-9's network
 *	nonce, Documentation/security-profiles.rst)
 * @nas_bits: length of @nas in bits (1..AIOT_SDU_MAX_BITS)
 * @nas: the AIoT NAS PDU, relayed untouched
 * @attempts: transmissions of the PDU while the device stays silent (>= 1)
 * @sec: offload mode: the device's security context, owned by the request;
 *	@nas is then a plain AIoT NAS request that the reader protects, and
 *	the response is verified and deciphered. NULL: relay untouched.
 */
struct aiot_cmd_req {
	u8 id_type;
	u16 id_bits;
	u8 id[AIOT_ID_MAX_OCTETS];
	u8 as_id;
	u8 txn;
	u8 rand_len;
	u8 rand[AIOT_RAND_MAX_OCTETS];
	u16 nas_bits;
	u8 nas[(AIOT_SDU_MAX_BITS + 7) / 8];
	u8 attempts;
	struct aiot_cmd_sec *sec;
};

/**
 * struct aiot_cmd_result - the outcome of a command
 * @outcome: see &enum aiot_cmd_outcome (uapi; never FAILED here: the
 *	run returns an error instead)
 * @cause: of an AS indication: &enum aiot_nnr_cause (AIOT_NNR_NONE when
 *	the device gave none)
 * @attempts: transmissions of the PDU made
 * @rsp_bits: length of the NAS response
 * @rsp: the NAS response (offload mode: the plain response when
 *	@sec is AIOT_CMD_SEC_VERIFIED, the received PDU otherwise)
 * @sec: &enum aiot_cmd_sec_result (uapi): what offload mode made of the response
 * @air: frames, bits and air time of the exchange
 */
struct aiot_cmd_result {
	enum aiot_cmd_outcome outcome;
	u8 cause;
	u8 attempts;
	u16 rsp_bits;
	u8 rsp[(AIOT_SDU_MAX_BITS + 7) / 8];
	u8 sec;
	struct aiot_air air;
};

int aiot_cmd_run(struct aiot_reader *r, const struct aiot_cmd_req *req,
		 struct aiot_cmd_result *res);

struct aiot_cmd_sec *aiot_cmd_sec_alloc(void);
void aiot_cmd_sec_free(struct aiot_cmd_sec *s);
int aiot_cmd_sec_install(struct aiot_reader *r, struct aiot_cmd_sec *s);
int aiot_cmd_sec_delete(struct aiot_reader *r, u8 id_type, u16 id_bits,
			const u8 *id);
struct aiot_cmd_sec *aiot_cmd_sec_take(struct aiot_reader *r, u8 id_type,
				       u16 id_bits, const u8 *id);
void aiot_cmd_sec_flush(struct aiot_reader *r, const struct aiot_owner *owner);
unsigned int aiot_cmd_sec_count(struct aiot_reader *r);

#endif /* _AIOT_COMMAND_H */
