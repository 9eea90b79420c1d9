// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: aiot_hwsim's simulated devices against the real reader engines of
 * aiot.ko (inventory and command relay): every device found once, RES_AIOT
 * as the key rule says, Read / Write / Disable under K_Command_enc/int,
 * each integrity-failure policy, collisions and bit errors, energy, unplug.
 */
#include <kunit/test.h>
#include <linux/bitmap.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include <net/aiot.h>

#include "aiot_core.h"
#include "command.h"
#include "hwsim/hwsim.h"
#include "inventory.h"
#include "nas.h"
#include "sec.h"

MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);

#define BASE_ID		0xa1070000U
#define MAX_DEVS	2048

static const u8 test_seed[] = "hwsim-kunit-seed";
static const u8 test_rand_n[AIOT_RAND_N_LEN] = {
	0x52, 0x41, 0x4e, 0x44, 0x5f, 0x6e, 0x30, 0x31,
};

struct hw_fx {
	struct kunit *test;
	struct hwsim_reader *hr;
	struct aiot_inv_job *job;
	unsigned long found[BITS_TO_LONGS(MAX_DEVS)];
	u8 rand_d[MAX_DEVS][AIOT_RAND_D_LEN];
	unsigned int dups, phantoms, bad_nas, bad_res, reports;
	unsigned int unplug_after;
	struct aiot_cmd_req *req;
	struct aiot_cmd_result *res;
	u8 *buf;	/* linear memory for the security engine */
	struct aiot_sec_ctx *ctx;
};

/* A 32-bit identity into @id[0..3]. */
static void id_of(u32 n, u8 *id)
{
	id[0] = n >> 24;
	id[1] = n >> 16;
	id[2] = n >> 8;
	id[3] = n;
}

/* The key rule, written out from <aiot/hwsim_values.h>, not hwsim's code. */
static void expected_k_root(struct kunit *test, u32 n, u8 *k_root)
{
	u8 data[AIOT_HWSIM_KEY_LABEL_LEN + 1 + 4], mac[AIOT_KDF_OUT_LEN];

	memcpy(data, "aiot-hwsim-key", AIOT_HWSIM_KEY_LABEL_LEN);
	data[AIOT_HWSIM_KEY_LABEL_LEN] = 32;
	id_of(n, data + AIOT_HWSIM_KEY_LABEL_LEN + 1);
	KUNIT_ASSERT_EQ(test, aiot_hmac_sha256(test_seed, sizeof(test_seed) - 1,
					       data, sizeof(data), mac), 0);
	memcpy(k_root, mac, AIOT_K_ROOT_LEN);
}

static void fx_device(struct aiot_inv_job *job, const struct aiot_inv_dev *dev,
		      const u8 *nas, unsigned int nas_bits)
{
	struct hw_fx *fx = job->priv;
	u8 k_root[AIOT_K_ROOT_LEN], res[AIOT_RES_LEN];
	struct aiot_nas_msg m;
	u32 n;

	fx->reports++;
	if (nas_bits % 8 || aiot_nas_decode(nas, nas_bits / 8, &m) ||
	    m.type != AIOT_NAS_MT_INVENTORY_RSP || m.id_bits != 32 ||
	    m.id_type != AIOT_ID_PERMANENT) {
		fx->bad_nas++;
		return;
	}
	n = (u32)m.id[0] << 24 | m.id[1] << 16 | m.id[2] << 8 | m.id[3];
	if (n < BASE_ID || n - BASE_ID >= MAX_DEVS) {
		fx->phantoms++;
		return;
	}
	expected_k_root(fx->test, n, k_root);
	if (aiot_res_aiot(k_root, test_rand_n, m.rand_d, res) ||
	    memcmp(res, m.res, AIOT_RES_LEN))
		fx->bad_res++;
	memcpy(fx->rand_d[n - BASE_ID], m.rand_d, AIOT_RAND_D_LEN);
	if (test_and_set_bit(n - BASE_ID, fx->found))
		fx->dups++;
	if (fx->unplug_after && fx->reports == fx->unplug_after)
		hwsim_reader_unplug(fx->hr);
}

static const struct aiot_inv_events fx_events = { .device = fx_device };

