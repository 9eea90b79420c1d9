// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: reader objects and the R2D/D2R exchange, on a fake front end.
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/workqueue.h>
#include <net/aiot.h>

#include "aiot_core.h"

MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);

/* What the fake front end does when asked to transmit. */
enum fake_mode {
	FAKE_ANSWER,	/* report synchronously, from inside xmit */
	FAKE_SILENT,	/* accept the frame, never report */
	FAKE_REFUSE,	/* xmit fails */
};

struct fake_fe {
	enum fake_mode mode;
	enum aiot_rx_status status;
	u8 answer[AIOT_FRAME_MAX_OCTETS + 8];
	unsigned int answer_bits;
	u8 sent[AIOT_FRAME_MAX_OCTETS];
	unsigned int sent_bits;
	unsigned int xmits;
	u32 last_cookie;
	int set_params_err;
	struct aiot_reader *r;
	struct delayed_work unplug;
};

static int fake_xmit(struct aiot_reader *r, const u8 *frame, unsigned int bits,
		     unsigned int window_us, u32 cookie)
{
	struct fake_fe *fe = aiot_reader_priv(r);
	struct aiot_rx_meta meta = { .rssi_mbm = -6000, .port = 0, .tstamp_ns = 1 };

	fe->xmits++;
	fe->last_cookie = cookie;
	memcpy(fe->sent, frame, DIV_ROUND_UP(bits, 8));
	fe->sent_bits = bits;
	switch (fe->mode) {
	case FAKE_REFUSE:
		return -EIO;
	case FAKE_SILENT:
		return 0;
	case FAKE_ANSWER:
		break;
	}
	aiot_fe_rx(r, cookie, fe->status, fe->answer, fe->answer_bits, &meta);
	return 0;
}

static int fake_set_params(struct aiot_reader *r, const struct aiot_fe_params *p,
			   struct netlink_ext_ack *extack)
{
	struct fake_fe *fe = aiot_reader_priv(r);

	if (fe->set_params_err)
		NL_SET_ERR_MSG(extack, "fake front end refuses");
	return fe->set_params_err;
}

static const struct aiot_fe_ops fake_ops = {
	.xmit = fake_xmit,
	.set_params = fake_set_params,
};

static const struct aiot_fe_limits fake_limits = {
	.tx_power_min_mbm = -1000, .tx_power_max_mbm = 3000, .n_ports = 2,
	.rate_min_bps = 1000, .rate_max_bps = 100000,
};

struct fixture {
	struct device *parent;
	struct aiot_reader *r;
	struct fake_fe *fe;
	bool registered;
};

static void fixture_unplug_work(struct work_struct *work)
{
	struct fake_fe *fe = container_of(to_delayed_work(work), struct fake_fe,
					  unplug);

	aiot_reader_unregister(fe->r);
}

static void parent_release(struct device *dev)
{
	kfree(dev);
}

/*
 * A bare parent device. (root_device_register() cannot be used: in 6.1 a
 * test module's suites run before its sysfs entry exists.)
 */
static struct device *parent_create(void)
{
	struct device *dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	int err;

	if (!dev)
		return ERR_PTR(-ENOMEM);
	device_initialize(dev);
	dev->release = parent_release;
	err = dev_set_name(dev, "aiot_kunit_fe");
	if (!err)
		err = device_add(dev);
	if (err) {
		put_device(dev);
		return ERR_PTR(err);
	}
	return dev;
}

static void parent_destroy(struct device *dev)
{
	device_unregister(dev);
}

static int reader_test_init(struct kunit *test)
{
	struct fixture *fx;

	fx = kunit_kzalloc(test, sizeof(*fx), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, fx);
	fx->parent = parent_create();
	KUNIT_ASSERT_FALSE(test, IS_ERR(fx->parent));
	fx->r = aiot_reader_alloc(&fake_ops, AIOT_FE_CAP_HW_CRC,
				  sizeof(struct fake_fe), fx->parent);
	KUNIT_ASSERT_FALSE(test, IS_ERR(fx->r));
	fx->fe = aiot_reader_priv(fx->r);
	fx->fe->r = fx->r;
	INIT_DELAYED_WORK(&fx->fe->unplug, fixture_unplug_work);
	aiot_reader_set_limits(fx->r, &fake_limits);
	KUNIT_ASSERT_EQ(test, aiot_reader_register(fx->r), 0);
	fx->registered = true;
	test->priv = fx;
	return 0;
}

