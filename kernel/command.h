/* SPDX-License-Identifier: GPL-2.0 */
/*
 * aiot: relaying an AIoT NAS PDU to one device and collecting its answer.
 */
#ifndef _AIOT_COMMAND_H
#define _AIOT_COMMAND_H

#include <linux/types.h>
#include <linux/aiot.h>

#include "aiot_core.h"
#include "frame.h"

struct aiot_reader;

/**
 * struct aiot_cmd_req - one command to one device
 * @id_type: the device's identity type (permanent, T-ID, concealed T-ID)
 * @id_bits: length of @id in bits
 * @id: the identity, paged contention-free
 * @as_id: the AS ID the paging assigns
 * @txn: transaction id
 * @nas_bits: length of @nas in bits (1..AIOT_SDU_MAX_BITS)
 * @nas: the AIoT NAS PDU, relayed untouched
 * @attempts: transmissions of the PDU while the device stays silent (>= 1)
 */
struct aiot_cmd_req {
	u8 id_type;
	u16 id_bits;
	u8 id[AIOT_ID_MAX_OCTETS];
	u8 as_id;
	u8 txn;
	u16 nas_bits;
	u8 nas[(AIOT_SDU_MAX_BITS + 7) / 8];
	u8 attempts;
};

/**
 * struct aiot_cmd_result - the outcome of a command
 * @outcome: see &enum aiot_cmd_outcome (uapi; never FAILED here: the
 *	run returns an error instead)
 * @cause: of an AS indication: &enum aiot_nnr_cause (AIOT_NNR_NONE when
 *	the device gave none)
 * @attempts: transmissions of the PDU made
 * @rsp_bits: length of the NAS response
 * @rsp: the NAS response
 * @air: frames, bits and air time of the exchange
 */
struct aiot_cmd_result {
	enum aiot_cmd_outcome outcome;
	u8 cause;
	u8 attempts;
	u16 rsp_bits;
	u8 rsp[(AIOT_SDU_MAX_BITS + 7) / 8];
	struct aiot_air air;
};

int aiot_cmd_run(struct aiot_reader *r, const struct aiot_cmd_req *req,
		 struct aiot_cmd_result *res);

#endif /* _AIOT_COMMAND_H */