static int hw_init(struct kunit *test)
{
	struct hw_fx *fx = kunit_kzalloc(test, sizeof(*fx), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, fx);
	fx->test = test;
	fx->job = kunit_kzalloc(test, sizeof(*fx->job), GFP_KERNEL);
	fx->req = kunit_kzalloc(test, sizeof(*fx->req), GFP_KERNEL);
	fx->res = kunit_kzalloc(test, sizeof(*fx->res), GFP_KERNEL);
	fx->buf = kunit_kzalloc(test, AIOT_NAS_MAX_LEN, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, fx->job);
	KUNIT_ASSERT_NOT_NULL(test, fx->req);
	KUNIT_ASSERT_NOT_NULL(test, fx->res);
	KUNIT_ASSERT_NOT_NULL(test, fx->buf);
	fx->ctx = aiot_sec_ctx_alloc(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, fx->ctx);
	fx->hr = hwsim_reader_new(0, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(fx->hr));
	/* the same random numbers in every run */
	hwsim_medium_set(fx->hr, 0, false, false, 0x68777369ULL);
	test->priv = fx;
	return 0;
}

static void hw_exit(struct kunit *test)
{
	struct hw_fx *fx = test->priv;

	if (!fx)
		return;
	aiot_inv_job_release(fx->job);
	if (!IS_ERR_OR_NULL(fx->hr))
		hwsim_reader_destroy(fx->hr);
	aiot_sec_ctx_free(fx->ctx);
}

static void add_pop(struct kunit *test, u32 count, u8 policy, u32 energy)
{
	struct hw_fx *fx = test->priv;
	struct hwsim_pop_cfg cfg = {
		.count = count, .id_bits = 32, .seed_len = sizeof(test_seed) - 1,
		.policy = policy, .energy = energy, .mem_len = AIOT_HWSIM_USER_MEM_LEN,
	};

	id_of(BASE_ID, cfg.id);
	memcpy(cfg.seed, test_seed, cfg.seed_len);
	KUNIT_ASSERT_EQ(test, hwsim_pop_add(fx->hr, &cfg, NULL), 0);
}

/* One inventory over the real engine; @filter_bits > 0 pages by filter. */
static enum aiot_inv_end_cause inventory(struct kunit *test, unsigned int filter_bits)
{
	struct hw_fx *fx = test->priv;
	struct aiot_inv_cfg cfg = { .ac.algo = AIOT_AC_ML, .rand_len = AIOT_RAND_N_LEN };

	memcpy(cfg.rand, test_rand_n, AIOT_RAND_N_LEN);
	if (filter_bits) {
		cfg.id_type = AIOT_ID_FILTER;
		cfg.id_bits = filter_bits;
		id_of(BASE_ID, cfg.id);
	}
	bitmap_zero(fx->found, MAX_DEVS);
	fx->reports = 0;
	aiot_inv_job_release(fx->job);
	KUNIT_EXPECT_EQ(test, aiot_inv_job_init(fx->job, hwsim_reader_aiot(fx->hr),
						&cfg, &fx_events), 0);
	fx->job->priv = fx;
	return aiot_inv_run(fx->job);
}

static void expect_clean(struct kunit *test)
{
	struct hw_fx *fx = test->priv;

	KUNIT_EXPECT_EQ(test, fx->dups, 0U);
	KUNIT_EXPECT_EQ(test, fx->phantoms, 0U);
	KUNIT_EXPECT_EQ(test, fx->bad_nas, 0U);
	KUNIT_EXPECT_EQ(test, fx->bad_res, 0U);
}

/* 300 devices: each found exactly once, with a RES_AIOT of the key rule. */
static void hw_inventory_all(struct kunit *test)
{
	struct hw_fx *fx = test->priv;

	add_pop(test, 300, 0, AIOT_HWSIM_ENERGY_UNLIMITED);
	KUNIT_EXPECT_EQ(test, inventory(test, 0), AIOT_INV_END_COMPLETE);
	KUNIT_EXPECT_EQ(test, bitmap_weight(fx->found, MAX_DEVS), 300U);
	KUNIT_EXPECT_EQ(test, fx->job->stats.devices, 300U);
	expect_clean(test);
	/* the medium's air time is the engine's, frame for frame */
	KUNIT_EXPECT_EQ(test, fx->hr->stats.air_us, fx->job->stats.air.air_us);
	KUNIT_EXPECT_EQ(test, fx->hr->stats.r2d_frames, fx->job->stats.air.r2d_frames);
	/* no capture, no bit errors: the collisions the engine saw are ours */
	KUNIT_EXPECT_EQ(test, fx->hr->stats.collisions, fx->job->stats.collisions);
	KUNIT_EXPECT_GT(test, fx->hr->stats.collisions, 0ULL);
	/* and so are the frames (rounds) */
	KUNIT_EXPECT_EQ(test, fx->hr->stats.frames, fx->job->stats.frames);
	kunit_info(test, "300 devices: %llu slots, %llu collisions, %llu us of air",
		   fx->job->stats.slots, fx->job->stats.collisions,
		   fx->job->stats.air.air_us);
}

