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

/* The study profiles (Documentation/security-profiles.rst) */
#define BASE9_ID	0xa1090000U	/* solution-9 devices */
#define BASEY_ID	0xa10a0000U	/* solution-y devices */
#define BASE24_ID	0xa10b00U	/* devices with a 24-bit identity */
#define MAX_MSG3	16		/* Msg3s kept per inventory */
#define MAX_SNAP	64		/* devices whose work is followed */
#define NO_PROFILE	0xff		/* a profile no population has */
#define S9_REQ_HDR	3		/* SHT, type, policy of a 9 Command Request */
#define S9_HDR		(S9_REQ_HDR + AIOT_SOL9_DN_LEN)	/* and DN: the others */
#define Y_PR_OFF	(3 + AIOT_SOLY_NONCE1_LEN)	/* SHT, type, flags, nonce1 */
#define Y_ID_OFF	2		/* SHT, type of a Y Protected Identity */

static const u8 test_seed[] = "hwsim-kunit-seed";
static const u8 test_rand_n[AIOT_RAND_N_LEN] = {
	0x52, 0x41, 0x4e, 0x44, 0x5f, 0x6e, 0x30, 0x31,
};

/* What a device has spent so far */
struct dev_work {
	u64 kdf, aes, tx, rx;
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
	u8 *lin;	/* linear memory for the profiles' cryptography */
	u8 msg3[MAX_MSG3][AIOT_NAS_MAX_LEN];	/* a study profile's Msg3s */
	unsigned int msg3_len[MAX_MSG3];
	struct dev_work snap[MAX_SNAP];	/* work_snap() */
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
	fx->lin = kunit_kzalloc(test, AIOT_NAS_MAX_LEN, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, fx->job);
	KUNIT_ASSERT_NOT_NULL(test, fx->req);
	KUNIT_ASSERT_NOT_NULL(test, fx->res);
	KUNIT_ASSERT_NOT_NULL(test, fx->buf);
	KUNIT_ASSERT_NOT_NULL(test, fx->lin);
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
/*
 * The reader's verdict on a command the device refused under seed 000's
 * option @policy: silence through every transmission, or an AS indication
 * (without or with the integrity cause) to the first one.
 */
static void expect_policy_outcome(struct kunit *test, u8 policy)
{
	struct hw_fx *fx = test->priv;

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
}

static void hw_integrity_policy(struct kunit *test)
{
	u8 policy = *(const u8 *)test->param_value;
	struct hw_fx *fx = test->priv;
	struct aiot_nas_msg req = { .type = AIOT_NAS_MT_READ_REQ, .length = 4 };

	add_pop(test, 3, policy, AIOT_HWSIM_ENERGY_UNLIMITED);
	KUNIT_ASSERT_EQ(test, inventory(test, 0), AIOT_INV_END_COMPLETE);
	KUNIT_ASSERT_EQ(test, aiot_nas_encode(&req, fx->buf, AIOT_NAS_MAX_LEN), 6);
	KUNIT_ASSERT_EQ(test, seal_for(test, BASE_ID + 1, 6, true, true), 0);
	expect_policy_outcome(test, policy);
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

/* ---- The study profiles: populations, work, the AIOTF's side --------------- */

/*
 * The counting rule of Documentation/security-profiles.rst (Conventions),
 * written out here rather than taken from the device model: 128-NIA2 (and
 * NIA2-64) over n octets costs ceil((8 + n) / 16) + 1 AES blocks, 128-NEA2
 * over n octets ceil(n / 16). A KDF is counted apart.
 */
static u64 nia2_blocks(unsigned int n)
{
	return DIV_ROUND_UP(8 + n, 16) + 1;
}

static u64 nea2_blocks(unsigned int n)
{
	return DIV_ROUND_UP(n, 16);
}

static u32 id_num(const u8 *id)
{
	return (u32)id[0] << 24 | id[1] << 16 | id[2] << 8 | id[3];
}

/* Is @dev the device of 32-bit identity @n (0: none is)? */
static bool is_dev(const struct hwsim_dev *dev, u32 n)
{
	return n && dev->id_bits == 32 && id_num(dev->id) == n;
}

/* @count devices of @profile and @config from @base, @id_bits (24 or 32) long. */
static void add_study_pop(struct kunit *test, u32 base, u32 count, u8 id_bits,
			  u8 profile, u32 config, u8 policy)
{
	struct hw_fx *fx = test->priv;
	struct hwsim_pop_cfg cfg = {
		.count = count, .id_bits = id_bits, .profile = profile,
		.sec_config = config, .seed_len = sizeof(test_seed) - 1,
		.policy = policy, .energy = AIOT_HWSIM_ENERGY_UNLIMITED,
		.mem_len = AIOT_HWSIM_USER_MEM_LEN,
	};
	unsigned int i, octets = id_bits / 8;

	for (i = 0; i < octets; i++)
		cfg.id[i] = base >> (8 * (octets - 1 - i));
	memcpy(cfg.seed, test_seed, cfg.seed_len);
	KUNIT_ASSERT_EQ(test, hwsim_pop_add(fx->hr, &cfg, NULL), 0);
}

/* The device of 32-bit identity @n; it lives as long as the reader. */
static struct hwsim_dev *dev_of(struct kunit *test, u32 n)
{
	struct hw_fx *fx = test->priv;
	u8 id[AIOT_ID_MAX_OCTETS] = {};
	struct hwsim_dev *dev;

	id_of(n, id);
	mutex_lock(&fx->hr->lock);
	dev = hwsim_dev_find(fx->hr, id, 32);
	mutex_unlock(&fx->hr->lock);
	KUNIT_ASSERT_NOT_NULL(test, dev);
	return dev;
}

/* Device @n's user memory at @offset holds @want. */
static bool mem_is(struct kunit *test, u32 n, u16 offset, const u8 *want,
		   unsigned int len)
{
	struct hwsim_dev *dev = dev_of(test, n);
	struct hw_fx *fx = test->priv;
	bool same;

	mutex_lock(&fx->hr->lock);
	same = !memcmp(dev->mem + offset, want, len);
	mutex_unlock(&fx->hr->lock);
	return same;
}

/* The first @len octets of device @n's user memory at @out. */
static void mem_get(struct kunit *test, u32 n, u8 *out, unsigned int len)
{
	struct hwsim_dev *dev = dev_of(test, n);
	struct hw_fx *fx = test->priv;

	mutex_lock(&fx->hr->lock);
	memcpy(out, dev->mem, len);
	mutex_unlock(&fx->hr->lock);
}

static void work_read(const struct hwsim_dev *dev, struct dev_work *w)
{
	w->kdf = dev->kdf_ops;
	w->aes = dev->aes_blocks;
	w->tx = dev->tx_frames;
	w->rx = dev->rx_bits;
}

/* Take note of what every device has spent so far. */
static void work_snap(struct kunit *test)
{
	struct hw_fx *fx = test->priv;
	struct hwsim_pop *pop;
	unsigned int k = 0;
	u32 i;

	mutex_lock(&fx->hr->lock);
	list_for_each_entry(pop, &fx->hr->pops, node)
		for (i = 0; i < pop->n; i++, k++)
			if (k < MAX_SNAP)
				work_read(&pop->devs[i], &fx->snap[k]);
	mutex_unlock(&fx->hr->lock);
	KUNIT_ASSERT_LE(test, k, (unsigned int)MAX_SNAP);
}

/* Device @n spent @kdf derivations and @aes AES blocks since work_snap(). */
static void expect_target(struct kunit *test, u32 n, u64 kdf, u64 aes)
{
	struct hw_fx *fx = test->priv;
	struct dev_work d = {};
	struct hwsim_pop *pop;
	unsigned int k = 0;
	bool seen = false;
	u32 i;

	mutex_lock(&fx->hr->lock);
	list_for_each_entry(pop, &fx->hr->pops, node) {
		for (i = 0; i < pop->n; i++, k++) {
			if (k >= MAX_SNAP || !is_dev(&pop->devs[i], n))
				continue;
			d.kdf = pop->devs[i].kdf_ops - fx->snap[k].kdf;
			d.aes = pop->devs[i].aes_blocks - fx->snap[k].aes;
			seen = true;
		}
	}
	mutex_unlock(&fx->hr->lock);
	KUNIT_ASSERT_TRUE(test, seen);
	KUNIT_EXPECT_EQ_MSG(test, d.kdf, kdf, "KDF of %08x", n);
	KUNIT_EXPECT_EQ_MSG(test, d.aes, aes, "AES blocks of %08x", n);
}

/*
 * Since work_snap(), every device of @profile with an identity of @id_bits
 * bits but @target (0: none) spent @kdf derivations and @aes AES blocks, and
 * sent nothing.
 */
static void expect_spent(struct kunit *test, u8 profile, u8 id_bits, u32 target,
			 u64 kdf, u64 aes)
{
	struct hw_fx *fx = test->priv;
	unsigned int k = 0, seen = 0, bad = 0;
	struct hwsim_pop *pop;
	u32 i;

	mutex_lock(&fx->hr->lock);
	list_for_each_entry(pop, &fx->hr->pops, node) {
		for (i = 0; i < pop->n; i++, k++) {
			const struct hwsim_dev *dev = &pop->devs[i];
			const struct dev_work *w = &fx->snap[k];

			if (k >= MAX_SNAP || pop->profile != profile ||
			    dev->id_bits != id_bits || is_dev(dev, target))
				continue;
			seen++;
			bad += dev->kdf_ops - w->kdf != kdf || dev->aes_blocks - w->aes != aes ||
			       dev->tx_frames != w->tx;
		}
	}
	mutex_unlock(&fx->hr->lock);
	KUNIT_EXPECT_GT(test, seen, 0U);
	KUNIT_EXPECT_EQ_MSG(test, bad, 0U,
			    "of %u devices (profile %u, %u bits), those that did not spend %llu KDF and %llu blocks alone",
			    seen, profile, id_bits, kdf, aes);
}

/* Since work_snap(), no device of a profile other than @profile did anything. */
static void expect_untouched(struct kunit *test, u8 profile)
{
	struct hw_fx *fx = test->priv;
	unsigned int k = 0, seen = 0, bad = 0;
	struct hwsim_pop *pop;
	u32 i;

	mutex_lock(&fx->hr->lock);
	list_for_each_entry(pop, &fx->hr->pops, node) {
		for (i = 0; i < pop->n; i++, k++) {
			const struct hwsim_dev *dev = &pop->devs[i];
			const struct dev_work *w = &fx->snap[k];

			if (k >= MAX_SNAP || pop->profile == profile)
				continue;
			seen++;
			bad += dev->kdf_ops != w->kdf || dev->aes_blocks != w->aes ||
			       dev->tx_frames != w->tx || dev->rx_bits != w->rx;
		}
	}
	mutex_unlock(&fx->hr->lock);
	KUNIT_EXPECT_GT(test, seen, 0U);
	KUNIT_EXPECT_EQ_MSG(test, bad, 0U, "of %u devices not of profile %u, those that acted",
			    seen, profile);
}

/* A study profile's Msg3: kept as the AIOTF receives it from the bridge. */
static void fx_msg3(struct aiot_inv_job *job, const struct aiot_inv_dev *dev,
		    const u8 *nas, unsigned int nas_bits)
{
	struct hw_fx *fx = job->priv;
	unsigned int k = fx->reports++;

	if (k >= MAX_MSG3 || nas_bits % 8 || nas_bits / 8 > AIOT_NAS_MAX_LEN) {
		fx->bad_nas++;
		return;
	}
	memcpy(fx->msg3[k], nas, nas_bits / 8);
	fx->msg3_len[k] = nas_bits / 8;
}

static const struct aiot_inv_events fx_msg3_events = { .device = fx_msg3 };

/* An inventory with @cfg's paging, over the real engine; its Msg3s in fx->msg3. */
static enum aiot_inv_end_cause study_inventory(struct kunit *test, struct aiot_inv_cfg *cfg)
{
	struct hw_fx *fx = test->priv;
	enum aiot_inv_end_cause end;

	cfg->ac.algo = AIOT_AC_ML;
	fx->reports = 0;
	fx->bad_nas = 0;
	aiot_inv_job_release(fx->job);
	KUNIT_ASSERT_EQ(test, aiot_inv_job_init(fx->job, hwsim_reader_aiot(fx->hr), cfg,
						&fx_msg3_events), 0);
	fx->job->priv = fx;
	end = aiot_inv_run(fx->job);
	KUNIT_EXPECT_EQ(test, fx->bad_nas, 0U);
	return end;
}

/* Send fx->req, as aiot-bridge's command-send would. */
static void cmd_run(struct kunit *test)
{
	struct hw_fx *fx = test->priv;

	KUNIT_ASSERT_EQ(test, aiot_cmd_run(hwsim_reader_aiot(fx->hr), fx->req, fx->res), 0);
}

/* ---- solution-9 (seed 004) ------------------------------------------------- */

/* A Security Policy octet: ID protection, ciphered (0 or 1), integrity scope */
#define S9POL(idp, cipher, integ) \
	(AIOT_SOL9_POL_IDP_##idp | ((cipher) ? AIOT_SOL9_POL_CIPHER : 0) | \
	 AIOT_SOL9_POL_INT_##integ)

static void nonce_of(u8 first, u8 *nonce)
{
	unsigned int i;

	for (i = 0; i < 8; i++)
		nonce[i] = first + i;
}

/*
 * The identity field that pages device @n with NN @nn under the ID
 * protection @idp (step 2): its ID in clear, the protected ID under k_N, or
 * the T-ID. Return: its length in bits.
 */
static u8 s9_idf(struct kunit *test, u32 n, const u8 *nn, u8 idp, u8 *idf)
{
	struct hw_fx *fx = test->priv;
	u8 k[AIOT_K_ROOT_LEN], k_n[AIOT_KDF_OUT_LEN], id[4];

	memset(idf, 0, AIOT_ID_MAX_OCTETS);
	id_of(n, id);
	expected_k_root(test, n, k);
	switch (idp) {
	case AIOT_SOL9_POL_IDP_CLEAR:
		memcpy(idf, id, sizeof(id));
		return 32;
	case AIOT_SOL9_POL_IDP_TID:
		KUNIT_ASSERT_EQ(test, aiot_sol9_tid(k, nn, idf), 0);
		return AIOT_SOL9_TID_LEN * 8;
	default:
		KUNIT_ASSERT_EQ(test, aiot_sol9_k_n(k, nn, k_n), 0);
		KUNIT_ASSERT_EQ(test, aiot_sol9_pid_protect(fx->ctx, k_n, id, 32, fx->lin), 0);
		memcpy(idf, fx->lin, sizeof(id));
		return 32;
	}
}

/* Authenticate device @n (steps 2-3): page it by protected ID or T-ID with NN @nn. */
static enum aiot_inv_end_cause s9_page(struct kunit *test, u32 n, u8 idp, const u8 *nn)
{
	struct aiot_inv_cfg cfg = {
		.id_type = idp == AIOT_SOL9_POL_IDP_TID ? AIOT_ID_TEMPORARY : AIOT_ID_CONCEALED,
		.rand_len = AIOT_SOL9_NN_LEN, .max_devices = 1,
	};

	cfg.id_bits = s9_idf(test, n, nn, idp, cfg.id);
	memcpy(cfg.rand, nn, AIOT_SOL9_NN_LEN);
	return study_inventory(test, &cfg);
}

/*
 * Msg3 number @k as the AIOTF checks it (step 4): a 9 Authentication
 * Response of device @n to NN @nn, whose MAC* (or T-ID*) verifies under
 * @n's key and whose identity is @n. Return: its policy octet, or a
 * negative error.
 */
static int s9_auth_check(struct kunit *test, unsigned int k, u32 n, const u8 *nn)
{
	struct hw_fx *fx = test->priv;
	u8 key[AIOT_K_ROOT_LEN], k_nd[AIOT_KDF_OUT_LEN], id[4], id_bits = 0;
	unsigned int len = fx->msg3_len[k];
	struct aiot_nas_msg m;
	int err;

	memcpy(fx->lin, fx->msg3[k], len);
	if (aiot_nas_decode(fx->lin, len, &m) || m.type != AIOT_NAS_MT_SOL9_AUTH_RSP)
		return -EPROTO;
	expected_k_root(test, n, key);
	if ((m.policy & AIOT_SOL9_POL_IDP_MASK) == AIOT_SOL9_POL_IDP_TID)
		return aiot_sol9_tid_star_verify(key, nn, m.nonce, m.tid) ?: m.policy;
	err = aiot_sol9_k_nd(key, nn, m.nonce, k_nd);
	if (!err)
		err = aiot_sol9_auth_open(fx->ctx, k_nd, m.policy, fx->lin, S9_HDR, len,
					  &id_bits);
	id_of(n, id);
	if (!err && (id_bits != 32 || memcmp(fx->lin + S9_HDR + 1, id, sizeof(id))))
		err = -ENOENT;
	return err ?: m.policy;
}

/* A 9 Command Request as the AIOTF builds it (step 5) */
struct s9_cmd {
	u32 n;			/* the target */
	u8 policy;		/* the request's Security Policy */
	u8 nn[AIOT_SOL9_NN_LEN];
	u8 idf[AIOT_ID_MAX_OCTETS];	/* the paging's identity field */
	u8 idf_bits;
	unsigned int req_pl;	/* payload octets of the request */
	unsigned int rsp_pl;	/* and of its response */
};

/* A command to device @n under @policy, NN' from @nn_first, paged as @policy says. */
static void s9_new(struct kunit *test, struct s9_cmd *c, u32 n, u8 policy, u8 nn_first)
{
	memset(c, 0, sizeof(*c));
	c->n = n;
	c->policy = policy;
	nonce_of(nn_first, c->nn);
	c->idf_bits = s9_idf(test, n, c->nn, policy & AIOT_SOL9_POL_IDP_MASK, c->idf);
}

/*
 * The plain request @req of @c, sealed under k_N' (of a wrong K with
 * @wrong_key), into fx->req: a CFRA paging with the identity field and NN'.
 */
static void s9_build(struct kunit *test, struct s9_cmd *c, const struct aiot_nas_msg *req,
		     bool wrong_key)
{
	struct hw_fx *fx = test->priv;
	struct aiot_sol9_paging pg = { .nn = c->nn, .idf = c->idf, .idf_bits = c->idf_bits };
	struct aiot_nas_msg m = { .type = AIOT_NAS_MT_SOL9_CMD_REQ, .policy = c->policy };
	unsigned int mac = c->policy & AIOT_SOL9_POL_INT_MASK ? AIOT_SOL9_MAC_LEN : 0;
	u8 k[AIOT_K_ROOT_LEN], k_n[AIOT_KDF_OUT_LEN];
	int plen, len;

	plen = aiot_nas_encode(req, fx->buf, AIOT_NAS_MAX_LEN);
	KUNIT_ASSERT_GT(test, plen, 1);
	m.payload = fx->buf + 1;	/* the plain request without its SHT */
	m.payload_len = plen - 1;
	c->req_pl = plen - 1;
	len = aiot_nas_encode(&m, fx->lin, AIOT_NAS_MAX_LEN);
	KUNIT_ASSERT_EQ(test, len, (int)(S9_REQ_HDR + c->req_pl + mac));
	expected_k_root(test, c->n, k);
	if (wrong_key)
		k[0] ^= 1;
	KUNIT_ASSERT_EQ(test, aiot_sol9_k_n(k, c->nn, k_n), 0);
	len = aiot_sol9_req_seal(fx->ctx, k_n, c->policy, &pg, fx->lin, S9_REQ_HDR, len - mac,
				 AIOT_NAS_MAX_LEN);
	KUNIT_ASSERT_EQ(test, len, (int)(S9_REQ_HDR + c->req_pl + mac));
	switch (c->policy & AIOT_SOL9_POL_IDP_MASK) {
	case AIOT_SOL9_POL_IDP_CLEAR:
		fx->req->id_type = AIOT_ID_PERMANENT;
		break;
	case AIOT_SOL9_POL_IDP_TID:
		fx->req->id_type = AIOT_ID_TEMPORARY;
		break;
	default:
		fx->req->id_type = AIOT_ID_CONCEALED;
		break;
	}
	fx->req->id_bits = c->idf_bits;
	memcpy(fx->req->id, c->idf, sizeof(fx->req->id));
	fx->req->rand_len = AIOT_SOL9_NN_LEN;
	memcpy(fx->req->rand, c->nn, AIOT_SOL9_NN_LEN);
	fx->req->as_id = 7;
	fx->req->attempts = 3;
	fx->req->nas_bits = len * 8;
	memcpy(fx->req->nas, fx->lin, len);
}

/*
 * The 9 Command Response to @c as the AIOTF opens it (step 7, the request's
 * policy as its floor), its payload decoded into @rsp (which points into
 * fx->lin until the next use).
 */
static void s9_open(struct kunit *test, struct s9_cmd *c, struct aiot_nas_msg *rsp)
{
	struct hw_fx *fx = test->priv;
	u8 k[AIOT_K_ROOT_LEN], k_nd[AIOT_KDF_OUT_LEN];
	struct aiot_nas_msg m;
	unsigned int len;
	int n;

	KUNIT_ASSERT_EQ(test, fx->res->outcome, AIOT_CMD_OUTCOME_NAS_RESPONSE);
	KUNIT_ASSERT_EQ(test, fx->res->rsp_bits % 8, 0);
	len = fx->res->rsp_bits / 8;
	KUNIT_ASSERT_LE(test, len, (unsigned int)AIOT_NAS_MAX_LEN);
	memcpy(fx->lin, fx->res->rsp, len);
	KUNIT_ASSERT_EQ(test, aiot_nas_decode(fx->lin, len, &m), 0);
	KUNIT_ASSERT_EQ(test, m.type, AIOT_NAS_MT_SOL9_CMD_RSP);
	KUNIT_EXPECT_EQ(test, m.policy, c->policy);	/* that of the request */
	c->rsp_pl = m.payload_len;
	expected_k_root(test, c->n, k);
	KUNIT_ASSERT_EQ(test, aiot_sol9_k_nd(k, c->nn, m.nonce, k_nd), 0);
	n = aiot_sol9_rsp_open(fx->ctx, k_nd, c->policy | AIOT_SOL9_CFG_FLOOR, m.policy,
			       c->nn, fx->lin, S9_HDR, len);
	KUNIT_ASSERT_EQ(test, n, (int)(S9_HDR + c->rsp_pl));
	KUNIT_ASSERT_EQ(test, aiot_nas_decode_payload(fx->lin + S9_HDR, c->rsp_pl, rsp), 0);
}

/*
 * What the target spends to find itself in @c's CFRA paging (step 6): k_N'
 * and its protected ID deciphered; the T-ID and then k_N'; or, paged by its
 * identity in clear, k_N' alone.
 */
static void s9_paging_cost(const struct s9_cmd *c, u64 *kdf, u64 *aes)
{
	switch (c->policy & AIOT_SOL9_POL_IDP_MASK) {
	case AIOT_SOL9_POL_IDP_CLEAR:
		*kdf = 1;
		*aes = 0;
		break;
	case AIOT_SOL9_POL_IDP_TID:
		*kdf = 2;
		*aes = 0;
		break;
	default:
		*kdf = 1;
		*aes = nea2_blocks(DIV_ROUND_UP(c->idf_bits, 8));
		break;
	}
}

/*
 * ... and the whole of step 6 for an accepted request: the MAC (over NN',
 * the identity field and the message, or the payload alone), deciphering,
 * k_ND', the response ciphered and its MAC (over NN' and the message, or
 * the payload).
 */
static void s9_cmd_cost(const struct s9_cmd *c, u64 *kdf, u64 *aes)
{
	unsigned int integ = c->policy & AIOT_SOL9_POL_INT_MASK;
	bool cipher = c->policy & AIOT_SOL9_POL_CIPHER;
	unsigned int idf = DIV_ROUND_UP(c->idf_bits, 8);

	s9_paging_cost(c, kdf, aes);
	if (integ == AIOT_SOL9_POL_INT_MESSAGE)
		*aes += nia2_blocks(AIOT_SOL9_NN_LEN + idf + S9_REQ_HDR + c->req_pl);
	else if (integ == AIOT_SOL9_POL_INT_PAYLOAD)
		*aes += nia2_blocks(c->req_pl);
	if (cipher)
		*aes += nea2_blocks(c->req_pl) + nea2_blocks(c->rsp_pl);
	*kdf += 1;
	if (integ == AIOT_SOL9_POL_INT_MESSAGE)
		*aes += nia2_blocks(AIOT_SOL9_NN_LEN + S9_HDR + c->rsp_pl);
	else if (integ == AIOT_SOL9_POL_INT_PAYLOAD)
		*aes += nia2_blocks(c->rsp_pl);
}

/*
 * The configurations a population may have, as <aiot/profile_values.h>
 * defines them: solution-y's RESYNC and PAGING_MAC need REPLAY, CMD_CIPHER
 * needs CMD_INT; solution-9's policy octet has no spare bit and no reserved
 * ID protection or integrity value; the normative profile has none.
 */
static bool config_valid(u8 profile, u32 c)
{
	u8 pol = c & AIOT_SOL9_CFG_POLICY_MASK;

	switch (profile) {
	case AIOT_HWSIM_SEC_PROFILE_NORMATIVE:
		return !c;
	case AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y:
		return !(c & ~AIOT_SOLY_CFG_ALL) &&
		       ((c & AIOT_SOLY_CFG_REPLAY) ||
			!(c & (AIOT_SOLY_CFG_RESYNC | AIOT_SOLY_CFG_PAGING_MAC))) &&
		       ((c & AIOT_SOLY_CFG_CMD_INT) || !(c & AIOT_SOLY_CFG_CMD_CIPHER));
	case AIOT_HWSIM_SEC_PROFILE_SOLUTION_9:
		return !(c & ~AIOT_SOL9_CFG_ALL) && !(pol & AIOT_SOL9_POL_SPARE_MASK) &&
		       (pol & AIOT_SOL9_POL_IDP_MASK) != AIOT_SOL9_POL_IDP_RESERVED &&
		       (pol & AIOT_SOL9_POL_INT_MASK) != AIOT_SOL9_POL_INT_RESERVED;
	default:
		return false;
	}
}

static int add_one(struct kunit *test, u8 profile, u32 config)
{
	struct hw_fx *fx = test->priv;
	struct hwsim_pop_cfg cfg = {
		.count = 1, .id_bits = 32, .profile = profile, .sec_config = config,
		.seed_len = 1, .energy = AIOT_HWSIM_ENERGY_UNLIMITED,
		.mem_len = AIOT_HWSIM_USER_MEM_LEN,
	};
	int err;

	id_of(BASE_ID, cfg.id);
	err = hwsim_pop_add(fx->hr, &cfg, NULL);
	if (!err)
		hwsim_pop_clear(fx->hr);
	return err;
}

/* A population's configuration: every undefined or inconsistent one is refused. */
static void hw_sec_config_check(struct kunit *test)
{
	static const u32 high[] = { BIT(10), BIT(15), BIT(16), BIT(31) };
	unsigned int valid[4] = {}, wrong = 0;
	u32 c, first_wrong = 0;
	u8 p, first_p = 0;
	int err;

	/* by name: the defaults, and one of each refusal */
	KUNIT_EXPECT_EQ(test, add_one(test, AIOT_HWSIM_SEC_PROFILE_NORMATIVE, 0), 0);
	KUNIT_EXPECT_EQ(test, add_one(test, AIOT_HWSIM_SEC_PROFILE_NORMATIVE, 1), -EINVAL);
	KUNIT_EXPECT_EQ(test, add_one(test, AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y,
				      AIOT_SOLY_CFG_DEFAULT), 0);
	KUNIT_EXPECT_EQ(test, add_one(test, AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y,
				      AIOT_SOLY_CFG_ALL + 1), -EINVAL);
	KUNIT_EXPECT_EQ(test, add_one(test, AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y,
				      AIOT_SOLY_CFG_RESYNC), -EINVAL);
	KUNIT_EXPECT_EQ(test, add_one(test, AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y,
				      AIOT_SOLY_CFG_PAGING_MAC), -EINVAL);
	KUNIT_EXPECT_EQ(test, add_one(test, AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y,
				      AIOT_SOLY_CFG_CMD_CIPHER), -EINVAL);
	KUNIT_EXPECT_EQ(test, add_one(test, AIOT_HWSIM_SEC_PROFILE_SOLUTION_9,
				      AIOT_SOL9_CFG_DEFAULT), 0);
	KUNIT_EXPECT_EQ(test, add_one(test, AIOT_HWSIM_SEC_PROFILE_SOLUTION_9,
				      AIOT_SOL9_POL_IDP_RESERVED), -EINVAL);
	KUNIT_EXPECT_EQ(test, add_one(test, AIOT_HWSIM_SEC_PROFILE_SOLUTION_9,
				      AIOT_SOL9_POL_INT_RESERVED), -EINVAL);
	KUNIT_EXPECT_EQ(test, add_one(test, AIOT_HWSIM_SEC_PROFILE_SOLUTION_9,
				      AIOT_SOL9_POL_DEFAULT | 0x20), -EINVAL);
	KUNIT_EXPECT_EQ(test, add_one(test, AIOT_HWSIM_SEC_PROFILE_SOLUTION_9,
				      AIOT_SOL9_CFG_ALL), -EINVAL);
	KUNIT_EXPECT_EQ(test, add_one(test, AIOT_HWSIM_SEC_PROFILE_SOLUTION_9,
				      AIOT_SOL9_CFG_ALL + 1), -EINVAL);
	KUNIT_EXPECT_EQ(test, add_one(test, AIOT_HWSIM_SEC_PROFILE_SOLUTION_9 + 1, 0), -EINVAL);

	/* every configuration of 10 bits, and some higher bits, in every profile */
	for (p = 0; p <= AIOT_HWSIM_SEC_PROFILE_SOLUTION_9 + 1; p++) {
		for (c = 0; c < BIT(10) + ARRAY_SIZE(high); c++) {
			u32 config = c < BIT(10) ? c : high[c - BIT(10)];

			err = add_one(test, p, config);
			valid[p] += !err;
			if (!err == config_valid(p, config) && (!err || err == -EINVAL))
				continue;
			if (!wrong++) {
				first_p = p;
				first_wrong = config;
			}
		}
	}
	KUNIT_EXPECT_EQ_MSG(test, wrong, 0U, "first: profile %u, configuration %#x (%d)",
			    first_p, first_wrong, add_one(test, first_p, first_wrong));
	/*
	 * normative: 0 alone. solution-y: MUTUAL free, REPLAY with RESYNC and
	 * PAGING_MAC free (4) or neither (1), CMD_INT with or without
	 * CMD_CIPHER or neither (3): 2 * 5 * 3. solution-9: 3 ID protections,
	 * 2 cipher, 3 integrity, 2 FLOOR.
	 */
	KUNIT_EXPECT_EQ(test, valid[AIOT_HWSIM_SEC_PROFILE_NORMATIVE], 1U);
	KUNIT_EXPECT_EQ(test, valid[AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y], 2U * 5 * 3);
	KUNIT_EXPECT_EQ(test, valid[AIOT_HWSIM_SEC_PROFILE_SOLUTION_9], 3U * 2 * 3 * 2);
	KUNIT_EXPECT_EQ(test, valid[AIOT_HWSIM_SEC_PROFILE_SOLUTION_9 + 1], 0U);
}

/*
 * Profiles side by side: a device acts only on its own profile's pagings;
 * the others neither work nor hear (no counter of theirs moves).
 */
static void hw_profiles_apart(struct kunit *test)
{
	const u32 t9 = BASE9_ID + 1, ty = BASEY_ID + 2;
	struct hw_fx *fx = test->priv;
	struct aiot_nas_msg req = { .type = AIOT_NAS_MT_READ_REQ, .length = 4 }, rsp;
	struct aiot_inv_cfg cfg = {};
	struct s9_cmd c;
	u8 nn[AIOT_SOL9_NN_LEN];
	struct aiot_nas_msg ypr = { .type = AIOT_NAS_MT_SOLY_PAGING_REQ };
	u8 k[AIOT_K_ROOT_LEN], k_aiot[AIOT_SOLY_K_AIOT_LEN], id[4], pid[8] = {};
	int len;

	add_pop(test, 4, AIOT_HWSIM_POLICY_AS_INDICATION, AIOT_HWSIM_ENERGY_UNLIMITED);
	add_study_pop(test, BASE9_ID, 4, 32, AIOT_HWSIM_SEC_PROFILE_SOLUTION_9,
		      AIOT_SOL9_CFG_DEFAULT, AIOT_HWSIM_POLICY_AS_INDICATION);
	add_study_pop(test, BASEY_ID, 4, 32, AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y,
		      AIOT_SOLY_CFG_DEFAULT, AIOT_HWSIM_POLICY_AS_INDICATION);

	/* a normative inventory of all: the normative devices alone */
	work_snap(test);
	KUNIT_EXPECT_EQ(test, inventory(test, 0), AIOT_INV_END_COMPLETE);
	KUNIT_EXPECT_EQ(test, bitmap_weight(fx->found, MAX_DEVS), 4U);
	expect_clean(test);
	expect_untouched(test, AIOT_HWSIM_SEC_PROFILE_NORMATIVE);

	/* a normative inventory by a solution-9 device's identity: nobody */
	work_snap(test);
	cfg.id_type = AIOT_ID_PERMANENT;
	cfg.id_bits = 32;
	id_of(t9, cfg.id);
	cfg.rand_len = AIOT_RAND_N_LEN;
	memcpy(cfg.rand, test_rand_n, AIOT_RAND_N_LEN);
	KUNIT_EXPECT_EQ(test, study_inventory(test, &cfg), AIOT_INV_END_COMPLETE);
	KUNIT_EXPECT_EQ(test, fx->reports, 0U);
	expect_untouched(test, NO_PROFILE);

	/* a normative command paging (no NN) by a solution-9 device's identity */
	work_snap(test);
	KUNIT_ASSERT_EQ(test, aiot_nas_encode(&req, fx->buf, AIOT_NAS_MAX_LEN), 6);
	memset(fx->req, 0, sizeof(*fx->req));
	fx->req->id_type = AIOT_ID_PERMANENT;
	fx->req->id_bits = 32;
	id_of(t9, fx->req->id);
	fx->req->as_id = 3;
	fx->req->attempts = 1;
	fx->req->nas_bits = 6 * 8;
	memcpy(fx->req->nas, fx->buf, 6);
	cmd_run(test);
	KUNIT_EXPECT_EQ(test, fx->res->outcome, AIOT_CMD_OUTCOME_NO_RESPONSE);
	KUNIT_EXPECT_EQ(test, fx->res->air.d2r_frames, 0ULL);
	expect_untouched(test, NO_PROFILE);

	/* solution-9 pagings: by protected ID, by T-ID, and a command */
	nonce_of(0x90, nn);
	work_snap(test);
	KUNIT_EXPECT_EQ(test, s9_page(test, t9, AIOT_SOL9_POL_IDP_PID, nn),
			AIOT_INV_END_DEVICES_READ);
	KUNIT_EXPECT_EQ(test, fx->reports, 1U);
	KUNIT_EXPECT_EQ(test, s9_auth_check(test, 0, t9, nn), (int)AIOT_SOL9_POL_DEFAULT);
	expect_spent(test, AIOT_HWSIM_SEC_PROFILE_SOLUTION_9, 32, t9, 1, nea2_blocks(4));
	expect_untouched(test, AIOT_HWSIM_SEC_PROFILE_SOLUTION_9);

	nonce_of(0x91, nn);
	work_snap(test);
	KUNIT_EXPECT_EQ(test, s9_page(test, t9, AIOT_SOL9_POL_IDP_TID, nn),
			AIOT_INV_END_DEVICES_READ);
	KUNIT_EXPECT_EQ(test, fx->reports, 1U);
	expect_spent(test, AIOT_HWSIM_SEC_PROFILE_SOLUTION_9, 32, t9, 1, 0);
	expect_untouched(test, AIOT_HWSIM_SEC_PROFILE_SOLUTION_9);

	s9_new(test, &c, t9, AIOT_SOL9_POL_DEFAULT, 0x92);
	s9_build(test, &c, &req, false);
	work_snap(test);
	cmd_run(test);
	s9_open(test, &c, &rsp);
	KUNIT_EXPECT_EQ(test, rsp.type, AIOT_NAS_MT_READ_RSP);
	expect_spent(test, AIOT_HWSIM_SEC_PROFILE_SOLUTION_9, 32, t9, 1, nea2_blocks(4));
	expect_untouched(test, AIOT_HWSIM_SEC_PROFILE_SOLUTION_9);

	/* a solution-y paging: only solution-y devices decipher its PID */
	nonce_of(0x93, nn);
	expected_k_root(test, ty, k);
	id_of(ty, id);
	KUNIT_ASSERT_EQ(test, aiot_soly_k_aiot(k, nn, k_aiot), 0);
	ypr.flags = AIOT_SOLY_PF_PID | AIOT_SOLY_PF_COUNTER | AIOT_SOLY_PF_MAC;
	ypr.nonce = nn;
	ypr.enc = pid;
	ypr.enc_len = sizeof(pid);
	len = aiot_nas_encode(&ypr, fx->lin, AIOT_NAS_MAX_LEN);
	KUNIT_ASSERT_GT(test, len, 0);
	len = aiot_soly_pid_seal(fx->ctx, k_aiot, ypr.flags, id, 32, 0, fx->lin, Y_PR_OFF,
				 AIOT_NAS_MAX_LEN);
	KUNIT_ASSERT_EQ(test, len, Y_PR_OFF + 8 + AIOT_SOLY_MAC_LEN);
	memset(&cfg, 0, sizeof(cfg));
	cfg.nas_len = len;
	memcpy(cfg.nas, fx->lin, len);
	cfg.max_devices = 1;
	work_snap(test);
	KUNIT_EXPECT_EQ(test, study_inventory(test, &cfg), AIOT_INV_END_DEVICES_READ);
	KUNIT_EXPECT_EQ(test, fx->reports, 1U);
	KUNIT_EXPECT_EQ(test, fx->msg3[0][1], AIOT_NAS_MT_SOLY_ACCESS_RSP);
	expect_spent(test, AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y, 32, ty, 1, nea2_blocks(8));
	expect_untouched(test, AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y);
}

/*
 * solution-9 authentication by protected ID and by T-ID (steps 2-4): the
 * target's Msg3 verifies; what the target and the others spend, by the
 * page's counting rule; devices of another identity length derive k_N (the
 * page: "every solution-9 device: k_N (1 KDF)") but decipher nothing.
 */
static void hw_sol9_authentication(struct kunit *test)
{
	const u32 t = BASE9_ID + 2;
	struct hw_fx *fx = test->priv;
	struct aiot_inv_cfg cfg = {
		.id_type = AIOT_ID_TEMPORARY, .id_bits = AIOT_SOL9_TID_LEN * 8,
		.rand_len = AIOT_SOL9_NN_LEN,
	};
	u8 nn[AIOT_SOL9_NN_LEN];

	add_study_pop(test, BASE9_ID, 6, 32, AIOT_HWSIM_SEC_PROFILE_SOLUTION_9,
		      AIOT_SOL9_CFG_DEFAULT, AIOT_HWSIM_POLICY_SILENT);
	add_study_pop(test, BASE24_ID, 3, 24, AIOT_HWSIM_SEC_PROFILE_SOLUTION_9,
		      AIOT_SOL9_CFG_DEFAULT, AIOT_HWSIM_POLICY_SILENT);
	add_pop(test, 2, 0, AIOT_HWSIM_ENERGY_UNLIMITED);

	/* by protected ID: PID* and MAC* under k_ND, 20 octets */
	nonce_of(0x10, nn);
	work_snap(test);
	KUNIT_EXPECT_EQ(test, s9_page(test, t, AIOT_SOL9_POL_IDP_PID, nn),
			AIOT_INV_END_DEVICES_READ);
	KUNIT_ASSERT_EQ(test, fx->reports, 1U);
	KUNIT_EXPECT_EQ(test, fx->msg3_len[0], S9_HDR + 1 + 4U + AIOT_SOL9_MAC_LEN);
	KUNIT_EXPECT_EQ(test, s9_auth_check(test, 0, t, nn), (int)AIOT_SOL9_POL_DEFAULT);
	/* k_N and the paging's PID, then k_ND, PID* and MAC* over SHT..PID* */
	expect_target(test, t, 2, nea2_blocks(4) + nea2_blocks(1 + 4) +
		      nia2_blocks(S9_HDR + 1 + 4));
	expect_spent(test, AIOT_HWSIM_SEC_PROFILE_SOLUTION_9, 32, t, 1, nea2_blocks(4));
	expect_spent(test, AIOT_HWSIM_SEC_PROFILE_SOLUTION_9, 24, 0, 1, 0);
	expect_untouched(test, AIOT_HWSIM_SEC_PROFILE_SOLUTION_9);
	/* another device's answer is not this one's */
	KUNIT_EXPECT_LT(test, s9_auth_check(test, 0, t + 1, nn), 0);

	/* by T-ID: T-ID* alone, 19 octets, under the device's policy otherwise */
	nonce_of(0x20, nn);
	work_snap(test);
	KUNIT_EXPECT_EQ(test, s9_page(test, t, AIOT_SOL9_POL_IDP_TID, nn),
			AIOT_INV_END_DEVICES_READ);
	KUNIT_ASSERT_EQ(test, fx->reports, 1U);
	KUNIT_EXPECT_EQ(test, fx->msg3_len[0], S9_HDR + AIOT_SOL9_TID_LEN);
	KUNIT_EXPECT_EQ(test, s9_auth_check(test, 0, t, nn),
			(int)S9POL(TID, 1, MESSAGE));
	KUNIT_EXPECT_LT(test, s9_auth_check(test, 0, t + 1, nn), 0);
	expect_target(test, t, 2, 0);
	expect_spent(test, AIOT_HWSIM_SEC_PROFILE_SOLUTION_9, 32, t, 1, 0);
	expect_spent(test, AIOT_HWSIM_SEC_PROFILE_SOLUTION_9, 24, 0, 1, 0);
	expect_untouched(test, AIOT_HWSIM_SEC_PROFILE_SOLUTION_9);

	/* a T-ID that is nobody's: every device pays its KDF, none answers */
	s9_idf(test, t, nn, AIOT_SOL9_POL_IDP_TID, cfg.id);
	cfg.id[0] ^= 0x80;
	memcpy(cfg.rand, nn, AIOT_SOL9_NN_LEN);
	work_snap(test);
	KUNIT_EXPECT_EQ(test, study_inventory(test, &cfg), AIOT_INV_END_COMPLETE);
	KUNIT_EXPECT_EQ(test, fx->reports, 0U);
	expect_spent(test, AIOT_HWSIM_SEC_PROFILE_SOLUTION_9, 32, 0, 1, 0);
	expect_spent(test, AIOT_HWSIM_SEC_PROFILE_SOLUTION_9, 24, 0, 1, 0);
	expect_untouched(test, AIOT_HWSIM_SEC_PROFILE_SOLUTION_9);
}

/*
 * Commands by T-ID (a device whose policy is the temporary ID) and under the
 * clear-ID policy: the clear-ID device answers its authentication with its
 * identity in clear under MAC*, and its commands page it by that identity,
 * which only it derives for.
 */
static void hw_sol9_tid_clear(struct kunit *test)
{
	static const u8 data[8] = "s9-clear";
	const u32 tt = BASE9_ID + 1, tc = BASE9_ID + 0x101;
	struct hw_fx *fx = test->priv;
	struct aiot_nas_msg rd = { .type = AIOT_NAS_MT_READ_REQ, .offset = 2, .length = 4 };
	struct aiot_nas_msg wr = {
		.type = AIOT_NAS_MT_WRITE_REQ, .offset = 8, .data = data, .data_len = 8,
	}, rsp;
	u8 nn[AIOT_SOL9_NN_LEN], id[4];
	struct s9_cmd c;
	u64 kdf, aes;

	add_study_pop(test, BASE9_ID, 4, 32, AIOT_HWSIM_SEC_PROFILE_SOLUTION_9,
		      S9POL(TID, 1, MESSAGE) | AIOT_SOL9_CFG_FLOOR, AIOT_HWSIM_POLICY_SILENT);
	add_study_pop(test, BASE9_ID + 0x100, 4, 32, AIOT_HWSIM_SEC_PROFILE_SOLUTION_9,
		      S9POL(CLEAR, 1, MESSAGE) | AIOT_SOL9_CFG_FLOOR, AIOT_HWSIM_POLICY_SILENT);
	add_pop(test, 2, 0, AIOT_HWSIM_ENERGY_UNLIMITED);

	/* a Read by T-ID: the T-ID and k_N' (2 KDF), k_ND' */
	s9_new(test, &c, tt, S9POL(TID, 1, MESSAGE), 0x30);
	s9_build(test, &c, &rd, false);
	KUNIT_EXPECT_EQ(test, fx->req->id_type, AIOT_ID_TEMPORARY);
	work_snap(test);
	cmd_run(test);
	s9_open(test, &c, &rsp);
	KUNIT_EXPECT_EQ(test, rsp.type, AIOT_NAS_MT_READ_RSP);
	KUNIT_EXPECT_EQ(test, rsp.status, AIOT_NAS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, rsp.data_len, 4);
	s9_cmd_cost(&c, &kdf, &aes);
	KUNIT_EXPECT_EQ(test, kdf, 3ULL);
	expect_target(test, tt, kdf, aes);
	expect_spent(test, AIOT_HWSIM_SEC_PROFILE_SOLUTION_9, 32, tt, 1, 0);
	expect_untouched(test, AIOT_HWSIM_SEC_PROFILE_SOLUTION_9);

	/* the clear-ID device authenticates with its identity in clear, MAC* over it */
	nonce_of(0x40, nn);
	work_snap(test);
	KUNIT_EXPECT_EQ(test, s9_page(test, tc, AIOT_SOL9_POL_IDP_PID, nn),
			AIOT_INV_END_DEVICES_READ);
	KUNIT_ASSERT_EQ(test, fx->reports, 1U);
	KUNIT_EXPECT_EQ(test, fx->msg3_len[0], S9_HDR + 1 + 4U + AIOT_SOL9_MAC_LEN);
	id_of(tc, id);
	KUNIT_EXPECT_EQ(test, fx->msg3[0][S9_HDR], 32);
	KUNIT_EXPECT_EQ(test, memcmp(fx->msg3[0] + S9_HDR + 1, id, 4), 0);
	KUNIT_EXPECT_EQ(test, s9_auth_check(test, 0, tc, nn), (int)S9POL(CLEAR, 1, MESSAGE));
	/* no PID* to cipher: k_N and the paging's PID, k_ND, MAC* */
	expect_target(test, tc, 2, nea2_blocks(4) + nia2_blocks(S9_HDR + 1 + 4));

	/* its Write, paged by its identity in clear: only it derives */
	s9_new(test, &c, tc, S9POL(CLEAR, 1, MESSAGE), 0x50);
	s9_build(test, &c, &wr, false);
	KUNIT_EXPECT_EQ(test, fx->req->id_type, AIOT_ID_PERMANENT);
	work_snap(test);
	cmd_run(test);
	s9_open(test, &c, &rsp);
	KUNIT_EXPECT_EQ(test, rsp.type, AIOT_NAS_MT_WRITE_RSP);
	KUNIT_EXPECT_EQ(test, rsp.status, AIOT_NAS_STATUS_SUCCESS);
	KUNIT_EXPECT_TRUE(test, mem_is(test, tc, 8, data, sizeof(data)));
	s9_cmd_cost(&c, &kdf, &aes);
	KUNIT_EXPECT_EQ(test, kdf, 2ULL);
	expect_target(test, tc, kdf, aes);
	expect_spent(test, AIOT_HWSIM_SEC_PROFILE_SOLUTION_9, 32, tc, 0, 0);
	expect_untouched(test, AIOT_HWSIM_SEC_PROFILE_SOLUTION_9);
}

/*
 * The policy floor: with FLOOR a request weaker than the device's policy in
 * any one dimension (another ID protection, no ciphering, less integrity) is
 * refused before any cryptography, by the integrity-failure policy; a
 * stronger one is accepted. Without FLOOR every one of them is executed.
 */
static void hw_sol9_floor(struct kunit *test)
{
	const u32 floor = BASE9_ID, open = BASE9_ID + 0x100, low = BASE9_ID + 0x200;
	static const struct {
		u32 n;
		u8 policy;
		bool accepted;
		const char *what;
	} rows[] = {
		{ floor, S9POL(TID, 1, MESSAGE), false, "FLOOR: T-ID for protected ID" },
		{ floor, S9POL(CLEAR, 1, MESSAGE), false, "FLOOR: clear ID" },
		{ floor, S9POL(PID, 0, MESSAGE), false, "FLOOR: not ciphered" },
		{ floor, S9POL(PID, 1, PAYLOAD), false, "FLOOR: payload integrity" },
		{ floor, S9POL(PID, 1, NONE), false, "FLOOR: no integrity" },
		{ floor, S9POL(CLEAR, 0, NONE), false, "FLOOR: A7, clear ID, no integrity" },
		{ floor, S9POL(PID, 1, MESSAGE), true, "FLOOR: its own policy" },
		{ open, S9POL(TID, 1, MESSAGE), true, "no FLOOR: T-ID" },
		{ open, S9POL(CLEAR, 1, MESSAGE), true, "no FLOOR: clear ID" },
		{ open, S9POL(PID, 0, MESSAGE), true, "no FLOOR: not ciphered" },
		{ open, S9POL(PID, 1, PAYLOAD), true, "no FLOOR: payload integrity" },
		{ open, S9POL(PID, 1, NONE), true, "no FLOOR: no integrity" },
		{ open, S9POL(CLEAR, 0, NONE), true, "no FLOOR: A7, executed" },
		{ low, S9POL(PID, 1, PAYLOAD), true, "FLOOR below: ciphered as well" },
		{ low, S9POL(PID, 0, MESSAGE), true, "FLOOR below: entire message" },
		{ low, S9POL(PID, 0, NONE), false, "FLOOR below: no integrity" },
		{ low, S9POL(TID, 0, PAYLOAD), false, "FLOOR below: T-ID" },
	};
	struct hw_fx *fx = test->priv;
	struct aiot_nas_msg wr = { .type = AIOT_NAS_MT_WRITE_REQ, .data_len = 8 }, rsp;
	u8 data[8], before[8];
	struct s9_cmd c;
	unsigned int i;
	u64 kdf, aes;

	add_study_pop(test, floor, 2, 32, AIOT_HWSIM_SEC_PROFILE_SOLUTION_9,
		      AIOT_SOL9_CFG_DEFAULT, AIOT_HWSIM_POLICY_AS_INDICATION_CAUSE);
	add_study_pop(test, open, 2, 32, AIOT_HWSIM_SEC_PROFILE_SOLUTION_9,
		      AIOT_SOL9_POL_DEFAULT, AIOT_HWSIM_POLICY_AS_INDICATION_CAUSE);
	add_study_pop(test, low, 2, 32, AIOT_HWSIM_SEC_PROFILE_SOLUTION_9,
		      S9POL(PID, 0, PAYLOAD) | AIOT_SOL9_CFG_FLOOR,
		      AIOT_HWSIM_POLICY_AS_INDICATION_CAUSE);
	wr.data = data;

	for (i = 0; i < ARRAY_SIZE(rows); i++) {
		memset(data, 0xa0 + i, sizeof(data));
		mem_get(test, rows[i].n, before, sizeof(before));
		s9_new(test, &c, rows[i].n, rows[i].policy, 0x10 + i);
		s9_build(test, &c, &wr, false);
		work_snap(test);
		cmd_run(test);
		if (!rows[i].accepted) {
			KUNIT_EXPECT_EQ_MSG(test, fx->res->outcome, AIOT_CMD_OUTCOME_AS_INDICATION,
					    "%s", rows[i].what);
			KUNIT_EXPECT_EQ_MSG(test, fx->res->cause, AIOT_NNR_INTEGRITY, "%s",
					    rows[i].what);
			KUNIT_EXPECT_TRUE_MSG(test, mem_is(test, rows[i].n, 0, before, 8),
					      "%s", rows[i].what);
			/* refused before the MAC: the paging is all it cost */
			s9_paging_cost(&c, &kdf, &aes);
			expect_target(test, rows[i].n, kdf, aes);
			continue;
		}
		KUNIT_ASSERT_EQ_MSG(test, fx->res->outcome, AIOT_CMD_OUTCOME_NAS_RESPONSE, "%s",
				    rows[i].what);
		s9_open(test, &c, &rsp);
		KUNIT_EXPECT_EQ_MSG(test, rsp.status, AIOT_NAS_STATUS_SUCCESS, "%s", rows[i].what);
		KUNIT_EXPECT_TRUE_MSG(test, mem_is(test, rows[i].n, 0, data, 8), "%s",
				      rows[i].what);
		s9_cmd_cost(&c, &kdf, &aes);
		expect_target(test, rows[i].n, kdf, aes);
	}
}

/*
 * A policy with a reserved value or a spare bit is refused by every device,
 * FLOOR or not, before any cryptography: its integrity-failure policy, not
 * executed.
 */
static void hw_sol9_reserved_policy(struct kunit *test)
{
	static const u8 reserved[] = {
		AIOT_SOL9_POL_IDP_PID | AIOT_SOL9_POL_CIPHER | AIOT_SOL9_POL_INT_RESERVED,
		AIOT_SOL9_POL_IDP_RESERVED | AIOT_SOL9_POL_CIPHER | AIOT_SOL9_POL_INT_MESSAGE,
		AIOT_SOL9_POL_DEFAULT | 0x20,
		AIOT_SOL9_POL_DEFAULT | 0x80,
	};
	static const u32 devs[] = { BASE9_ID, BASE9_ID + 0x100 };
	static const u8 data[4] = { 1, 2, 3, 4 }, zero[4];
	struct hw_fx *fx = test->priv;
	struct aiot_nas_msg wr = {
		.type = AIOT_NAS_MT_WRITE_REQ, .data = data, .data_len = sizeof(data),
	};
	unsigned int i, d;
	struct s9_cmd c;

	add_study_pop(test, devs[0], 2, 32, AIOT_HWSIM_SEC_PROFILE_SOLUTION_9,
		      AIOT_SOL9_CFG_DEFAULT, AIOT_HWSIM_POLICY_AS_INDICATION_CAUSE);
	add_study_pop(test, devs[1], 2, 32, AIOT_HWSIM_SEC_PROFILE_SOLUTION_9,
		      AIOT_SOL9_POL_DEFAULT, AIOT_HWSIM_POLICY_AS_INDICATION_CAUSE);
	for (d = 0; d < ARRAY_SIZE(devs); d++) {
		for (i = 0; i < ARRAY_SIZE(reserved); i++) {
			/* sealed under the default policy, then its octet changed */
			s9_new(test, &c, devs[d], AIOT_SOL9_POL_DEFAULT, 0x20 * d + 4 * i);
			s9_build(test, &c, &wr, false);
			fx->req->nas[2] = reserved[i];
			work_snap(test);
			cmd_run(test);
			KUNIT_EXPECT_EQ_MSG(test, fx->res->outcome, AIOT_CMD_OUTCOME_AS_INDICATION,
					    "policy %#x", reserved[i]);
			KUNIT_EXPECT_EQ_MSG(test, fx->res->cause, AIOT_NNR_INTEGRITY, "policy %#x",
					    reserved[i]);
			KUNIT_EXPECT_TRUE(test, mem_is(test, devs[d], 0, zero, sizeof(zero)));
			expect_target(test, devs[d], 1, nea2_blocks(4));
		}
		/* the same request with its policy as sealed is executed */
		s9_build(test, &c, &wr, false);
		cmd_run(test);
		KUNIT_EXPECT_EQ(test, fx->res->outcome, AIOT_CMD_OUTCOME_NAS_RESPONSE);
		KUNIT_EXPECT_TRUE(test, mem_is(test, devs[d], 0, data, sizeof(data)));
	}
}

/*
 * A request whose MAC fails under k_N' (a wrong K), for an honest paging:
 * seed 000's option of the device; nothing deciphered or executed, and each
 * transmission of the PDU costs its MAC.
 */
static void hw_sol9_integrity_policy(struct kunit *test)
{
	u8 policy = *(const u8 *)test->param_value;
	const u32 t = BASE9_ID + 1;
	static const u8 data[4] = "bad!", zero[4];
	struct hw_fx *fx = test->priv;
	struct aiot_nas_msg wr = {
		.type = AIOT_NAS_MT_WRITE_REQ, .data = data, .data_len = sizeof(data),
	}, rsp;
	struct s9_cmd c;
	u64 mac;

	add_study_pop(test, BASE9_ID, 3, 32, AIOT_HWSIM_SEC_PROFILE_SOLUTION_9,
		      AIOT_SOL9_CFG_DEFAULT, policy);
	s9_new(test, &c, t, AIOT_SOL9_POL_DEFAULT, 0x60);
	s9_build(test, &c, &wr, true);
	work_snap(test);
	cmd_run(test);
	expect_policy_outcome(test, policy);
	KUNIT_EXPECT_TRUE(test, mem_is(test, t, 0, zero, sizeof(zero)));
	/* the paging once, the MAC over NN' | protected ID | message per PDU */
	mac = nia2_blocks(AIOT_SOL9_NN_LEN + 4 + S9_REQ_HDR + c.req_pl);
	expect_target(test, t, 1, nea2_blocks(4) + fx->res->attempts * mac);

	/* the right key still works afterwards */
	s9_new(test, &c, t, AIOT_SOL9_POL_DEFAULT, 0x70);
	s9_build(test, &c, &wr, false);
	cmd_run(test);
	s9_open(test, &c, &rsp);
	KUNIT_EXPECT_EQ(test, rsp.status, AIOT_NAS_STATUS_SUCCESS);
	KUNIT_EXPECT_TRUE(test, mem_is(test, t, 0, data, sizeof(data)));
}

/* ---- solution-y (seed 002) ------------------------------------------------- */

/* The AIOTF's side of one solution-y access (steps 3-17) */
struct y_sess {
	u32 n;			/* the target; 0: a group paging */
	u8 flags;		/* of the Y Paging Request */
	u8 nonce1[AIOT_SOLY_NONCE1_LEN];
	u8 k_aiot[AIOT_SOLY_K_AIOT_LEN];
	u8 pr[AIOT_NAS_CONT_MAX_OCTETS];	/* the Y Paging Request */
	unsigned int pr_len;
	u8 af;			/* flags of the device's Y Access Response */
	u8 nonce2[AIOT_SOLY_NONCE2_LEN];	/* its Nonce2, the session's T-ID */
	u8 k_ses[AIOT_SOLY_K_SES_LEN];
	unsigned int msg3_len;
	u32 counter;		/* the device's, returned by a resync */
};

/* The paging flags a configuration sends (step 3) */
static u8 y_flags(u32 config)
{
	return AIOT_SOLY_PF_PID |
	       (config & AIOT_SOLY_CFG_REPLAY ? AIOT_SOLY_PF_COUNTER : 0) |
	       (config & AIOT_SOLY_CFG_PAGING_MAC ? AIOT_SOLY_PF_MAC : 0);
}

/*
 * The Y Paging Request for device @n (0: a group paging, no PID) with
 * @flags and @counter, nonce1 from @first (step 3).
 */
static void y_paging(struct kunit *test, struct y_sess *y, u32 n, u8 flags, u32 counter,
		     u8 first)
{
	struct aiot_nas_msg m = { .type = AIOT_NAS_MT_SOLY_PAGING_REQ };
	u8 k[AIOT_K_ROOT_LEN], id[4], pid[AIOT_SOLY_PID_MAX_LEN] = {};
	struct hw_fx *fx = test->priv;
	int len, want;

	memset(y, 0, sizeof(*y));
	y->n = n;
	y->flags = n ? flags : 0;
	nonce_of(first, y->nonce1);
	m.flags = y->flags;
	m.nonce = y->nonce1;
	if (n) {
		m.enc = pid;
		m.enc_len = 4 + (flags & AIOT_SOLY_PF_COUNTER ? AIOT_SOLY_COUNTER_LEN : 0);
	}
	len = aiot_nas_encode(&m, fx->lin, AIOT_NAS_MAX_LEN);
	KUNIT_ASSERT_GT(test, len, 0);
	if (n) {
		expected_k_root(test, n, k);
		id_of(n, id);
		KUNIT_ASSERT_EQ(test, aiot_soly_k_aiot(k, y->nonce1, y->k_aiot), 0);
		len = aiot_soly_pid_seal(fx->ctx, y->k_aiot, flags, id, 32, counter, fx->lin,
					 Y_PR_OFF, AIOT_NAS_MAX_LEN);
		want = Y_PR_OFF + m.enc_len + (flags & AIOT_SOLY_PF_MAC ? AIOT_SOLY_MAC_LEN : 0);
		KUNIT_ASSERT_EQ(test, len, want);
	}
	KUNIT_ASSERT_LE(test, len, AIOT_NAS_CONT_MAX_OCTETS);
	memcpy(y->pr, fx->lin, len);
	y->pr_len = len;
}

/* The paging with @y's Y Paging Request (steps 4-5); the Msg3s in fx->msg3. */
static enum aiot_inv_end_cause y_page(struct kunit *test, const struct y_sess *y)
{
	struct aiot_inv_cfg cfg = { .max_devices = y->n ? 1 : 0 };

	cfg.nas_len = y->pr_len;
	memcpy(cfg.nas, y->pr, y->pr_len);
	return study_inventory(test, &cfg);
}

/*
 * Msg3 number @k as the AIOTF checks it (step 9): a Y Access Response to
 * @y's paging whose ARES verifies under k_AIoT_ses from @y's k_AIoT; its
 * counter (resync) into y->counter, its identity (one-way) equal to y->n.
 * Return: 0 or a negative error.
 */
static int y_access(struct kunit *test, struct y_sess *y, unsigned int k)
{
	struct hw_fx *fx = test->priv;
	unsigned int len = fx->msg3_len[k], off;
	struct aiot_nas_msg m;
	u8 id[4], id_bits;
	int n;

	memcpy(fx->lin, fx->msg3[k], len);
	if (aiot_nas_decode(fx->lin, len, &m) || m.type != AIOT_NAS_MT_SOLY_ACCESS_RSP)
		return -EPROTO;
	y->af = m.flags;
	y->msg3_len = len;
	memcpy(y->nonce2, m.nonce, sizeof(y->nonce2));
	off = m.enc ? m.enc - fx->lin : len - AIOT_SOLY_ARES_LEN;
	KUNIT_ASSERT_EQ(test, aiot_soly_k_ses(y->k_aiot, y->nonce2, y->k_ses), 0);
	n = aiot_soly_access_open(fx->ctx, y->k_ses, y->nonce1, fx->lin, off, len);
	if (n < 0)
		return n;
	if (m.flags & AIOT_SOLY_AF_RESYNC) {
		if (n - off != AIOT_SOLY_COUNTER_LEN)
			return -EPROTO;
		y->counter = id_num(fx->lin + off);
	}
	if (m.flags & AIOT_SOLY_AF_PID) {
		id_of(y->n, id);
		if (aiot_prof_id_get(fx->lin + off, n - off, &id_bits) || id_bits != 32 ||
		    memcmp(fx->lin + off + 1, id, sizeof(id)))
			return -ENOENT;
	}
	return 0;
}

/* Send @len octets of fx->lin to @y's session: a CFRA paging by its T-ID. */
static void y_send(struct kunit *test, const struct y_sess *y, unsigned int len)
{
	struct hw_fx *fx = test->priv;

	memset(fx->req, 0, sizeof(*fx->req));
	fx->req->id_type = AIOT_ID_TEMPORARY;
	fx->req->id_bits = AIOT_SOLY_TID_LEN * 8;
	memcpy(fx->req->id, y->nonce2, AIOT_SOLY_TID_LEN);
	fx->req->as_id = 9;
	fx->req->attempts = 3;
	fx->req->nas_bits = len * 8;
	memcpy(fx->req->nas, fx->lin, len);
	cmd_run(test);
}

/* The Y Network Authentication of @y's session (steps 10-11), NRES wrong with @wrong. */
static void y_nres(struct kunit *test, const struct y_sess *y, bool wrong)
{
	struct aiot_nas_msg m = { .type = AIOT_NAS_MT_SOLY_NET_AUTH };
	struct hw_fx *fx = test->priv;
	u8 nres[AIOT_SOLY_NRES_LEN];
	int len;

	KUNIT_ASSERT_EQ(test, aiot_soly_nres(fx->ctx, y->k_ses, y->nonce2, nres), 0);
	nres[0] ^= wrong;
	m.nres = nres;
	len = aiot_nas_encode(&m, fx->lin, AIOT_NAS_MAX_LEN);
	KUNIT_ASSERT_EQ(test, len, 2 + AIOT_SOLY_NRES_LEN);
	y_send(test, y, len);
}

/* The answer in fx->res is the Y Protected Identity of y->n (steps 16-17). */
static bool y_identity_ok(struct kunit *test, const struct y_sess *y)
{
	struct hw_fx *fx = test->priv;
	unsigned int len = fx->res->rsp_bits / 8;
	u8 id[4], id_bits;

	if (fx->res->outcome != AIOT_CMD_OUTCOME_NAS_RESPONSE || fx->res->rsp_bits % 8 ||
	    len > AIOT_NAS_MAX_LEN)
		return false;
	memcpy(fx->lin, fx->res->rsp, len);
	id_of(y->n, id);
	return len > Y_ID_OFF && fx->lin[1] == AIOT_NAS_MT_SOLY_PROT_ID &&
	       !aiot_soly_ident_open(fx->ctx, y->k_ses, fx->lin, Y_ID_OFF, len, &id_bits) &&
	       id_bits == 32 && !memcmp(fx->lin + Y_ID_OFF + 1, id, sizeof(id));
}

/*
 * The plain request @req to @y's session, under seed 003's envelope with
 * K_Command_enc/int from k_AIoT_ses, as @sht says (AIOT_NAS_SHT_PLAIN: the
 * NULL algorithms). Return: the PDU's length.
 */
static unsigned int y_command(struct kunit *test, const struct y_sess *y,
			      const struct aiot_nas_msg *req, u8 sht)
{
	struct hw_fx *fx = test->priv;
	int len;

	len = aiot_nas_encode(req, fx->lin, AIOT_NAS_MAX_LEN);
	KUNIT_ASSERT_GT(test, len, 0);
	if (sht != AIOT_NAS_SHT_PLAIN) {
		KUNIT_ASSERT_EQ(test, aiot_soly_ctx_set_command(fx->ctx, y->k_ses), 0);
		len = aiot_nas_seal(fx->ctx, AIOT_NAS_DIR_R2D,
				    sht == AIOT_NAS_SHT_INTEGRITY_CIPHERED, fx->lin, len,
				    AIOT_NAS_MAX_LEN);
		KUNIT_ASSERT_GT(test, len, 0);
	}
	y_send(test, y, len);
	return len;
}

/* The response in fx->res, protected as @sht says, opened and decoded into @rsp. */
static unsigned int y_response(struct kunit *test, const struct y_sess *y, u8 sht,
			       struct aiot_nas_msg *rsp)
{
	struct hw_fx *fx = test->priv;
	unsigned int len;
	int plain;

	KUNIT_ASSERT_EQ(test, fx->res->outcome, AIOT_CMD_OUTCOME_NAS_RESPONSE);
	KUNIT_ASSERT_EQ(test, fx->res->rsp_bits % 8, 0);
	len = fx->res->rsp_bits / 8;
	KUNIT_ASSERT_LE(test, len, (unsigned int)AIOT_NAS_MAX_LEN);
	memcpy(fx->lin, fx->res->rsp, len);
	KUNIT_EXPECT_EQ(test, fx->lin[0], sht);	/* protected as the request was */
	plain = len;
	if (sht != AIOT_NAS_SHT_PLAIN) {
		KUNIT_ASSERT_EQ(test, aiot_soly_ctx_set_command(fx->ctx, y->k_ses), 0);
		plain = aiot_nas_open(fx->ctx, AIOT_NAS_DIR_D2R, fx->lin, len);
		KUNIT_ASSERT_GT(test, plain, 0);
	}
	KUNIT_ASSERT_EQ(test, aiot_nas_decode(fx->lin, plain, rsp), 0);
	return len;
}

/*
 * What the paged device spends on @y's paging (step 6): k_AIoT, its PID
 * deciphered, then MAC-P over SHT..PID.
 */
static void y_paging_cost(const struct y_sess *y, u64 *kdf, u64 *aes)
{
	*kdf = 1;
	*aes = nea2_blocks(4 + (y->flags & AIOT_SOLY_PF_COUNTER ? AIOT_SOLY_COUNTER_LEN : 0));
	if (y->flags & AIOT_SOLY_PF_MAC)
		*aes += nia2_blocks(y->pr_len - AIOT_SOLY_MAC_LEN);
}

/*
 * ... and at Msg2, on its Y Access Response: k_AIoT_ses, the KID (CMAC over
 * nonce1), the ciphered counter or id_bits | ID, ARES over nonce1 and the
 * message up to ARES.
 */
static void y_access_cost(const struct y_sess *y, u64 *kdf, u64 *aes)
{
	unsigned int part = 0;

	if (y->af & AIOT_SOLY_AF_RESYNC)
		part = AIOT_SOLY_COUNTER_LEN;
	else if (y->af & AIOT_SOLY_AF_PID)
		part = 1 + 4;
	*kdf += 1;
	*aes += nea2_blocks(part) +
		nia2_blocks(AIOT_SOLY_NONCE1_LEN + y->msg3_len - AIOT_SOLY_ARES_LEN);
	if (y->af & AIOT_SOLY_AF_KID)
		*aes += nia2_blocks(AIOT_SOLY_NONCE1_LEN);
}

/* A command of @len octets answered with @rsp_len, protected as @sht says (2 KDF) */
static void y_command_cost(unsigned int len, unsigned int rsp_len, u8 sht, u64 *kdf, u64 *aes)
{
	bool cipher = sht == AIOT_NAS_SHT_INTEGRITY_CIPHERED;

	*kdf = 2;
	*aes = nia2_blocks(len - AIOT_NAS_TRAILER_LEN) +
	       nia2_blocks(rsp_len - AIOT_NAS_TRAILER_LEN);
	if (cipher)
		*aes += nea2_blocks(len - AIOT_NAS_TRAILER_LEN - AIOT_NAS_HDR_LEN) +
			nea2_blocks(rsp_len - AIOT_NAS_TRAILER_LEN - AIOT_NAS_HDR_LEN);
}

static u32 counter_of(struct kunit *test, u32 n)
{
	struct hwsim_dev *dev = dev_of(test, n);
	struct hw_fx *fx = test->priv;
	u32 c;

	mutex_lock(&fx->hr->lock);
	c = dev->counter;
	mutex_unlock(&fx->hr->lock);
	return c;
}

/* Re-provision device @n's counter, as set-device does. */
static void counter_set(struct kunit *test, u32 n, u32 c)
{
	struct hwsim_dev *dev = dev_of(test, n);
	struct hw_fx *fx = test->priv;

	mutex_lock(&fx->hr->lock);
	dev->counter = c;
	mutex_unlock(&fx->hr->lock);
}

/*
 * A targeted access to @n with @counter, nonce1 from @first: one Y Access
 * Response, ARES valid, flags @af.
 */
static void y_access_ok(struct kunit *test, struct y_sess *y, u32 n, u32 config,
			u32 counter, u8 first, u8 af)
{
	struct hw_fx *fx = test->priv;

	y_paging(test, y, n, y_flags(config), counter, first);
	KUNIT_ASSERT_EQ(test, y_page(test, y), AIOT_INV_END_DEVICES_READ);
	KUNIT_ASSERT_EQ(test, fx->reports, 1U);
	KUNIT_ASSERT_EQ(test, y_access(test, y, 0), 0);
	KUNIT_ASSERT_EQ(test, y->af, af);
}

/* ... then NRES, answered with the protected identity: a session for one command round. */
static void y_session(struct kunit *test, struct y_sess *y, u32 n, u32 config, u32 counter,
		      u8 first)
{
	y_access_ok(test, y, n, config, counter, first, 0);
	y_nres(test, y, false);
	KUNIT_ASSERT_TRUE(test, y_identity_ok(test, y));
}

/* A paging that gets no answer at all: nobody contends, nobody sends. */
static void y_page_silence(struct kunit *test, const struct y_sess *y)
{
	struct hw_fx *fx = test->priv;

	KUNIT_EXPECT_EQ(test, y_page(test, y), AIOT_INV_END_COMPLETE);
	KUNIT_EXPECT_EQ(test, fx->reports, 0U);
	KUNIT_EXPECT_EQ(test, fx->job->stats.air.d2r_frames, 0ULL);
}

/*
 * One-way authentication (MUTUAL off): the identity rides in Msg3 under
 * k_AIoT_ses, covered by ARES (24 octets, 2 KDF and 8 blocks); the device
 * takes commands without NRES, and has no NRES step. A PID of another
 * length costs a device nothing.
 */
static void hw_soly_one_way(struct kunit *test)
{
	static const u8 data[8] = "one-way!";
	const u32 cfg = AIOT_SOLY_CFG_DEFAULT & ~AIOT_SOLY_CFG_MUTUAL, t = BASEY_ID + 3;
	struct hw_fx *fx = test->priv;
	struct aiot_nas_msg wr = {
		.type = AIOT_NAS_MT_WRITE_REQ, .offset = 4, .data = data, .data_len = 8,
	}, rsp;
	unsigned int len, rlen;
	struct y_sess y;
	u64 kdf, aes;

	add_study_pop(test, BASEY_ID, 5, 32, AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y, cfg,
		      AIOT_HWSIM_POLICY_AS_INDICATION_CAUSE);
	add_study_pop(test, BASE24_ID, 3, 24, AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y, cfg,
		      AIOT_HWSIM_POLICY_AS_INDICATION_CAUSE);
	add_pop(test, 2, 0, AIOT_HWSIM_ENERGY_UNLIMITED);

	work_snap(test);
	y_access_ok(test, &y, t, cfg, 0, 0x11, AIOT_SOLY_AF_PID);
	KUNIT_EXPECT_EQ(test, y.msg3_len, 3 + AIOT_SOLY_NONCE2_LEN + 1 + 4U + AIOT_SOLY_ARES_LEN);
	y_paging_cost(&y, &kdf, &aes);
	y_access_cost(&y, &kdf, &aes);
	KUNIT_EXPECT_EQ(test, kdf, 2ULL);
	expect_target(test, t, kdf, aes);
	expect_spent(test, AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y, 32, t, 1, nea2_blocks(8));
	expect_spent(test, AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y, 24, 0, 0, 0);
	expect_untouched(test, AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y);
	KUNIT_EXPECT_EQ(test, counter_of(test, t), 1U);

	/* no NRES step in a one-way session */
	y_nres(test, &y, false);
	KUNIT_EXPECT_EQ(test, fx->res->outcome, AIOT_CMD_OUTCOME_AS_INDICATION);
	KUNIT_EXPECT_EQ(test, fx->res->cause, AIOT_NNR_UNKNOWN_MSG);

	/* a command straight away */
	work_snap(test);
	len = y_command(test, &y, &wr, AIOT_NAS_SHT_INTEGRITY_CIPHERED);
	rlen = y_response(test, &y, AIOT_NAS_SHT_INTEGRITY_CIPHERED, &rsp);
	KUNIT_EXPECT_EQ(test, rsp.type, AIOT_NAS_MT_WRITE_RSP);
	KUNIT_EXPECT_EQ(test, rsp.status, AIOT_NAS_STATUS_SUCCESS);
	KUNIT_EXPECT_TRUE(test, mem_is(test, t, 4, data, sizeof(data)));
	y_command_cost(len, rlen, AIOT_NAS_SHT_INTEGRITY_CIPHERED, &kdf, &aes);
	expect_target(test, t, kdf, aes);
	expect_spent(test, AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y, 32, t, 0, 0);
}

/*
 * Group paging (no PID): every solution-y device answers with its KID,
 * which the AIOTF finds among its candidates' and which tells it whose ARES
 * to check; the counter is neither checked nor stepped. A one-way device
 * adds its identity (28 octets). With MUTUAL, NRES then gets a device's
 * protected identity, at no cost to the others.
 */
static void hw_soly_group(struct kunit *test)
{
	enum { N_MUTUAL = 6, N = 8 };
	const u32 one_way = AIOT_SOLY_CFG_DEFAULT & ~AIOT_SOLY_CFG_MUTUAL;
	struct hw_fx *fx = test->priv;
	u8 k[AIOT_K_ROOT_LEN], kid[N][AIOT_SOLY_KID_LEN];
	unsigned int i, j, found = 0, matches;
	struct y_sess *ys, g;
	struct aiot_nas_msg m;
	u64 kdf, aes;

	ys = kunit_kcalloc(test, N, sizeof(*ys), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ys);
	add_study_pop(test, BASEY_ID, N_MUTUAL, 32, AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y,
		      AIOT_SOLY_CFG_DEFAULT, AIOT_HWSIM_POLICY_SILENT);
	add_study_pop(test, BASEY_ID + 0x10, N - N_MUTUAL, 32, AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y,
		      one_way, AIOT_HWSIM_POLICY_SILENT);
	add_pop(test, 3, 0, AIOT_HWSIM_ENERGY_UNLIMITED);

	y_paging(test, &g, 0, 0, 0, 0x21);
	KUNIT_EXPECT_EQ(test, g.pr_len, (unsigned int)Y_PR_OFF);
	/* the AIOTF's candidates: k_AIoT and KID of each, once per paging */
	for (i = 0; i < N; i++) {
		ys[i] = g;
		ys[i].n = i < N_MUTUAL ? BASEY_ID + i : BASEY_ID + 0x10 + i - N_MUTUAL;
		counter_set(test, ys[i].n, 40 + i);
		expected_k_root(test, ys[i].n, k);
		KUNIT_ASSERT_EQ(test, aiot_soly_k_aiot(k, g.nonce1, ys[i].k_aiot), 0);
		KUNIT_ASSERT_EQ(test, aiot_soly_kid(fx->ctx, ys[i].k_aiot, g.nonce1, kid[i]), 0);
	}
	work_snap(test);
	KUNIT_EXPECT_EQ(test, y_page(test, &g), AIOT_INV_END_COMPLETE);
	KUNIT_ASSERT_EQ(test, fx->reports, (unsigned int)N);
	for (j = 0; j < N; j++) {
		KUNIT_ASSERT_EQ(test, aiot_nas_decode(fx->msg3[j], fx->msg3_len[j], &m), 0);
		KUNIT_EXPECT_EQ(test, m.type, AIOT_NAS_MT_SOLY_ACCESS_RSP);
		KUNIT_ASSERT_TRUE(test, m.flags & AIOT_SOLY_AF_KID);
		for (i = 0, matches = 0; i < N; i++) {
			if (memcmp(m.kid, kid[i], AIOT_SOLY_KID_LEN))
				continue;
			matches++;
			KUNIT_EXPECT_EQ(test, y_access(test, &ys[i], j), 0);
			found |= BIT(i);
		}
		KUNIT_EXPECT_EQ(test, matches, 1U);
	}
	KUNIT_EXPECT_EQ(test, found, BIT(N) - 1);
	for (i = 0; i < N; i++) {
		bool mutual = i < N_MUTUAL;

		KUNIT_EXPECT_EQ(test, ys[i].af, AIOT_SOLY_AF_KID | (mutual ? 0 : AIOT_SOLY_AF_PID));
		KUNIT_EXPECT_EQ(test, ys[i].msg3_len, 3 + AIOT_SOLY_NONCE2_LEN + AIOT_SOLY_KID_LEN +
				(mutual ? 0 : 1 + 4U) + AIOT_SOLY_ARES_LEN);
		KUNIT_EXPECT_EQ(test, counter_of(test, ys[i].n), 40U + i);
		/* k_AIoT, k_AIoT_ses; KID, the identity, ARES */
		kdf = 1;
		aes = 0;
		y_access_cost(&ys[i], &kdf, &aes);
		KUNIT_EXPECT_EQ(test, kdf, 2ULL);
		expect_target(test, ys[i].n, kdf, aes);
	}
	expect_untouched(test, AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y);

	/* a device read in the group: NRES by its Nonce2, its identity back */
	work_snap(test);
	y_nres(test, &ys[4], false);
	KUNIT_EXPECT_TRUE(test, y_identity_ok(test, &ys[4]));
	/* NRES checked, id_bits | ID ciphered, its MAC over SHT..PID_D */
	expect_target(test, ys[4].n, 0, nia2_blocks(AIOT_SOLY_NONCE2_LEN) + nea2_blocks(1 + 4) +
		      nia2_blocks(Y_ID_OFF + 1 + 4));
	expect_spent(test, AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y, 32, ys[4].n, 0, 0);
}

/*
 * Without RESYNC a counter that is not the device's (smaller or larger)
 * gets silence, after MAC-P; the equal one is answered and steps it.
 * Re-provisioning the counter (set-device) is the way back.
 */
static void hw_soly_counter(struct kunit *test)
{
	const u32 cfg = AIOT_SOLY_CFG_DEFAULT & ~AIOT_SOLY_CFG_RESYNC, t = BASEY_ID + 1;
	struct hw_fx *fx = test->priv;
	struct y_sess y;
	u64 kdf, aes;

	add_study_pop(test, BASEY_ID, 3, 32, AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y, cfg,
		      AIOT_HWSIM_POLICY_SILENT);
	counter_set(test, t, 7);

	y_paging(test, &y, t, y_flags(cfg), 6, 0x31);
	work_snap(test);
	y_page_silence(test, &y);
	y_paging_cost(&y, &kdf, &aes);
	expect_target(test, t, kdf, aes);
	KUNIT_EXPECT_EQ(test, counter_of(test, t), 7U);
	y_paging(test, &y, t, y_flags(cfg), 8, 0x32);
	y_page_silence(test, &y);
	KUNIT_EXPECT_EQ(test, counter_of(test, t), 7U);

	y_session(test, &y, t, cfg, 7, 0x33);
	KUNIT_EXPECT_EQ(test, counter_of(test, t), 8U);

	/* re-provisioned to 0: the AIOTF's 8 is refused, 0 answered */
	counter_set(test, t, 0);
	y_paging(test, &y, t, y_flags(cfg), 8, 0x34);
	y_page_silence(test, &y);
	y_access_ok(test, &y, t, cfg, 0, 0x35, 0);
	KUNIT_EXPECT_EQ(test, counter_of(test, t), 1U);
	KUNIT_EXPECT_EQ(test, fx->job->stats.devices, 1U);
}

/*
 * With RESYNC a counter mismatch gets a resync answer: the device's counter
 * under k_AIoT_ses, ARES valid, 23 octets, no session and no step; the
 * AIOTF adopts it and pages again. A replayed paging gets the same (A5).
 */
static void hw_soly_resync(struct kunit *test)
{
	const u32 cfg = AIOT_SOLY_CFG_DEFAULT, t = BASEY_ID + 2;
	struct hw_fx *fx = test->priv;
	struct y_sess y, cap;
	u64 kdf, aes;

	add_study_pop(test, BASEY_ID, 3, 32, AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y, cfg,
		      AIOT_HWSIM_POLICY_SILENT);
	counter_set(test, t, 3);

	work_snap(test);
	y_access_ok(test, &y, t, cfg, 0, 0x41, AIOT_SOLY_AF_RESYNC);
	KUNIT_EXPECT_EQ(test, y.counter, 3U);
	KUNIT_EXPECT_EQ(test, y.msg3_len, 3 + AIOT_SOLY_NONCE2_LEN + 0U + AIOT_SOLY_COUNTER_LEN +
			AIOT_SOLY_ARES_LEN);
	KUNIT_EXPECT_EQ(test, counter_of(test, t), 3U);
	y_paging_cost(&y, &kdf, &aes);
	y_access_cost(&y, &kdf, &aes);
	expect_target(test, t, kdf, aes);
	/* a resync opens no session: its Nonce2 pages nobody */
	y_nres(test, &y, false);
	KUNIT_EXPECT_EQ(test, fx->res->outcome, AIOT_CMD_OUTCOME_NO_RESPONSE);
	KUNIT_EXPECT_EQ(test, fx->res->air.d2r_frames, 0ULL);

	y_session(test, &cap, t, cfg, y.counter, 0x42);
	KUNIT_EXPECT_EQ(test, counter_of(test, t), 4U);

	/* A5: the captured paging again: a resync answer, the counter stays */
	y = cap;
	KUNIT_EXPECT_EQ(test, y_page(test, &y), AIOT_INV_END_DEVICES_READ);
	KUNIT_ASSERT_EQ(test, fx->reports, 1U);
	KUNIT_EXPECT_EQ(test, y_access(test, &y, 0), 0);
	KUNIT_EXPECT_EQ(test, y.af, AIOT_SOLY_AF_RESYNC);
	KUNIT_EXPECT_EQ(test, y.counter, 4U);
	KUNIT_EXPECT_EQ(test, counter_of(test, t), 4U);

	/* at the maximum no more counted pagings; a resync still tells it */
	counter_set(test, t, AIOT_SOLY_COUNTER_MAX);
	y_paging(test, &y, t, y_flags(cfg), AIOT_SOLY_COUNTER_MAX, 0x43);
	y_page_silence(test, &y);
	y_access_ok(test, &y, t, cfg, 4, 0x44, AIOT_SOLY_AF_RESYNC);
	KUNIT_EXPECT_EQ(test, y.counter, AIOT_SOLY_COUNTER_MAX);
	KUNIT_EXPECT_EQ(test, counter_of(test, t), AIOT_SOLY_COUNTER_MAX);
}

/*
 * Msg3 lost: a repeated Msg2 gets the same Msg3 (nothing computed again);
 * after the NACK the device accesses in a later frame with a new Nonce2 and
 * k_AIoT_ses, and its counter is stepped once for the one paging.
 */
static void hw_soly_msg3_lost(struct kunit *test)
{
	const u32 t = BASEY_ID + 1;
	struct hw_fx *fx = test->priv;
	struct y_sess y;
	u64 kdf, aes;

	add_study_pop(test, BASEY_ID, 3, 32, AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y,
		      AIOT_SOLY_CFG_DEFAULT, AIOT_HWSIM_POLICY_SILENT);
	atomic_set(&fx->hr->drop_msg3, AIOT_MSG3_ATTEMPTS);
	work_snap(test);
	y_access_ok(test, &y, t, AIOT_SOLY_CFG_DEFAULT, 0, 0xb1, 0);
	KUNIT_EXPECT_EQ(test, fx->hr->stats.dropped, (u64)AIOT_MSG3_ATTEMPTS);
	KUNIT_EXPECT_EQ(test, fx->job->stats.msg3_lost, 1ULL);
	KUNIT_EXPECT_EQ(test, counter_of(test, t), 1U);
	/* the paging once, the Access Response twice (the same length) */
	y_paging_cost(&y, &kdf, &aes);
	y_access_cost(&y, &kdf, &aes);
	y_access_cost(&y, &kdf, &aes);
	expect_target(test, t, kdf, aes);
	/* the session is the reported Nonce2's */
	y_nres(test, &y, false);
	KUNIT_EXPECT_TRUE(test, y_identity_ok(test, &y));
}

/*
 * REPLAY off: the PID is the identity alone and a replayed paging is
 * answered normally, each time with a new Nonce2 that replaces the
 * session; the counter is never touched. A paging with a counter, which
 * this configuration does not send, gets silence.
 */
static void hw_soly_replay_off(struct kunit *test)
{
	const u32 cfg = AIOT_SOLY_CFG_MUTUAL | AIOT_SOLY_CFG_CMD_INT | AIOT_SOLY_CFG_CMD_CIPHER;
	const u32 t = BASEY_ID + 1;
	struct hw_fx *fx = test->priv;
	struct y_sess y, first;
	u64 kdf, aes;

	add_study_pop(test, BASEY_ID, 3, 32, AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y, cfg,
		      AIOT_HWSIM_POLICY_SILENT);
	counter_set(test, t, 5);
	KUNIT_EXPECT_EQ(test, y_flags(cfg), AIOT_SOLY_PF_PID);

	work_snap(test);
	y_access_ok(test, &first, t, cfg, 0, 0x51, 0);
	KUNIT_EXPECT_EQ(test, first.pr_len, Y_PR_OFF + 4U);
	y_paging_cost(&first, &kdf, &aes);
	y_access_cost(&first, &kdf, &aes);
	expect_target(test, t, kdf, aes);

	/* the same paging replayed: answered as it was, a new session */
	y = first;
	KUNIT_EXPECT_EQ(test, y_page(test, &y), AIOT_INV_END_DEVICES_READ);
	KUNIT_ASSERT_EQ(test, fx->reports, 1U);
	KUNIT_EXPECT_EQ(test, y_access(test, &y, 0), 0);
	KUNIT_EXPECT_EQ(test, y.af, 0);
	KUNIT_EXPECT_NE(test, memcmp(y.nonce2, first.nonce2, AIOT_SOLY_NONCE2_LEN), 0);
	KUNIT_EXPECT_EQ(test, counter_of(test, t), 5U);
	y_nres(test, &first, false);
	KUNIT_EXPECT_EQ(test, fx->res->outcome, AIOT_CMD_OUTCOME_NO_RESPONSE);
	y_nres(test, &y, false);
	KUNIT_EXPECT_TRUE(test, y_identity_ok(test, &y));

	/* a paging with the counter and MAC-P: not what this device takes */
	y_paging(test, &y, t, y_flags(AIOT_SOLY_CFG_DEFAULT), 5, 0x52);
	y_page_silence(test, &y);
	KUNIT_EXPECT_EQ(test, counter_of(test, t), 5U);
}

/*
 * A6: a replayed paging whose ciphered counter has bit 0 flipped. Without
 * PAGING_MAC (the seed's letter) it is accepted when the captured value was
 * even and one paging has passed, answered normally, and the device steps
 * its counter: the honest AIOTF gets a resync answer next. A captured odd
 * value flips to an older one: a resync answer, no step. With PAGING_MAC,
 * MAC-P fails: silence.
 */
static void hw_soly_a6_counter_flip(struct kunit *test)
{
	const u32 cfg = AIOT_SOLY_CFG_DEFAULT & ~AIOT_SOLY_CFG_PAGING_MAC;
	const u32 t = BASEY_ID, tm = BASEY_ID + 0x10;
	/* the last octet of the counter in the PID (ID, then counter) */
	const unsigned int lsb = Y_PR_OFF + 4 + AIOT_SOLY_COUNTER_LEN - 1;
	struct hw_fx *fx = test->priv;
	struct y_sess cap, y;
	u64 kdf, aes;

	add_study_pop(test, t, 2, 32, AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y, cfg,
		      AIOT_HWSIM_POLICY_SILENT);
	add_study_pop(test, tm, 2, 32, AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y,
		      AIOT_SOLY_CFG_DEFAULT, AIOT_HWSIM_POLICY_SILENT);

	/* captured with the even value 0, accepted: the device is at 1 */
	y_access_ok(test, &cap, t, cfg, 0, 0x61, 0);
	KUNIT_ASSERT_EQ(test, counter_of(test, t), 1U);
	y = cap;
	y.pr[lsb] ^= 1;
	KUNIT_EXPECT_EQ(test, y_page(test, &y), AIOT_INV_END_DEVICES_READ);
	KUNIT_ASSERT_EQ(test, fx->reports, 1U);
	KUNIT_EXPECT_EQ(test, y_access(test, &y, 0), 0);
	KUNIT_EXPECT_EQ(test, y.af, 0);		/* taken for the current value */
	KUNIT_EXPECT_EQ(test, counter_of(test, t), 2U);
	/* the honest AIOTF, at 1, is desynchronised */
	y_access_ok(test, &y, t, cfg, 1, 0x62, AIOT_SOLY_AF_RESYNC);
	KUNIT_EXPECT_EQ(test, y.counter, 2U);

	/* an odd captured value: the flip gives an older one */
	y_access_ok(test, &y, t, cfg, 2, 0x63, 0);
	y_access_ok(test, &cap, t, cfg, 3, 0x64, 0);
	KUNIT_ASSERT_EQ(test, counter_of(test, t), 4U);
	y = cap;
	y.pr[lsb] ^= 1;
	KUNIT_EXPECT_EQ(test, y_page(test, &y), AIOT_INV_END_DEVICES_READ);
	KUNIT_ASSERT_EQ(test, fx->reports, 1U);
	KUNIT_EXPECT_EQ(test, y_access(test, &y, 0), 0);
	KUNIT_EXPECT_EQ(test, y.af, AIOT_SOLY_AF_RESYNC);
	KUNIT_EXPECT_EQ(test, y.counter, 4U);
	KUNIT_EXPECT_EQ(test, counter_of(test, t), 4U);

	/* PAGING_MAC: the flipped paging fails MAC-P, after costing it */
	y_access_ok(test, &cap, tm, AIOT_SOLY_CFG_DEFAULT, 0, 0x65, 0);
	KUNIT_ASSERT_EQ(test, counter_of(test, tm), 1U);
	y = cap;
	y.pr[lsb] ^= 1;
	work_snap(test);
	y_page_silence(test, &y);
	y_paging_cost(&y, &kdf, &aes);
	expect_target(test, tm, kdf, aes);
	KUNIT_EXPECT_EQ(test, counter_of(test, tm), 1U);
}

/*
 * CMD_INT and CMD_CIPHER: off, the NULL algorithms (a plain command is
 * executed and answered plain, no cryptography); a device refuses a command
 * with less protection than its configuration, by its integrity-failure
 * policy, before deriving anything.
 */
static void hw_soly_command_protection(struct kunit *test)
{
	const u32 base = AIOT_SOLY_CFG_MUTUAL | AIOT_SOLY_CFG_REPLAY | AIOT_SOLY_CFG_RESYNC |
			 AIOT_SOLY_CFG_PAGING_MAC;
	const u32 tn = BASEY_ID, ti = BASEY_ID + 0x10, tc = BASEY_ID + 0x20;
	static const u8 zero[8];
	struct hw_fx *fx = test->priv;
	struct aiot_nas_msg wr = { .type = AIOT_NAS_MT_WRITE_REQ, .data_len = 8 }, rsp;
	unsigned int len, rlen;
	u8 data[8];
	struct y_sess y;
	u64 kdf, aes;

	add_study_pop(test, tn, 2, 32, AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y, base,
		      AIOT_HWSIM_POLICY_AS_INDICATION_CAUSE);
	add_study_pop(test, ti, 2, 32, AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y,
		      base | AIOT_SOLY_CFG_CMD_INT, AIOT_HWSIM_POLICY_AS_INDICATION_CAUSE);
	add_study_pop(test, tc, 2, 32, AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y,
		      AIOT_SOLY_CFG_DEFAULT, AIOT_HWSIM_POLICY_AS_INDICATION_CAUSE);
	wr.data = data;

	/* neither: a plain Write is executed and answered plain, for free */
	y_session(test, &y, tn, base, 0, 0x71);
	memset(data, 0x11, sizeof(data));
	work_snap(test);
	y_command(test, &y, &wr, AIOT_NAS_SHT_PLAIN);
	y_response(test, &y, AIOT_NAS_SHT_PLAIN, &rsp);
	KUNIT_EXPECT_EQ(test, rsp.type, AIOT_NAS_MT_WRITE_RSP);
	KUNIT_EXPECT_EQ(test, rsp.status, AIOT_NAS_STATUS_SUCCESS);
	KUNIT_EXPECT_TRUE(test, mem_is(test, tn, 0, data, sizeof(data)));
	expect_target(test, tn, 0, 0);

	/* CMD_INT: plain refused; integrity only executed */
	y_session(test, &y, ti, base | AIOT_SOLY_CFG_CMD_INT, 0, 0x72);
	memset(data, 0x22, sizeof(data));
	work_snap(test);
	y_command(test, &y, &wr, AIOT_NAS_SHT_PLAIN);
	KUNIT_EXPECT_EQ(test, fx->res->outcome, AIOT_CMD_OUTCOME_AS_INDICATION);
	KUNIT_EXPECT_EQ(test, fx->res->cause, AIOT_NNR_INTEGRITY);
	KUNIT_EXPECT_TRUE(test, mem_is(test, ti, 0, zero, sizeof(zero)));
	expect_target(test, ti, 0, 0);
	work_snap(test);
	len = y_command(test, &y, &wr, AIOT_NAS_SHT_INTEGRITY);
	rlen = y_response(test, &y, AIOT_NAS_SHT_INTEGRITY, &rsp);
	KUNIT_EXPECT_EQ(test, rsp.status, AIOT_NAS_STATUS_SUCCESS);
	KUNIT_EXPECT_TRUE(test, mem_is(test, ti, 0, data, sizeof(data)));
	y_command_cost(len, rlen, AIOT_NAS_SHT_INTEGRITY, &kdf, &aes);
	expect_target(test, ti, kdf, aes);

	/* CMD_CIPHER: plain and integrity only refused; ciphered executed */
	y_session(test, &y, tc, AIOT_SOLY_CFG_DEFAULT, 0, 0x73);
	memset(data, 0x33, sizeof(data));
	work_snap(test);
	y_command(test, &y, &wr, AIOT_NAS_SHT_PLAIN);
	KUNIT_EXPECT_EQ(test, fx->res->outcome, AIOT_CMD_OUTCOME_AS_INDICATION);
	KUNIT_EXPECT_EQ(test, fx->res->cause, AIOT_NNR_INTEGRITY);
	y_command(test, &y, &wr, AIOT_NAS_SHT_INTEGRITY);
	KUNIT_EXPECT_EQ(test, fx->res->outcome, AIOT_CMD_OUTCOME_AS_INDICATION);
	KUNIT_EXPECT_EQ(test, fx->res->cause, AIOT_NNR_INTEGRITY);
	KUNIT_EXPECT_TRUE(test, mem_is(test, tc, 0, zero, sizeof(zero)));
	expect_target(test, tc, 0, 0);
	work_snap(test);
	len = y_command(test, &y, &wr, AIOT_NAS_SHT_INTEGRITY_CIPHERED);
	rlen = y_response(test, &y, AIOT_NAS_SHT_INTEGRITY_CIPHERED, &rsp);
	KUNIT_EXPECT_EQ(test, rsp.status, AIOT_NAS_STATUS_SUCCESS);
	KUNIT_EXPECT_TRUE(test, mem_is(test, tc, 0, data, sizeof(data)));
	y_command_cost(len, rlen, AIOT_NAS_SHT_INTEGRITY_CIPHERED, &kdf, &aes);
	expect_target(test, tc, kdf, aes);
}

/*
 * MUTUAL: a command before NRES, however well protected, is refused by the
 * device's integrity-failure policy, at no cost; after NRES it is executed.
 */
static void hw_soly_command_before_nres(struct kunit *test)
{
	u8 policy = *(const u8 *)test->param_value;
	static const u8 data[4] = "nres", zero[4];
	const u32 t = BASEY_ID + 1;
	struct aiot_nas_msg wr = {
		.type = AIOT_NAS_MT_WRITE_REQ, .data = data, .data_len = sizeof(data),
	}, rsp;
	struct y_sess y;

	add_study_pop(test, BASEY_ID, 2, 32, AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y,
		      AIOT_SOLY_CFG_DEFAULT, policy);
	y_access_ok(test, &y, t, AIOT_SOLY_CFG_DEFAULT, 0, 0x81, 0);
	work_snap(test);
	y_command(test, &y, &wr, AIOT_NAS_SHT_INTEGRITY_CIPHERED);
	expect_policy_outcome(test, policy);
	KUNIT_EXPECT_TRUE(test, mem_is(test, t, 0, zero, sizeof(zero)));
	expect_target(test, t, 0, 0);

	y_nres(test, &y, false);
	KUNIT_EXPECT_TRUE(test, y_identity_ok(test, &y));
	y_command(test, &y, &wr, AIOT_NAS_SHT_INTEGRITY_CIPHERED);
	y_response(test, &y, AIOT_NAS_SHT_INTEGRITY_CIPHERED, &rsp);
	KUNIT_EXPECT_EQ(test, rsp.status, AIOT_NAS_STATUS_SUCCESS);
	KUNIT_EXPECT_TRUE(test, mem_is(test, t, 0, data, sizeof(data)));
}

/*
 * Out of energy, a device keeps its configuration, K and counter, not its
 * session: a later paging by the session's T-ID finds nobody, whether the
 * energy ran out while it answered or was taken away.
 */
static void hw_soly_energy_out(struct kunit *test)
{
	const u32 t = BASEY_ID + 1;
	struct hw_fx *fx = test->priv;
	struct aiot_nas_msg rd = { .type = AIOT_NAS_MT_READ_REQ, .length = 4 };
	struct hwsim_dev *dev;
	struct y_sess y;
	u8 state;

	add_study_pop(test, BASEY_ID, 2, 32, AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y,
		      AIOT_SOLY_CFG_DEFAULT, AIOT_HWSIM_POLICY_AS_INDICATION_CAUSE);
	dev = dev_of(test, t);

	/* 1 nJ: it hears the Read, cannot answer it */
	y_session(test, &y, t, AIOT_SOLY_CFG_DEFAULT, 0, 0x91);
	mutex_lock(&fx->hr->lock);
	hwsim_dev_set_energy(fx->hr, dev, 1);
	mutex_unlock(&fx->hr->lock);
	y_command(test, &y, &rd, AIOT_NAS_SHT_INTEGRITY_CIPHERED);
	KUNIT_EXPECT_EQ(test, fx->res->outcome, AIOT_CMD_OUTCOME_NO_RESPONSE);
	mutex_lock(&fx->hr->lock);
	state = dev->state;
	hwsim_dev_set_energy(fx->hr, dev, AIOT_HWSIM_ENERGY_UNLIMITED);
	mutex_unlock(&fx->hr->lock);
	KUNIT_EXPECT_EQ(test, state, AIOT_HWSIM_DEV_STATE_NO_ENERGY);
	KUNIT_EXPECT_EQ(test, fx->hr->stats.energy_outs, 1ULL);
	y_command(test, &y, &rd, AIOT_NAS_SHT_INTEGRITY_CIPHERED);
	KUNIT_EXPECT_EQ(test, fx->res->outcome, AIOT_CMD_OUTCOME_NO_RESPONSE);
	KUNIT_EXPECT_EQ(test, fx->res->air.d2r_frames, 0ULL);
	KUNIT_EXPECT_EQ(test, counter_of(test, t), 1U);

	/* taken away between NRES and the command */
	y_session(test, &y, t, AIOT_SOLY_CFG_DEFAULT, 1, 0x92);
	mutex_lock(&fx->hr->lock);
	hwsim_dev_set_energy(fx->hr, dev, 0);
	hwsim_dev_set_energy(fx->hr, dev, AIOT_HWSIM_ENERGY_UNLIMITED);
	mutex_unlock(&fx->hr->lock);
	y_command(test, &y, &rd, AIOT_NAS_SHT_INTEGRITY_CIPHERED);
	KUNIT_EXPECT_EQ(test, fx->res->outcome, AIOT_CMD_OUTCOME_NO_RESPONSE);
	KUNIT_EXPECT_EQ(test, fx->res->air.d2r_frames, 0ULL);
	KUNIT_EXPECT_EQ(test, counter_of(test, t), 2U);

	/* the counter survived: the next paging is answered */
	y_session(test, &y, t, AIOT_SOLY_CFG_DEFAULT, 2, 0x93);
	KUNIT_EXPECT_EQ(test, counter_of(test, t), 3U);
}

/*
 * NRES whose answer is lost: the reader sends it again, as it would any
 * request while the device stays silent, and the device, whose session
 * stands, answers again with its protected identity.
 */
static void hw_soly_nres_repeated(struct kunit *test)
{
	const u32 t = BASEY_ID + 1;
	struct hw_fx *fx = test->priv;
	struct y_sess y;

	add_study_pop(test, BASEY_ID, 2, 32, AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y,
		      AIOT_SOLY_CFG_DEFAULT, AIOT_HWSIM_POLICY_AS_INDICATION_CAUSE);
	y_access_ok(test, &y, t, AIOT_SOLY_CFG_DEFAULT, 0, 0xc1, 0);
	atomic_set(&fx->hr->drop_next, 1);
	y_nres(test, &y, false);
	KUNIT_EXPECT_EQ(test, fx->hr->stats.dropped, 1ULL);
	KUNIT_EXPECT_EQ(test, fx->res->outcome, AIOT_CMD_OUTCOME_NAS_RESPONSE);
	KUNIT_EXPECT_EQ(test, fx->res->attempts, 2);
	KUNIT_EXPECT_TRUE(test, y_identity_ok(test, &y));
}

/*
 * One command round per session: once the device has answered a request,
 * it answers that request again (a retransmission, its response lost) but
 * no other one, which would be protected under the same keys with COUNT 0
 * again: the same keystream for a second response.
 */
static void hw_soly_one_round(struct kunit *test)
{
	static const u8 data[4] = "once", other[4] = "twic";
	const u32 t = BASEY_ID + 1;
	struct hw_fx *fx = test->priv;
	struct aiot_nas_msg wr = {
		.type = AIOT_NAS_MT_WRITE_REQ, .data = data, .data_len = sizeof(data),
	}, wr2 = {
		.type = AIOT_NAS_MT_WRITE_REQ, .data = other, .data_len = sizeof(other),
	}, rsp;
	struct y_sess y;

	add_study_pop(test, BASEY_ID, 2, 32, AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y,
		      AIOT_SOLY_CFG_DEFAULT, AIOT_HWSIM_POLICY_AS_INDICATION_CAUSE);
	y_session(test, &y, t, AIOT_SOLY_CFG_DEFAULT, 0, 0xd1);
	/* every response to the first Write lost: executed, never acknowledged */
	atomic_set(&fx->hr->drop_next, 3);
	y_command(test, &y, &wr, AIOT_NAS_SHT_INTEGRITY_CIPHERED);
	KUNIT_EXPECT_EQ(test, fx->res->outcome, AIOT_CMD_OUTCOME_NO_RESPONSE);
	KUNIT_EXPECT_EQ(test, fx->hr->stats.dropped, 3ULL);
	KUNIT_EXPECT_TRUE(test, mem_is(test, t, 0, data, sizeof(data)));

	/* another request in the same session: not a retransmission */
	y_command(test, &y, &wr2, AIOT_NAS_SHT_INTEGRITY_CIPHERED);
	KUNIT_EXPECT_NE(test, fx->res->outcome, AIOT_CMD_OUTCOME_NAS_RESPONSE);
	KUNIT_EXPECT_TRUE(test, mem_is(test, t, 0, data, sizeof(data)));

	/* the first one again: answered */
	y_command(test, &y, &wr, AIOT_NAS_SHT_INTEGRITY_CIPHERED);
	y_response(test, &y, AIOT_NAS_SHT_INTEGRITY_CIPHERED, &rsp);
	KUNIT_EXPECT_EQ(test, rsp.status, AIOT_NAS_STATUS_SUCCESS);
}

/*
 * The session ends when the reader acknowledges the response of its
 * command round, not after the NRES round; until then a repeated request
 * is a retransmission and is answered again.
 */
static void hw_soly_session_end(struct kunit *test)
{
	static const u8 data[4] = "once";
	const u32 t = BASEY_ID + 1;
	struct hw_fx *fx = test->priv;
	struct aiot_nas_msg wr = {
		.type = AIOT_NAS_MT_WRITE_REQ, .data = data, .data_len = sizeof(data),
	}, rd = { .type = AIOT_NAS_MT_READ_REQ, .length = 4 }, rsp;
	struct y_sess y;

	add_study_pop(test, BASEY_ID, 2, 32, AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y,
		      AIOT_SOLY_CFG_DEFAULT, AIOT_HWSIM_POLICY_AS_INDICATION_CAUSE);
	/* NRES answered and acknowledged: the session stays for its round */
	y_session(test, &y, t, AIOT_SOLY_CFG_DEFAULT, 0, 0xa1);

	/* the first response lost: the request again, answered again */
	atomic_set(&fx->hr->drop_next, 1);
	y_command(test, &y, &wr, AIOT_NAS_SHT_INTEGRITY_CIPHERED);
	y_response(test, &y, AIOT_NAS_SHT_INTEGRITY_CIPHERED, &rsp);
	KUNIT_EXPECT_EQ(test, rsp.status, AIOT_NAS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, fx->res->attempts, 2);
	KUNIT_EXPECT_EQ(test, fx->hr->stats.dropped, 1ULL);
	KUNIT_EXPECT_TRUE(test, mem_is(test, t, 0, data, sizeof(data)));

	/* acknowledged: the T-ID belongs to no session any more */
	y_command(test, &y, &rd, AIOT_NAS_SHT_INTEGRITY_CIPHERED);
	KUNIT_EXPECT_EQ(test, fx->res->outcome, AIOT_CMD_OUTCOME_NO_RESPONSE);
	KUNIT_EXPECT_EQ(test, fx->res->attempts, 3);
	KUNIT_EXPECT_EQ(test, fx->res->air.d2r_frames, 0ULL);
	y_nres(test, &y, false);
	KUNIT_EXPECT_EQ(test, fx->res->outcome, AIOT_CMD_OUTCOME_NO_RESPONSE);
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
	KUNIT_CASE(hw_sec_config_check),
	KUNIT_CASE(hw_profiles_apart),
	KUNIT_CASE(hw_sol9_authentication),
	KUNIT_CASE(hw_sol9_tid_clear),
	KUNIT_CASE(hw_sol9_floor),
	KUNIT_CASE(hw_sol9_reserved_policy),
	KUNIT_CASE_PARAM(hw_sol9_integrity_policy, policy_gen_params),
	KUNIT_CASE(hw_soly_one_way),
	KUNIT_CASE(hw_soly_group),
	KUNIT_CASE(hw_soly_counter),
	KUNIT_CASE(hw_soly_resync),
	KUNIT_CASE(hw_soly_replay_off),
	KUNIT_CASE(hw_soly_a6_counter_flip),
	KUNIT_CASE(hw_soly_command_protection),
	KUNIT_CASE_PARAM(hw_soly_command_before_nres, policy_gen_params),
	KUNIT_CASE(hw_soly_energy_out),
	KUNIT_CASE(hw_soly_session_end),
	KUNIT_CASE(hw_soly_msg3_lost),
	KUNIT_CASE(hw_soly_nres_repeated),
	KUNIT_CASE(hw_soly_one_round),
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