static void reader_test_exit(struct kunit *test)
{
	struct fixture *fx = test->priv;

	if (!fx)
		return;
	if (fx->r) {
		cancel_delayed_work_sync(&fx->fe->unplug);
		if (fx->registered)
			aiot_reader_unregister(fx->r);
		aiot_reader_free(fx->r);
	}
	if (!IS_ERR_OR_NULL(fx->parent))
		parent_destroy(fx->parent);
}

/* A registered reader is aiotN under its parent and found by index. */
static void reader_register_names(struct kunit *test)
{
	struct fixture *fx = test->priv;
	struct aiot_reader *found;
	char name[16];
	int index = aiot_reader_index(fx->r);

	snprintf(name, sizeof(name), "aiot%d", index);
	KUNIT_EXPECT_STREQ(test, aiot_reader_name(fx->r), name);
	KUNIT_EXPECT_PTR_EQ(test, fx->r->dev.parent, fx->parent);
	found = aiot_reader_get_by_index(index);
	KUNIT_EXPECT_PTR_EQ(test, found, fx->r);
	if (found)
		aiot_reader_put(found);

	aiot_reader_unregister(fx->r);
	fx->registered = false;
	KUNIT_EXPECT_NULL(test, aiot_reader_get_by_index(index));
}

/* Bad operations or unknown capability bits are refused. */
static void reader_alloc_rejects(struct kunit *test)
{
	static const struct aiot_fe_ops no_xmit = { .set_params = fake_set_params };

	KUNIT_EXPECT_EQ(test, PTR_ERR(aiot_reader_alloc(NULL, 0, 0, NULL)), -EINVAL);
	KUNIT_EXPECT_EQ(test, PTR_ERR(aiot_reader_alloc(&no_xmit, 0, 0, NULL)), -EINVAL);
	KUNIT_EXPECT_EQ(test, PTR_ERR(aiot_reader_alloc(&fake_ops, BIT(31), 0, NULL)),
			-EINVAL);
}

/* Two readers get two indexes. */
static void reader_indexes_unique(struct kunit *test)
{
	struct fixture *fx = test->priv;
	struct aiot_reader *r2;

	r2 = aiot_reader_alloc(&fake_ops, 0, sizeof(struct fake_fe), NULL);
	KUNIT_ASSERT_FALSE(test, IS_ERR(r2));
	KUNIT_EXPECT_NE(test, aiot_reader_index(r2), aiot_reader_index(fx->r));
	aiot_reader_free(r2);
}

/* A frame heard in the window comes back byte for byte, counted. */
static void xchg_frame(struct kunit *test)
{
	struct fixture *fx = test->priv;
	static const u8 tx[] = { 0x12, 0x34, 0xc0 };
	struct aiot_reader_stats st;
	struct aiot_rx rx;

	fx->fe->mode = FAKE_ANSWER;
	fx->fe->status = AIOT_RX_FRAME;
	fx->fe->answer[0] = 0xab;
	fx->fe->answer[1] = 0xcd;
	fx->fe->answer[2] = 0xe0;
	fx->fe->answer_bits = 19;
	KUNIT_ASSERT_EQ(test, aiot_reader_xchg(fx->r, tx, 18, 1000, &rx), 0);
	KUNIT_EXPECT_EQ(test, fx->fe->sent_bits, 18U);
	KUNIT_EXPECT_EQ(test, memcmp(fx->fe->sent, tx, 3), 0);
	KUNIT_EXPECT_EQ(test, rx.status, AIOT_RX_FRAME);
	KUNIT_EXPECT_EQ(test, rx.bits, 19U);
	KUNIT_EXPECT_EQ(test, memcmp(rx.frame, fx->fe->answer, 3), 0);
	KUNIT_EXPECT_EQ(test, rx.meta.rssi_mbm, -6000);
	aiot_reader_read_stats(fx->r, &st);
	KUNIT_EXPECT_EQ(test, st.tx_frames, 1ULL);
	KUNIT_EXPECT_EQ(test, st.rx_frames, 1ULL);
}