/* A filter pages the devices whose identity starts with it, no other. */
static void hw_inventory_filter(struct kunit *test)
{
	struct hw_fx *fx = test->priv;

	add_pop(test, 64, 0, AIOT_HWSIM_ENERGY_UNLIMITED);
	KUNIT_EXPECT_EQ(test, inventory(test, 28), AIOT_INV_END_COMPLETE);
	KUNIT_EXPECT_EQ(test, bitmap_weight(fx->found, MAX_DEVS), 16U);
	KUNIT_EXPECT_EQ(test, find_first_zero_bit(fx->found, MAX_DEVS), 16UL);
	expect_clean(test);
}

/* Identities that exist already, or beyond their bit length, are refused. */
static void hw_pop_refused(struct kunit *test)
{
	struct hw_fx *fx = test->priv;
	struct hwsim_pop_cfg cfg = { .count = 10, .id_bits = 8, .seed_len = 1,
				     .mem_len = AIOT_HWSIM_USER_MEM_LEN };

	add_pop(test, 10, 0, AIOT_HWSIM_ENERGY_UNLIMITED);
	id_of(BASE_ID + 9, cfg.id);
	cfg.id_bits = 32;
	KUNIT_EXPECT_EQ(test, hwsim_pop_add(fx->hr, &cfg, NULL), -EEXIST);
	cfg.id_bits = 8;
	cfg.id[0] = 0xf8;	/* 0xf8 + 9 > 0xff */
	KUNIT_EXPECT_EQ(test, hwsim_pop_add(fx->hr, &cfg, NULL), -ERANGE);
	cfg.id[0] = 0xf6;
	KUNIT_EXPECT_EQ(test, hwsim_pop_add(fx->hr, &cfg, NULL), 0);
	KUNIT_EXPECT_EQ(test, fx->hr->n_devs, 20U);
}

/* Seal @plain_len octets in fx->buf with the keys of device @n; 0 or -errno. */
static int seal_for(struct kunit *test, u32 n, unsigned int plain_len, bool cipher,
		    bool wrong_key)
{
	struct hw_fx *fx = test->priv;
	u8 k_root[AIOT_K_ROOT_LEN], k_aiotf[AIOT_K_AIOTF_LEN];
	u8 k_enc[AIOT_SEC_KEY_LEN], k_int[AIOT_SEC_KEY_LEN];
	int len;

	expected_k_root(test, n, k_root);
	if (wrong_key)
		k_root[0] ^= 1;
	KUNIT_ASSERT_EQ(test, aiot_k_aiotf(k_root, test_rand_n, fx->rand_d[n - BASE_ID],
					   k_aiotf), 0);
	KUNIT_ASSERT_EQ(test, aiot_k_command(k_aiotf, k_enc, k_int), 0);
	KUNIT_ASSERT_EQ(test, aiot_sec_ctx_set_keys(fx->ctx, k_enc, k_int), 0);
	len = aiot_nas_seal(fx->ctx, AIOT_NAS_DIR_R2D, cipher, fx->buf, plain_len,
			    AIOT_NAS_MAX_LEN);
	KUNIT_ASSERT_GT(test, len, 0);
	fx->req->id_type = AIOT_ID_PERMANENT;
	fx->req->id_bits = 32;
	id_of(n, fx->req->id);
	fx->req->as_id = 7;
	fx->req->attempts = 3;
	fx->req->nas_bits = len * 8;
	memcpy(fx->req->nas, fx->buf, len);
	return aiot_cmd_run(hwsim_reader_aiot(fx->hr), fx->req, fx->res);
}

/* Send a plain request to device @n; open its response into @rsp. */
static void command(struct kunit *test, u32 n, const struct aiot_nas_msg *req,
		    bool cipher, struct aiot_nas_msg *rsp)
{
	struct hw_fx *fx = test->priv;
	int len;

	len = aiot_nas_encode(req, fx->buf, AIOT_NAS_MAX_LEN);
	KUNIT_ASSERT_GT(test, len, 0);
	KUNIT_ASSERT_EQ(test, seal_for(test, n, len, cipher, false), 0);
	KUNIT_ASSERT_EQ(test, fx->res->outcome, AIOT_CMD_OUTCOME_NAS_RESPONSE);
	KUNIT_ASSERT_EQ(test, fx->res->rsp_bits % 8, 0);
	len = fx->res->rsp_bits / 8;
	KUNIT_ASSERT_LE(test, len, AIOT_NAS_MAX_LEN);
	memcpy(fx->buf, fx->res->rsp, len);
	/* the answer is protected as the request was */
	KUNIT_EXPECT_EQ(test, fx->buf[0], cipher ? AIOT_NAS_SHT_INTEGRITY_CIPHERED :
						   AIOT_NAS_SHT_INTEGRITY);
	len = aiot_nas_open(fx->ctx, AIOT_NAS_DIR_D2R, fx->buf, len);
	KUNIT_ASSERT_GT(test, len, 0);
	KUNIT_ASSERT_EQ(test, aiot_nas_decode(fx->buf, len, rsp), 0);
}

/* Write, Read back, Disable: through the real command engine. */
static void hw_command_round_trip(struct kunit *test)
{
	static const u8 data[] = { 0xde, 0xad, 0xbe, 0xef, 0x01, 0x02, 0x03, 0x04 };
	struct hw_fx *fx = test->priv;
	struct aiot_nas_msg req = {}, rsp;
	u8 got[sizeof(data)];
	struct hwsim_dev *dev;
	u8 id[AIOT_ID_MAX_OCTETS];
	u64 aes;

	add_pop(test, 5, 0, AIOT_HWSIM_ENERGY_UNLIMITED);
	KUNIT_ASSERT_EQ(test, inventory(test, 0), AIOT_INV_END_COMPLETE);
	KUNIT_ASSERT_EQ(test, bitmap_weight(fx->found, MAX_DEVS), 5U);

	req.type = AIOT_NAS_MT_WRITE_REQ;
	req.offset = 4;
	req.data = data;
	req.data_len = sizeof(data);
	command(test, BASE_ID + 2, &req, true, &rsp);
	KUNIT_EXPECT_EQ(test, rsp.type, AIOT_NAS_MT_WRITE_RSP);
	KUNIT_EXPECT_EQ(test, rsp.status, AIOT_NAS_STATUS_SUCCESS);

	memset(&req, 0, sizeof(req));
	req.type = AIOT_NAS_MT_READ_REQ;
	req.offset = 4;
	req.length = sizeof(data);
	command(test, BASE_ID + 2, &req, false, &rsp);
	KUNIT_EXPECT_EQ(test, rsp.type, AIOT_NAS_MT_READ_RSP);
	KUNIT_EXPECT_EQ(test, rsp.status, AIOT_NAS_STATUS_SUCCESS);
	KUNIT_ASSERT_EQ(test, rsp.data_len, sizeof(data));
	memcpy(got, rsp.data, sizeof(got));
	KUNIT_EXPECT_EQ(test, memcmp(got, data, sizeof(data)), 0);

	req.offset = AIOT_HWSIM_USER_MEM_LEN - 2;	/* beyond the end */
	command(test, BASE_ID + 2, &req, true, &rsp);
	KUNIT_EXPECT_EQ(test, rsp.status, AIOT_NAS_STATUS_OUT_OF_RANGE);

	/* the device counted its AES blocks: MACs and keystream both ways */
	id_of(BASE_ID + 2, id);
	mutex_lock(&fx->hr->lock);
	dev = hwsim_dev_find(fx->hr, id, 32);
	aes = dev ? dev->aes_blocks : 0;
	mutex_unlock(&fx->hr->lock);
	/*
	 * ciphered Write of 8 octets: 3 + 1 (12 octets plain), response 2 + 1;
	 * plain Read of 8: 2, response (11 octets) 3; ciphered Read out of
	 * range: 2 + 1, response (3 octets) 2 + 1: the rule of hwsim.rst
	 */
	KUNIT_EXPECT_EQ(test, aes, 18ULL);

	memset(&req, 0, sizeof(req));
	req.type = AIOT_NAS_MT_DISABLE_REQ;
	command(test, BASE_ID + 2, &req, true, &rsp);
	KUNIT_EXPECT_EQ(test, rsp.type, AIOT_NAS_MT_DISABLE_RSP);
	KUNIT_EXPECT_EQ(test, rsp.status, AIOT_NAS_STATUS_SUCCESS);

	/* disabled: never answers again, neither paging nor commands */
	KUNIT_EXPECT_EQ(test, inventory(test, 0), AIOT_INV_END_COMPLETE);
	KUNIT_EXPECT_EQ(test, bitmap_weight(fx->found, MAX_DEVS), 4U);
	KUNIT_EXPECT_FALSE(test, test_bit(2, fx->found));
	memset(&req, 0, sizeof(req));
	req.type = AIOT_NAS_MT_READ_REQ;
	req.length = 1;
	KUNIT_ASSERT_GT(test, aiot_nas_encode(&req, fx->buf, AIOT_NAS_MAX_LEN), 0);
	KUNIT_EXPECT_EQ(test, seal_for(test, BASE_ID + 2, 6, true, false), 0);
	KUNIT_EXPECT_EQ(test, fx->res->outcome, AIOT_CMD_OUTCOME_NO_RESPONSE);
	expect_clean(test);
}