/* Empty windows, collisions and CRC errors are told apart and counted. */
static void xchg_outcomes(struct kunit *test)
{
	struct fixture *fx = test->priv;
	static const enum aiot_rx_status sts[] = {
		AIOT_RX_EMPTY, AIOT_RX_COLLISION, AIOT_RX_CRC_ERROR, AIOT_RX_EMPTY,
	};
	struct aiot_reader_stats st;
	struct aiot_rx rx;
	u8 tx = 0x80;
	int i;

	fx->fe->mode = FAKE_ANSWER;
	for (i = 0; i < ARRAY_SIZE(sts); i++) {
		fx->fe->status = sts[i];
		KUNIT_ASSERT_EQ(test, aiot_reader_xchg(fx->r, &tx, 1, 100, &rx), 0);
		KUNIT_EXPECT_EQ(test, rx.status, sts[i]);
		KUNIT_EXPECT_EQ(test, rx.bits, 0U);
	}
	aiot_reader_read_stats(fx->r, &st);
	KUNIT_EXPECT_EQ(test, st.rx_empty, 2ULL);
	KUNIT_EXPECT_EQ(test, st.rx_collisions, 1ULL);
	KUNIT_EXPECT_EQ(test, st.rx_crc_errors, 1ULL);
	KUNIT_EXPECT_EQ(test, st.tx_frames, 4ULL);
}

/* A frame longer than any A-IoT frame never reaches the protocol. */
static void xchg_oversize_frame(struct kunit *test)
{
	struct fixture *fx = test->priv;
	struct aiot_rx rx;
	u8 tx = 0x80;

	fx->fe->mode = FAKE_ANSWER;
	fx->fe->status = AIOT_RX_FRAME;
	fx->fe->answer_bits = AIOT_FRAME_MAX_BITS + 1;
	KUNIT_ASSERT_EQ(test, aiot_reader_xchg(fx->r, &tx, 1, 100, &rx), 0);
	KUNIT_EXPECT_EQ(test, rx.status, AIOT_RX_COLLISION);
	KUNIT_EXPECT_EQ(test, rx.bits, 0U);
	/* and R2D frames out of range are refused before the front end */
	KUNIT_EXPECT_EQ(test, aiot_reader_xchg(fx->r, &tx, 0, 100, &rx), -EMSGSIZE);
	KUNIT_EXPECT_EQ(test, aiot_reader_xchg(fx->r, &tx, AIOT_FRAME_MAX_BITS + 1,
					       100, &rx), -EMSGSIZE);
	KUNIT_EXPECT_EQ(test, fx->fe->xmits, 1U);
}

/* A front end that refuses to transmit: its error, counted, nothing waits. */
static void xchg_xmit_error(struct kunit *test)
{
	struct fixture *fx = test->priv;
	struct aiot_reader_stats st;
	struct aiot_rx rx;
	u8 tx = 0x80;

	fx->fe->mode = FAKE_REFUSE;
	KUNIT_EXPECT_EQ(test, aiot_reader_xchg(fx->r, &tx, 1, 100, &rx), -EIO);
	aiot_reader_read_stats(fx->r, &st);
	KUNIT_EXPECT_EQ(test, st.tx_errors, 1ULL);
	KUNIT_EXPECT_EQ(test, st.tx_frames, 0ULL);
}

/*
 * A front end that never reports: the exchange times out; its late report
 * is counted and dropped and does not answer the next exchange.
 */
static void xchg_timeout_late_rx(struct kunit *test)
{
	struct fixture *fx = test->priv;
	struct aiot_reader_stats st;
	unsigned long t0;
	struct aiot_rx rx;
	u32 stale;
	u8 tx = 0x80;

	fx->fe->mode = FAKE_SILENT;
	t0 = jiffies;
	KUNIT_EXPECT_EQ(test, aiot_reader_xchg(fx->r, &tx, 1, 100, &rx), -ETIMEDOUT);
	KUNIT_EXPECT_GE(test, jiffies_to_msecs(jiffies - t0), AIOT_XCHG_GRACE_MS - 20);
	stale = fx->fe->last_cookie;

	aiot_fe_rx(fx->r, stale, AIOT_RX_EMPTY, NULL, 0, NULL);
	fx->fe->mode = FAKE_ANSWER;
	fx->fe->status = AIOT_RX_COLLISION;
	KUNIT_ASSERT_EQ(test, aiot_reader_xchg(fx->r, &tx, 1, 100, &rx), 0);
	KUNIT_EXPECT_EQ(test, rx.status, AIOT_RX_COLLISION);
	/* a stale report arriving during a later exchange is dropped too */
	aiot_fe_rx(fx->r, stale, AIOT_RX_FRAME, fx->fe->answer, 8, NULL);

	aiot_reader_read_stats(fx->r, &st);
	KUNIT_EXPECT_EQ(test, st.timeouts, 1ULL);
	KUNIT_EXPECT_EQ(test, st.late_rx, 2ULL);
	KUNIT_EXPECT_EQ(test, st.rx_empty, 0ULL);
	KUNIT_EXPECT_EQ(test, st.rx_collisions, 1ULL);
}

/*
 * Hot-unplug while an exchange waits: it ends at once with -ENODEV, not at
 * the timeout, and the front end is never called again.
 */
static void xchg_unplug_mid_exchange(struct kunit *test)
{
	struct fixture *fx = test->priv;
	unsigned long t0;
	struct aiot_rx rx;
	u8 tx = 0x80;
	int err;

	fx->fe->mode = FAKE_SILENT;
	schedule_delayed_work(&fx->fe->unplug, msecs_to_jiffies(50));
	t0 = jiffies;
	err = aiot_reader_xchg(fx->r, &tx, 1, 2000000, &rx);
	KUNIT_EXPECT_EQ(test, err, -ENODEV);
	KUNIT_EXPECT_LT(test, jiffies_to_msecs(jiffies - t0), 2000U);
	flush_delayed_work(&fx->fe->unplug);
	fx->registered = false;

	KUNIT_EXPECT_EQ(test, aiot_reader_xchg(fx->r, &tx, 1, 100, &rx), -ENODEV);
	KUNIT_EXPECT_EQ(test, fx->fe->xmits, 1U);
}

/* Parameter changes: checked against the limits, refusable, atomic. */
static void reader_change_params(struct kunit *test)
{
	struct fixture *fx = test->priv;
	struct netlink_ext_ack extack = {};
	struct aiot_fe_params p = {
		.tx_power_mbm = 2000, .port = 1, .r2d_bps = 20000, .d2r_bps = 5000,
	};
	struct aiot_fe_params bad;

	KUNIT_ASSERT_EQ(test, aiot_reader_change(fx->r, &p, &extack), 0);
	KUNIT_EXPECT_EQ(test, fx->r->params.port, 1);
	KUNIT_EXPECT_EQ(test, fx->r->params.tx_power_mbm, 2000);

	bad = p;
	bad.tx_power_mbm = 3001;
	KUNIT_EXPECT_EQ(test, aiot_reader_change(fx->r, &bad, &extack), -ERANGE);
	KUNIT_EXPECT_STREQ(test, extack._msg, "transmit power outside the reader's range");
	bad = p;
	bad.port = 2;
	KUNIT_EXPECT_EQ(test, aiot_reader_change(fx->r, &bad, &extack), -ERANGE);
	KUNIT_EXPECT_STREQ(test, extack._msg, "the reader has no such antenna port");
	bad = p;
	bad.d2r_bps = 999;
	KUNIT_EXPECT_EQ(test, aiot_reader_change(fx->r, &bad, &extack), -ERANGE);
	KUNIT_EXPECT_STREQ(test, extack._msg, "data rate outside the reader's range");

	fx->fe->set_params_err = -EOPNOTSUPP;
	bad = p;
	bad.port = 0;
	KUNIT_EXPECT_EQ(test, aiot_reader_change(fx->r, &bad, &extack), -EOPNOTSUPP);
	KUNIT_EXPECT_STREQ(test, extack._msg, "fake front end refuses");
	/* nothing changed by the refused requests */
	KUNIT_EXPECT_EQ(test, fx->r->params.port, 1);
	KUNIT_EXPECT_EQ(test, fx->r->params.d2r_bps, 5000U);
}

static struct kunit_case aiot_reader_cases[] = {
	KUNIT_CASE(reader_register_names),
	KUNIT_CASE(reader_alloc_rejects),
	KUNIT_CASE(reader_indexes_unique),
	KUNIT_CASE(xchg_frame),
	KUNIT_CASE(xchg_outcomes),
	KUNIT_CASE(xchg_oversize_frame),
	KUNIT_CASE(xchg_xmit_error),
	KUNIT_CASE(xchg_timeout_late_rx),
	KUNIT_CASE(xchg_unplug_mid_exchange),
	KUNIT_CASE(reader_change_params),
	{}
};

static struct kunit_suite aiot_reader_suite = {
	.name = "aiot_reader",
	.init = reader_test_init,
	.exit = reader_test_exit,
	.test_cases = aiot_reader_cases,
};

kunit_test_suite(aiot_reader_suite);

MODULE_DESCRIPTION("KUnit tests for aiot reader objects");
MODULE_LICENSE("GPL");