/* A Write and a Read longer than one segment, both ways. */
static void hw_segmented_command(struct kunit *test)
{
	struct hw_fx *fx = test->priv;
	struct hwsim_pop_cfg cfg = { .count = 3, .id_bits = 32,
				     .seed_len = sizeof(test_seed) - 1,
				     .energy = AIOT_HWSIM_ENERGY_UNLIMITED,
				     .mem_len = AIOT_HWSIM_USER_MEM_MAX };
	struct aiot_nas_msg req = {}, rsp;
	u8 *data = kunit_kzalloc(test, 200, GFP_KERNEL);
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, data);
	for (i = 0; i < 200; i++)
		data[i] = i * 7 + 3;
	id_of(BASE_ID, cfg.id);
	memcpy(cfg.seed, test_seed, cfg.seed_len);
	KUNIT_ASSERT_EQ(test, hwsim_pop_add(fx->hr, &cfg, NULL), 0);
	KUNIT_ASSERT_EQ(test, inventory(test, 0), AIOT_INV_END_COMPLETE);

	req.type = AIOT_NAS_MT_WRITE_REQ;
	req.offset = 20;
	req.data = data;
	req.data_len = 200;
	command(test, BASE_ID + 1, &req, true, &rsp);
	KUNIT_EXPECT_EQ(test, rsp.status, AIOT_NAS_STATUS_SUCCESS);
	KUNIT_EXPECT_GT(test, (unsigned int)fx->req->nas_bits, (unsigned int)AIOT_SEG_MAX_BITS);

	memset(&req, 0, sizeof(req));
	req.type = AIOT_NAS_MT_READ_REQ;
	req.offset = 20;
	req.length = 200;
	command(test, BASE_ID + 1, &req, true, &rsp);
	KUNIT_EXPECT_EQ(test, rsp.status, AIOT_NAS_STATUS_SUCCESS);
	KUNIT_EXPECT_GT(test, (unsigned int)fx->res->rsp_bits, (unsigned int)AIOT_SEG_MAX_BITS);
	KUNIT_ASSERT_EQ(test, rsp.data_len, 200);
	KUNIT_EXPECT_EQ(test, memcmp(rsp.data, data, 200), 0);
	/* paging, the request, the second response segment asked for, the ack */
	KUNIT_EXPECT_EQ(test, fx->res->air.r2d_frames, 4ULL);
	KUNIT_EXPECT_EQ(test, fx->res->air.d2r_frames, 2ULL);
}

static const u8 policies[] = {
	AIOT_HWSIM_POLICY_SILENT,
	AIOT_HWSIM_POLICY_AS_INDICATION,
	AIOT_HWSIM_POLICY_AS_INDICATION_CAUSE,
};

static void policy_desc(const u8 *p, char *desc)
{
	static const char * const names[] = { "silent", "as-indication",
					      "as-indication-cause" };

	strscpy(desc, names[*p], KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(policy, policies, policy_desc);

/* A command under a wrong key: the device follows its policy. */
static void hw_integrity_policy(struct kunit *test)
{
	u8 policy = *(const u8 *)test->param_value;
	struct hw_fx *fx = test->priv;
	struct aiot_nas_msg req = { .type = AIOT_NAS_MT_READ_REQ, .length = 4 };

	add_pop(test, 3, policy, AIOT_HWSIM_ENERGY_UNLIMITED);
	KUNIT_ASSERT_EQ(test, inventory(test, 0), AIOT_INV_END_COMPLETE);
	KUNIT_ASSERT_EQ(test, aiot_nas_encode(&req, fx->buf, AIOT_NAS_MAX_LEN), 6);
	KUNIT_ASSERT_EQ(test, seal_for(test, BASE_ID + 1, 6, true, true), 0);
	switch (policy) {
	case AIOT_HWSIM_POLICY_SILENT:
		KUNIT_EXPECT_EQ(test, fx->res->outcome, AIOT_CMD_OUTCOME_NO_RESPONSE);
		KUNIT_EXPECT_EQ(test, fx->res->attempts, 3);
		break;
	case AIOT_HWSIM_POLICY_AS_INDICATION:
		KUNIT_EXPECT_EQ(test, fx->res->outcome, AIOT_CMD_OUTCOME_AS_INDICATION);
		KUNIT_EXPECT_EQ(test, fx->res->cause, AIOT_NNR_NONE);
		KUNIT_EXPECT_EQ(test, fx->res->attempts, 1);
		break;
	default:
		KUNIT_EXPECT_EQ(test, fx->res->outcome, AIOT_CMD_OUTCOME_AS_INDICATION);
		KUNIT_EXPECT_EQ(test, fx->res->cause, AIOT_NNR_INTEGRITY);
		KUNIT_EXPECT_EQ(test, fx->res->attempts, 1);
		break;
	}
	/* the right key still works afterwards */
	KUNIT_ASSERT_EQ(test, aiot_nas_encode(&req, fx->buf, AIOT_NAS_MAX_LEN), 6);
	KUNIT_ASSERT_EQ(test, seal_for(test, BASE_ID + 1, 6, true, false), 0);
	KUNIT_EXPECT_EQ(test, fx->res->outcome, AIOT_CMD_OUTCOME_NAS_RESPONSE);
}

/* A well-protected message of a type the device does not know. */
static void hw_unknown_message(struct kunit *test)
{
	struct hw_fx *fx = test->priv;
	struct aiot_nas_msg req = { .type = AIOT_NAS_MT_READ_REQ, .length = 4 };

	add_pop(test, 2, AIOT_HWSIM_POLICY_SILENT, AIOT_HWSIM_ENERGY_UNLIMITED);
	KUNIT_ASSERT_EQ(test, inventory(test, 0), AIOT_INV_END_COMPLETE);
	KUNIT_ASSERT_EQ(test, aiot_nas_encode(&req, fx->buf, AIOT_NAS_MAX_LEN), 6);
	fx->buf[1] = 0x7e;
	KUNIT_ASSERT_EQ(test, seal_for(test, BASE_ID, 6, false, false), 0);
	KUNIT_EXPECT_EQ(test, fx->res->outcome, AIOT_CMD_OUTCOME_AS_INDICATION);
	KUNIT_EXPECT_EQ(test, fx->res->cause, AIOT_NNR_UNKNOWN_MSG);
}

/* Bit errors: retries, never a duplicate or a phantom; all still found. */
static void hw_bit_errors(struct kunit *test)
{
	struct hw_fx *fx = test->priv;

	add_pop(test, 200, 0, AIOT_HWSIM_ENERGY_UNLIMITED);
	hwsim_medium_set(fx->hr, 1000, false, false, 0x42455221ULL);
	KUNIT_EXPECT_EQ(test, inventory(test, 0), AIOT_INV_END_COMPLETE);
	KUNIT_EXPECT_EQ(test, bitmap_weight(fx->found, MAX_DEVS), 200U);
	expect_clean(test);
	KUNIT_EXPECT_GT(test, fx->hr->stats.ber_frames, 10ULL);
	KUNIT_EXPECT_GT(test, fx->job->stats.msg3_lost + fx->job->stats.collisions,
			fx->hr->stats.collisions);
	kunit_info(test, "%llu frames hit by bit errors, %llu Msg3 lost",
		   fx->hr->stats.ber_frames, fx->job->stats.msg3_lost);
}

/* Capture: some collisions still deliver the strongest Msg1. */
static void hw_capture(struct kunit *test)
{
	struct hw_fx *fx = test->priv;

	add_pop(test, 300, 0, AIOT_HWSIM_ENERGY_UNLIMITED);
	hwsim_medium_set(fx->hr, 0, true, false, 0x43415054ULL);
	KUNIT_EXPECT_EQ(test, inventory(test, 0), AIOT_INV_END_COMPLETE);
	KUNIT_EXPECT_EQ(test, bitmap_weight(fx->found, MAX_DEVS), 300U);
	expect_clean(test);
	KUNIT_EXPECT_GT(test, fx->hr->stats.captures, 0ULL);
	KUNIT_EXPECT_EQ(test, fx->hr->stats.collisions - fx->hr->stats.captures,
			fx->job->stats.collisions);
}

/* Fault injection: dropped and corrupted D2R frames are retried. */
static void hw_faults(struct kunit *test)
{
	struct hw_fx *fx = test->priv;

	add_pop(test, 50, 0, AIOT_HWSIM_ENERGY_UNLIMITED);
	atomic_set(&fx->hr->drop_next, 5);
	atomic_set(&fx->hr->corrupt_next, 5);
	KUNIT_EXPECT_EQ(test, inventory(test, 0), AIOT_INV_END_COMPLETE);
	KUNIT_EXPECT_EQ(test, bitmap_weight(fx->found, MAX_DEVS), 50U);
	expect_clean(test);
	KUNIT_EXPECT_EQ(test, fx->hr->stats.dropped, 5ULL);
	KUNIT_EXPECT_EQ(test, fx->hr->stats.corrupted, 5ULL);
}

/* Out of energy: no Msg1 at all, or no command response. */
static void hw_energy(struct kunit *test)
{
	struct hw_fx *fx = test->priv;
	struct aiot_nas_msg req = { .type = AIOT_NAS_MT_READ_REQ, .length = 4 };
	u8 id[AIOT_ID_MAX_OCTETS];
	struct hwsim_dev *dev;
	u8 state = 0;

	add_pop(test, 10, 0, AIOT_HWSIM_ENERGY_UNLIMITED);
	id_of(BASE_ID + 3, id);
	mutex_lock(&fx->hr->lock);
	dev = hwsim_dev_find(fx->hr, id, 32);
	if (dev)	/* less than a Msg1 costs */
		hwsim_dev_set_energy(fx->hr, dev, 1000);
	mutex_unlock(&fx->hr->lock);
	KUNIT_ASSERT_NOT_NULL(test, dev);
	KUNIT_EXPECT_EQ(test, inventory(test, 0), AIOT_INV_END_COMPLETE);
	KUNIT_EXPECT_EQ(test, bitmap_weight(fx->found, MAX_DEVS), 9U);
	KUNIT_EXPECT_FALSE(test, test_bit(3, fx->found));
	mutex_lock(&fx->hr->lock);
	state = dev->state;
	mutex_unlock(&fx->hr->lock);
	KUNIT_EXPECT_EQ(test, state, AIOT_HWSIM_DEV_STATE_NO_ENERGY);
	KUNIT_EXPECT_EQ(test, fx->hr->stats.energy_outs, 1ULL);

	/* enough to hear a command, not to answer it */
	id_of(BASE_ID + 4, id);
	mutex_lock(&fx->hr->lock);
	dev = hwsim_dev_find(fx->hr, id, 32);
	if (dev)
		hwsim_dev_set_energy(fx->hr, dev, 20000);
	mutex_unlock(&fx->hr->lock);
	KUNIT_ASSERT_EQ(test, aiot_nas_encode(&req, fx->buf, AIOT_NAS_MAX_LEN), 6);
	KUNIT_ASSERT_EQ(test, seal_for(test, BASE_ID + 4, 6, true, false), 0);
	KUNIT_EXPECT_EQ(test, fx->res->outcome, AIOT_CMD_OUTCOME_NO_RESPONSE);
	KUNIT_EXPECT_EQ(test, fx->hr->stats.energy_outs, 2ULL);
}

/* The reader is unplugged in the middle of an inventory. */
static void hw_unplug(struct kunit *test)
{
	struct hw_fx *fx = test->priv;

	add_pop(test, 30, 0, AIOT_HWSIM_ENERGY_UNLIMITED);
	/* in real time, so that the unplug lands in the middle */
	hwsim_medium_set(fx->hr, 0, false, true, 0x554e504cULL);
	fx->unplug_after = 3;
	KUNIT_EXPECT_EQ(test, inventory(test, 0), AIOT_INV_END_READER_GONE);
	hwsim_flush();
	fx->hr = NULL;	/* destroyed by the unplug */
	KUNIT_EXPECT_GE(test, fx->reports, 3U);
	KUNIT_EXPECT_LT(test, fx->reports, 30U);
}

/* Populations added in steps: the identity hash grows, nobody is lost. */
static void hw_growing_population(struct kunit *test)
{
	struct hw_fx *fx = test->priv;
	struct hwsim_pop_cfg cfg = { .id_bits = 32, .seed_len = sizeof(test_seed) - 1,
				     .energy = AIOT_HWSIM_ENERGY_UNLIMITED,
				     .mem_len = AIOT_HWSIM_USER_MEM_LEN };
	static const u32 steps[] = { 10, 1100, 390 };
	u8 id[AIOT_ID_MAX_OCTETS] = {};
	unsigned int k, order;
	u32 at = 0, i, missing = 0;

	memcpy(cfg.seed, test_seed, cfg.seed_len);
	for (k = 0; k < ARRAY_SIZE(steps); k++) {
		cfg.count = steps[k];
		id_of(BASE_ID + at, cfg.id);
		KUNIT_ASSERT_EQ(test, hwsim_pop_add(fx->hr, &cfg, NULL), 0);
		at += steps[k];
	}
	mutex_lock(&fx->hr->lock);
	order = fx->hr->ids_order;
	for (i = 0; i < at; i++) {
		id_of(BASE_ID + i, id);
		missing += !hwsim_dev_find(fx->hr, id, 32);
	}
	id_of(BASE_ID + at, id);
	missing += !!hwsim_dev_find(fx->hr, id, 32);
	mutex_unlock(&fx->hr->lock);
	KUNIT_EXPECT_EQ(test, missing, 0U);
	KUNIT_EXPECT_EQ(test, order, 11U);	/* 1500 devices, 2048 buckets */
	KUNIT_EXPECT_EQ(test, inventory(test, 0), AIOT_INV_END_COMPLETE);
	KUNIT_EXPECT_EQ(test, bitmap_weight(fx->found, MAX_DEVS), 1500U);
	expect_clean(test);
}

/*
 * The medium's lazy slot choice: the number of a slot's contenders is
 * B(n, 1/m). 20 000 samples per case; mean and variance within 5 standard
 * errors, P(0) too; too many per slot is left to the eager draw.
 */
static void hw_binomial(struct kunit *test)
{
	static const u32 cases[][2] = {
		{ 1, 2 }, { 3, 2 }, { 10, 40 }, { 100, 100 }, { 1000, 70 },
		{ 100000, 90000 }, { 60, 3 },
	};
	const u32 samples = 20000;
	struct rnd_state rnd;
	unsigned int c, i, zeros;

	prandom_seed_state(&rnd, 0x41494f54);
	for (c = 0; c < ARRAY_SIZE(cases); c++) {
		u32 n = cases[c][0], m = cases[c][1], k;
		u64 sum = 0, sq = 0, var, exp_var;
		s64 d, tol;

		for (i = 0, zeros = 0; i < samples; i++) {
			k = hwsim_binomial(&rnd, n, m);
			KUNIT_ASSERT_LE(test, k, n);
			sum += k;
			sq += (u64)k * k;
			zeros += !k;
		}
		/*
		 * mean n / m: sum m - samples n is within 5 standard errors,
		 * 5 sqrt(samples n (m - 1)) (plus m for the rounding)
		 */
		d = (s64)(sum * m) - (s64)samples * n;
		tol = 5 * (s64)int_sqrt64((u64)samples * n * (m - 1)) + m;
		KUNIT_EXPECT_LE_MSG(test, abs(d), tol, "B(%u, 1/%u): mean", n, m);
		/* variance n (m - 1) / m^2, both times samples, within 10 % */
		var = div_u64(sq * samples - sum * sum, samples);
		exp_var = div_u64(div_u64((u64)n * (m - 1) * samples, m), m);
		KUNIT_EXPECT_LE_MSG(test, abs((s64)var - (s64)exp_var),
				    (s64)div_u64(exp_var, 10) + 1,
				    "B(%u, 1/%u): variance", n, m);
		kunit_info(test, "B(%u, 1/%u): mean %llu/%u, P(0) %u/%u",
			   n, m, sum, samples, zeros, samples);
	}
	/* P(0) of B(1, 1/2) is 1/2: 10 000 of 20 000, within 5 sigma (354) */
	for (i = 0, zeros = 0; i < samples; i++)
		zeros += !hwsim_binomial(&rnd, 1, 2);
	KUNIT_EXPECT_LE(test, abs((int)zeros - 10000), 354);
	/* a mean of 625 per slot is the eager draw's, not the inversion's */
	KUNIT_EXPECT_EQ(test, hwsim_binomial(&rnd, 10000, 16), U32_MAX);
	KUNIT_EXPECT_NE(test, hwsim_binomial(&rnd, 160, 16), U32_MAX);
}

/* What one simulated device costs in memory. */
static void hw_device_size(struct kunit *test)
{
	size_t per = sizeof(struct hwsim_dev) + 2 * sizeof(struct hwsim_cont) + sizeof(u32) +
		     AIOT_HWSIM_USER_MEM_LEN;

	kunit_info(test, "simulated device: %zu bytes (%zu + contender arrays + user memory)",
		   per, sizeof(struct hwsim_dev));
	KUNIT_EXPECT_LE(test, per, (size_t)256);
}

static struct kunit_case aiot_hwsim_cases[] = {
	KUNIT_CASE(hw_growing_population),
	KUNIT_CASE(hw_device_size),
	KUNIT_CASE(hw_binomial),
	KUNIT_CASE(hw_inventory_all),
	KUNIT_CASE(hw_inventory_filter),
	KUNIT_CASE(hw_pop_refused),
	KUNIT_CASE(hw_command_round_trip),
	KUNIT_CASE(hw_segmented_command),
	KUNIT_CASE_PARAM(hw_integrity_policy, policy_gen_params),
	KUNIT_CASE(hw_unknown_message),
	KUNIT_CASE(hw_bit_errors),
	KUNIT_CASE(hw_capture),
	KUNIT_CASE(hw_faults),
	KUNIT_CASE(hw_energy),
	KUNIT_CASE(hw_unplug),
	{}
};

static struct kunit_suite aiot_hwsim_suite = {
	.name = "aiot_hwsim",
	.init = hw_init,
	.exit = hw_exit,
	.test_cases = aiot_hwsim_cases,
};

kunit_test_suite(aiot_hwsim_suite);

MODULE_DESCRIPTION("KUnit tests for aiot_hwsim against the aiot engines");
MODULE_LICENSE("GPL");
