// SPDX-License-Identifier: GPL-2.0
/*
 * aiot-hwsim-test: aiot_hwsim end to end from userspace, in a guest.
 *
 * Creates a simulated reader over the "aiot_hwsim" family, adds a
 * population, runs inventories over the "aiot" family and listens to the
 * "inventory" group for the reports and the end; checks that every device
 * is reported exactly once, that closing the socket that started an
 * inventory stops it, and that a reader made with destroy-on-close goes
 * with its socket. Also the family's error paths and its permissions.
 * libmnl, independent of aiotctl. Prints TAP.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <libmnl/libmnl.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>

#include <linux/aiot.h>
#include <linux/aiot_hwsim.h>
#include <aiot/hwsim_values.h>
#include <aiot/nas_values.h>

#include "aiot_sec.h"	/* the userspace twin of the security engine */
#include "guest_nl.h"

#ifndef NETLINK_EXT_ACK
#define NETLINK_EXT_ACK 11
#endif

#define N_DEVS		200
#define BASE_ID		0xa1070000U
#define KEY_SEED	"guest-key"

static const uint8_t rand_n[AIOT_RAND_N_LEN] = { 1, 2, 3, 4, 5, 6, 7, 8 };

static uint16_t fam_aiot, fam_hwsim;
static uint32_t grp_inventory, grp_command;

/* ---- Requests ---------------------------------------------------------- */

static void put_id(struct nlmsghdr *nlh, uint32_t id)
{
	uint8_t b[4] = { id >> 24, id >> 16, id >> 8, id };

	mnl_attr_put(nlh, AIOT_HWSIM_ATTR_ID, sizeof(b), b);
	mnl_attr_put_u8(nlh, AIOT_HWSIM_ATTR_ID_BITS, 32);
}

static int new_reader(struct nl *nl, bool own, struct answer *a)
{
	struct nlmsghdr *nlh = req(nl, fam_hwsim, AIOT_HWSIM_CMD_NEW_READER, 0);

	if (own)
		mnl_attr_put(nlh, AIOT_HWSIM_ATTR_DESTROY_ON_CLOSE, 0, NULL);
	talk(nl, nlh, a);
	return a->error;
}

static void add_devices(struct nl *nl, uint32_t reader, uint32_t count, uint32_t first,
			struct answer *a)
{
	struct nlmsghdr *nlh = req(nl, fam_hwsim, AIOT_HWSIM_CMD_ADD_DEVICES, 0);

	mnl_attr_put_u32(nlh, AIOT_HWSIM_ATTR_READER_INDEX, reader);
	mnl_attr_put_u32(nlh, AIOT_HWSIM_ATTR_COUNT, count);
	put_id(nlh, first);
	mnl_attr_put(nlh, AIOT_HWSIM_ATTR_KEY_SEED, strlen(KEY_SEED), KEY_SEED);
	talk(nl, nlh, a);
}

static void set_medium(struct nl *nl, uint32_t reader, bool paced, struct answer *a)
{
	struct nlmsghdr *nlh = req(nl, fam_hwsim, AIOT_HWSIM_CMD_SET_MEDIUM, 0);

	mnl_attr_put_u32(nlh, AIOT_HWSIM_ATTR_READER_INDEX, reader);
	mnl_attr_put_u8(nlh, AIOT_HWSIM_ATTR_PACED, paced);
	talk(nl, nlh, a);
}

/* An inventory; @filter_bits > 0 pages the devices starting with BASE_ID's bits. */
static void inventory_start_filter(struct nl *nl, uint32_t reader, uint32_t batch,
				   unsigned int filter_bits, struct answer *a)
{
	struct nlmsghdr *nlh = req(nl, fam_aiot, AIOT_CMD_INVENTORY_START, 0);
	uint8_t filter[4] = { BASE_ID >> 24, (BASE_ID >> 16) & 0xff, (BASE_ID >> 8) & 0xff,
			      BASE_ID & 0xff };

	mnl_attr_put_u32(nlh, AIOT_ATTR_READER_INDEX, reader);
	if (filter_bits) {
		mnl_attr_put_u8(nlh, AIOT_ATTR_TARGET_TYPE, AIOT_TARGET_FILTER);
		mnl_attr_put(nlh, AIOT_ATTR_TARGET, (filter_bits + 7) / 8, filter);
		mnl_attr_put_u16(nlh, AIOT_ATTR_TARGET_BITS, filter_bits);
	}
	mnl_attr_put(nlh, AIOT_ATTR_RAND, sizeof(rand_n), rand_n);
	if (batch)
		mnl_attr_put_u32(nlh, AIOT_ATTR_REPORT_BATCH, batch);
	talk(nl, nlh, a);
}

static void inventory_start(struct nl *nl, uint32_t reader, uint32_t batch,
			    struct answer *a)
{
	inventory_start_filter(nl, reader, batch, 0, a);
}

/* ---- Inventory events ----------------------------------------------------- */

struct events {
	uint32_t job;
	unsigned char seen[N_DEVS];
	uint8_t rand_d[N_DEVS][AIOT_RAND_D_LEN];
	uint8_t res[N_DEVS][AIOT_RES_LEN];
	unsigned char *big;	/* scale runs: one counter per device */
	uint32_t nbig;
	unsigned int reports, dups, phantoms, bad;
	bool done;
	unsigned int stop_after;	/* listen_job(): reports to stop at, 0: the end */
	bool stop;
	int end;
	uint64_t inv[AIOT_INV_STATS_MAX + 1];	/* the job's counters */
};

static void ev_device(struct events *ev, const struct nlattr *dev)
{
	const struct nlattr *a;
	const uint8_t *nas = NULL;
	unsigned int len = 0;
	uint32_t id;

	mnl_attr_for_each_nested(a, dev) {
		if (mnl_attr_get_type(a) == AIOT_DEV_NAS) {
			nas = mnl_attr_get_payload(a);
			len = mnl_attr_get_payload_len(a);
		}
	}
	ev->reports++;
	/* plain Inventory Response: SHT, type, id type, id bits, ID */
	if (!nas || len < 8 || nas[0] != AIOT_NAS_SHT_PLAIN ||
	    nas[1] != AIOT_NAS_MT_INVENTORY_RSP || nas[3] != 32) {
		ev->bad++;
		return;
	}
	id = (uint32_t)nas[4] << 24 | nas[5] << 16 | nas[6] << 8 | nas[7];
	if (ev->big) {
		if (id < BASE_ID || id - BASE_ID >= ev->nbig)
			ev->phantoms++;
		else if (ev->big[id - BASE_ID]++)
			ev->dups++;
		return;
	}
	if (id < BASE_ID || id - BASE_ID >= N_DEVS) {
		ev->phantoms++;
		return;
	}
	if (ev->seen[id - BASE_ID]++)
		ev->dups++;
	if (len == 8 + AIOT_RAND_D_LEN + AIOT_RES_LEN) {
		memcpy(ev->rand_d[id - BASE_ID], nas + 8, AIOT_RAND_D_LEN);
		memcpy(ev->res[id - BASE_ID], nas + 8 + AIOT_RAND_D_LEN, AIOT_RES_LEN);
	}
}

static int ev_attr(const struct nlattr *a, void *data)
{
	struct events *ev = data;

	const struct nlattr *s;

	if (mnl_attr_get_type(a) == AIOT_ATTR_DEVICE) {
		ev_device(ev, a);
	} else if (mnl_attr_get_type(a) == AIOT_ATTR_INV_END) {
		ev->end = mnl_attr_get_u8(a);
	} else if (mnl_attr_get_type(a) == AIOT_ATTR_INV_STATS) {
		mnl_attr_for_each_nested(s, a)
			if (mnl_attr_get_type(s) <= AIOT_INV_STATS_MAX &&
			    mnl_attr_get_payload_len(s) >= 4)
				ev->inv[mnl_attr_get_type(s)] = mnl_attr_get_payload_len(s) == 8 ?
					mnl_attr_get_u64(s) : mnl_attr_get_u32(s);
	}
	return MNL_CB_OK;
}

static int ev_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct genlmsghdr *g = mnl_nlmsg_get_payload(nlh);
	struct events *ev = data;

	if (nlh->nlmsg_type != fam_aiot)
		return MNL_CB_OK;
	if (event_job(nlh) != ev->job)
		return MNL_CB_OK;
	mnl_attr_parse(nlh, sizeof(*g), ev_attr, ev);
	if (g->cmd == AIOT_CMD_INVENTORY_DONE)
		ev->done = true;
	ev->stop = ev->done || (ev->stop_after && ev->reports >= ev->stop_after);
	return MNL_CB_OK;
}

/* Read events for @ev->job until its end, or until @stop_after reports. */
static int listen_job(struct nl *l, struct events *ev, unsigned int stop_after,
		      int timeout_s)
{
	ev->stop_after = stop_after;
	ev->stop = ev->done || (stop_after && ev->reports >= stop_after);
	return wait_events(l, ev_cb, ev, &ev->stop, timeout_s);
}

/* ---- Tests ------------------------------------------------------------------ */

static bool reader_exists(struct nl *nl, uint32_t reader)
{
	struct nlmsghdr *nlh = req(nl, fam_aiot, AIOT_CMD_GET_READER, 0);
	struct answer a;

	mnl_attr_put_u32(nlh, AIOT_ATTR_READER_INDEX, reader);
	talk(nl, nlh, &a);
	return a.error == 0;
}

static void errors(struct nl *nl, uint32_t reader)
{
	struct nlmsghdr *nlh;
	struct answer a;

	add_devices(nl, reader, 5, BASE_ID + 3, &a);
	ok(a.error == -EEXIST && a.extack[0], "add-devices: an existing identity is EEXIST (%d, '%s')",
	   a.error, a.extack);
	add_devices(nl, 99999, 5, BASE_ID, &a);
	ok(a.error == -ENODEV && a.extack[0], "add-devices: no such reader is ENODEV (%d, '%s')",
	   a.error, a.extack);
	nlh = req(nl, fam_hwsim, AIOT_HWSIM_CMD_ADD_DEVICES, 0);
	mnl_attr_put_u32(nlh, AIOT_HWSIM_ATTR_READER_INDEX, reader);
	put_id(nlh, BASE_ID + 1000);
	talk(nl, nlh, &a);
	ok(a.error == -EINVAL && a.extack[0], "add-devices: no count is EINVAL (%d, '%s')",
	   a.error, a.extack);
	nlh = req(nl, fam_hwsim, AIOT_HWSIM_CMD_ADD_DEVICES, 0);
	mnl_attr_put_u32(nlh, AIOT_HWSIM_ATTR_READER_INDEX, reader);
	mnl_attr_put_u32(nlh, AIOT_HWSIM_ATTR_COUNT, 0);
	talk(nl, nlh, &a);
	ok(a.error == -ERANGE, "add-devices: count 0 refused by the policy (%d)", a.error);
	nlh = req(nl, fam_hwsim, AIOT_HWSIM_CMD_SET_MEDIUM, 0);
	mnl_attr_put_u32(nlh, AIOT_HWSIM_ATTR_READER_INDEX, reader);
	mnl_attr_put_u32(nlh, AIOT_HWSIM_ATTR_BER_PPM, 1000001);
	talk(nl, nlh, &a);
	ok(a.error == -ERANGE, "set-medium: BER above 10^6 ppm refused (%d)", a.error);
	nlh = req(nl, fam_hwsim, AIOT_HWSIM_CMD_SET_DEVICE, 0);
	mnl_attr_put_u32(nlh, AIOT_HWSIM_ATTR_READER_INDEX, reader);
	mnl_attr_put_u32(nlh, AIOT_HWSIM_ATTR_STATE, 1);
	put_id(nlh, BASE_ID);
	talk(nl, nlh, &a);
	ok(a.error == -EINVAL, "set-device: an attribute the kernel only sends is refused (%d)",
	   a.error);
	nlh = req(nl, fam_hwsim, AIOT_HWSIM_CMD_SET_DEVICE, 0);
	mnl_attr_put_u32(nlh, AIOT_HWSIM_ATTR_READER_INDEX, reader);
	put_id(nlh, BASE_ID + 5000);
	mnl_attr_put_u8(nlh, AIOT_HWSIM_ATTR_POLICY, AIOT_HWSIM_POLICY_AS_INDICATION);
	talk(nl, nlh, &a);
	ok(a.error == -ENOENT && a.extack[0], "set-device: unknown identity is ENOENT (%d, '%s')",
	   a.error, a.extack);
	nlh = req(nl, fam_hwsim, AIOT_HWSIM_CMD_DEL_READER, 0);
	mnl_attr_put_u32(nlh, AIOT_HWSIM_ATTR_READER_INDEX, 99999);
	talk(nl, nlh, &a);
	ok(a.error == -ENODEV, "del-reader: no such reader is ENODEV (%d)", a.error);
}

static void unprivileged(void)
{
	struct nl nl;
	struct answer a;
	pid_t pid = fork();
	int st;

	if (!pid) {
		if (setgid(65534) || setuid(65534) || nl_open(&nl))
			_exit(2);
		new_reader(&nl, false, &a);
		_exit(a.error == -EPERM ? 0 : 1);
	}
	ok(pid > 0 && waitpid(pid, &st, 0) == pid && WIFEXITED(st) && !WEXITSTATUS(st),
	   "unprivileged: new-reader is EPERM");
}

static int count_devices(struct nl *nl, uint32_t reader)
{
	struct nlmsghdr *nlh = req(nl, fam_hwsim, AIOT_HWSIM_CMD_GET_DEVICE, NLM_F_DUMP);
	struct answer a;

	mnl_attr_put_u32(nlh, AIOT_HWSIM_ATTR_READER_INDEX, reader);
	talk(nl, nlh, &a);
	return a.error ? a.error : a.replies;
}

/* The error and done callbacks write a struct answer: it comes first. */
struct rssi_range {
	struct answer a;
	int32_t min, max;
	unsigned int n;
};

static int rssi_attr(const struct nlattr *a, void *data)
{
	struct rssi_range *r = data;
	int32_t v;

	if (mnl_attr_get_type(a) != AIOT_HWSIM_ATTR_RSSI)
		return MNL_CB_OK;
	v = (int32_t)mnl_attr_get_u32(a);
	if (!r->n || v < r->min)
		r->min = v;
	if (!r->n || v > r->max)
		r->max = v;
	r->n++;
	return MNL_CB_OK;
}

static int rssi_cb(const struct nlmsghdr *nlh, void *data)
{
	mnl_attr_parse(nlh, sizeof(struct genlmsghdr), rssi_attr, data);
	return MNL_CB_OK;
}

/* The devices' RSSI in a get-device dump: the range and how many. */
static int dump_rssi(struct nl *nl, uint32_t reader, struct rssi_range *r)
{
	struct nlmsghdr *nlh = req(nl, fam_hwsim, AIOT_HWSIM_CMD_GET_DEVICE, NLM_F_DUMP);
	unsigned int portid = mnl_socket_get_portid(nl->sk);
	int n;

	memset(r, 0, sizeof(*r));
	mnl_attr_put_u32(nlh, AIOT_HWSIM_ATTR_READER_INDEX, reader);
	if (mnl_socket_sendto(nl->sk, nlh, nlh->nlmsg_len) < 0)
		return -errno;
	do {
		n = mnl_socket_recvfrom(nl->sk, buf, sizeof(buf));
		if (n < 0)
			return -errno;
		n = mnl_cb_run2(buf, n, nl->seq, portid, rssi_cb, r, ctl_cbs,
				MNL_ARRAY_SIZE(ctl_cbs));
	} while (n > MNL_CB_STOP);
	return n < 0 ? -errno : r->a.error;
}

struct stats_answer {
	struct answer a;	/* first: the error and done callbacks write it */
	uint64_t st[AIOT_HWSIM_STATS_MAX + 1];
};

static int stats_cb(const struct nlattr *a, void *data)
{
	uint64_t *st = ((struct stats_answer *)data)->st;
	const struct nlattr *s;

	if (mnl_attr_get_type(a) != AIOT_HWSIM_ATTR_STATS)
		return MNL_CB_OK;
	mnl_attr_for_each_nested(s, a)
		if (mnl_attr_get_type(s) <= AIOT_HWSIM_STATS_MAX &&
		    mnl_attr_get_payload_len(s) == 8)
			st[mnl_attr_get_type(s)] = mnl_attr_get_u64(s);
	return MNL_CB_OK;
}

static int stats_msg_cb(const struct nlmsghdr *nlh, void *data)
{
	mnl_attr_parse(nlh, sizeof(struct genlmsghdr), stats_cb, data);
	return MNL_CB_OK;
}

/* The counters of a simulated reader (get-reader); 0 or -errno. */
static int get_stats(struct nl *nl, uint32_t reader, uint64_t *st)
{
	struct nlmsghdr *nlh = req(nl, fam_hwsim, AIOT_HWSIM_CMD_GET_READER, 0);
	unsigned int portid = mnl_socket_get_portid(nl->sk);
	struct stats_answer sa;
	int n;

	memset(&sa, 0, sizeof(sa));
	memset(st, 0, sizeof(sa.st));
	mnl_attr_put_u32(nlh, AIOT_HWSIM_ATTR_READER_INDEX, reader);
	if (mnl_socket_sendto(nl->sk, nlh, nlh->nlmsg_len) < 0)
		return -errno;
	do {
		n = mnl_socket_recvfrom(nl->sk, buf, sizeof(buf));
		if (n < 0)
			return -errno;
		n = mnl_cb_run2(buf, n, nl->seq, portid, stats_msg_cb, &sa, ctl_cbs,
				MNL_ARRAY_SIZE(ctl_cbs));
	} while (n > MNL_CB_STOP);
	memcpy(st, sa.st, sizeof(sa.st));
	return sa.a.error;
}

/* Run one inventory to its end; the devices found in @ev. */
static int run_inventory(struct nl *ctl, struct nl *l, uint32_t reader, struct events *ev)
{
	struct answer a;

	memset(ev, 0, sizeof(*ev));
	inventory_start(ctl, reader, 0, &a);
	if (a.error)
		return a.error;
	ev->job = a.job;
	return listen_job(l, ev, 0, 120);
}

static unsigned int n_found(const struct events *ev)
{
	unsigned int i, found = 0;

	for (i = 0; i < N_DEVS; i++)
		found += !!ev->seen[i];
	return found;
}

/* Fault injection through debugfs on reader @reader (N_DEVS devices). */
static void faults(struct nl *ctl, struct nl *l, uint32_t reader, struct events *ev)
{
	uint64_t st0[AIOT_HWSIM_STATS_MAX + 1], st[AIOT_HWSIM_STATS_MAX + 1];
	int err;

	get_stats(ctl, reader, st0);
	ok(!hwsim_debugfs_write(reader, "drop_next", "3") && !hwsim_debugfs_write(reader, "corrupt_next", "3"),
	   "debugfs: drop_next and corrupt_next written");
	err = run_inventory(ctl, l, reader, ev);
	get_stats(ctl, reader, st);
	ok(!err && ev->end == AIOT_INV_END_COMPLETE && n_found(ev) == N_DEVS && !ev->dups &&
	   !ev->phantoms && st[AIOT_HWSIM_STATS_DROPPED] - st0[AIOT_HWSIM_STATS_DROPPED] == 3 &&
	   st[AIOT_HWSIM_STATS_CORRUPTED] - st0[AIOT_HWSIM_STATS_CORRUPTED] == 3,
	   "3 dropped and 3 corrupted D2R frames: all %d found once anyway (%u, %u dups)",
	   N_DEVS, n_found(ev), ev->dups);

	ok(!hwsim_debugfs_write(reader, "kill_energy", "a1070005"), "debugfs: kill_energy a1070005");
	ok(hwsim_debugfs_write(reader, "kill_energy", "a1079999") == -ENOENT,
	   "debugfs: kill_energy of an unknown device is ENOENT");
	err = run_inventory(ctl, l, reader, ev);
	ok(!err && ev->end == AIOT_INV_END_COMPLETE && n_found(ev) == N_DEVS - 1 &&
	   !ev->seen[5], "a device out of energy is not found (%u found)", n_found(ev));

	ok(!hwsim_debugfs_write(reader, "delay_next_us", "1500000"), "debugfs: delay_next_us 1500000");
	err = run_inventory(ctl, l, reader, ev);
	ok(!err && ev->end == AIOT_INV_END_FAILED,
	   "a D2R report later than the window and the grace fails the job (end %d)", ev->end);
}

/* Unplug reader @reader through debugfs while a paced inventory runs. */
static void unplug(struct nl *ctl, struct nl *l, uint32_t reader, struct events *ev)
{
	struct answer a;
	int err, tries;

	set_medium(ctl, reader, true, &a);
	memset(ev, 0, sizeof(*ev));
	inventory_start(ctl, reader, 1, &a);
	ev->job = a.job;
	err = listen_job(l, ev, 1, 60);
	ok(!err && !ev->done && !hwsim_debugfs_write(reader, "unplug", "1"),
	   "debugfs: unplug while an inventory runs");
	err = listen_job(l, ev, 0, 60);
	ok(!err && ev->done && ev->end == AIOT_INV_END_READER_GONE,
	   "the inventory ends with reader-gone (err %d, end %d)", err, ev->end);
	for (tries = 0; tries < 50 && reader_exists(ctl, reader); tries++)
		usleep(100000);
	ok(!reader_exists(ctl, reader), "the unplugged reader is gone");
}

/* ---- Commands, keys from the userspace twin --------------------------------- */

/* The key rule of <aiot/hwsim_values.h>, for a 32-bit identity. */
static int k_root_of(uint32_t id, uint8_t *k_root)
{
	const uint8_t be[4] = { id >> 24, id >> 16, id >> 8, id };

	return aiot_hwsim_k_root((const uint8_t *)KEY_SEED, strlen(KEY_SEED), be, 32, k_root);
}

/* K_Command_enc/int of device @id after the inventory in @ev, into @ctx. */
static int command_keys(const struct events *ev, uint32_t id, bool wrong,
			struct aiot_sec_ctx *ctx)
{
	uint8_t k_root[AIOT_K_ROOT_LEN], k_aiotf[AIOT_K_AIOTF_LEN];
	uint8_t k_enc[AIOT_SEC_KEY_LEN], k_int[AIOT_SEC_KEY_LEN];

	if (k_root_of(id, k_root))
		return -1;
	k_root[0] ^= wrong;
	if (aiot_k_aiotf(k_root, rand_n, ev->rand_d[id - BASE_ID], k_aiotf) ||
	    aiot_k_command(k_aiotf, k_enc, k_int))
		return -1;
	return aiot_sec_ctx_set_keys(ctx, k_enc, k_int);
}

/*
 * Protect a plain AIoT NAS message in place, written out from the layout
 * of <aiot/nas_values.h> (not kernel/nas.c): SHT, 128-NEA2 over the rest,
 * 128-NIA2 MAC-I over all of it appended. Returns the protected length.
 */
static unsigned int nas_protect(struct aiot_sec_ctx *ctx, uint8_t dir, uint8_t *m,
				unsigned int len)
{
	m[0] = AIOT_NAS_SHT_INTEGRITY_CIPHERED;
	if (aiot_nea2_crypt(ctx, AIOT_NAS_COUNT, AIOT_NAS_BEARER, dir, m + 1, m + 1,
			    (len - 1) * 8) ||
	    aiot_nia2_mac(ctx, AIOT_NAS_COUNT, AIOT_NAS_BEARER, dir, m, len * 8, m + len))
		return 0;
	return len + AIOT_NAS_TRAILER_LEN;
}

/* Verify and decipher a protected response in place; its plain length or 0. */
static unsigned int nas_unprotect(struct aiot_sec_ctx *ctx, uint8_t *m, unsigned int len)
{
	unsigned int plain = len - AIOT_NAS_TRAILER_LEN;

	if (len < 2 + AIOT_NAS_TRAILER_LEN ||
	    aiot_nia2_verify(ctx, AIOT_NAS_COUNT, AIOT_NAS_BEARER, AIOT_NAS_DIR_D2R, m,
			     plain * 8, m + plain))
		return 0;
	if (m[0] == AIOT_NAS_SHT_INTEGRITY_CIPHERED &&
	    aiot_nea2_crypt(ctx, AIOT_NAS_COUNT, AIOT_NAS_BEARER, AIOT_NAS_DIR_D2R,
			    m + 1, m + 1, (plain - 1) * 8))
		return 0;
	return plain;
}

/* Relay @len octets of NAS to device @id over the aiot family; wait for the result. */
static int command_send(struct nl *ctl, struct nl *lc, uint32_t reader, uint32_t id,
			const uint8_t *nas, unsigned int len, struct cmd_result *r)
{
	uint8_t target[4] = { id >> 24, id >> 16, id >> 8, id };

	return command_relay(ctl, lc, fam_aiot, reader, AIOT_TARGET_PERMANENT_ID, target, 32,
			     NULL, nas, len, r);
}

static void set_policy(struct nl *nl, uint32_t reader, uint32_t id, uint8_t policy)
{
	struct nlmsghdr *nlh = req(nl, fam_hwsim, AIOT_HWSIM_CMD_SET_DEVICE, 0);
	struct answer a;

	mnl_attr_put_u32(nlh, AIOT_HWSIM_ATTR_READER_INDEX, reader);
	put_id(nlh, id);
	mnl_attr_put_u8(nlh, AIOT_HWSIM_ATTR_POLICY, policy);
	talk(nl, nlh, &a);
}

/*
 * After an inventory of reader @reader (in @ev): RES_AIOT as the key rule
 * gives, Write then Read back, and a wrong key under two policies.
 */
static void commands(struct nl *ctl, uint32_t reader, const struct events *ev)
{
	static const uint8_t data[] = "hwsim-guest";
	struct aiot_sec_ctx *ctx = aiot_sec_ctx_alloc();
	uint8_t k_root[AIOT_K_ROOT_LEN], res[AIOT_RES_LEN], m[AIOT_NAS_MAX_LEN];
	unsigned int i, bad = 0, len;
	struct cmd_result r;
	struct nl lc;
	int err;

	if (!ctx || nl_open(&lc) ||
	    mnl_socket_setsockopt(lc.sk, NETLINK_ADD_MEMBERSHIP, &grp_command,
				  sizeof(grp_command))) {
		printf("Bail out! command socket\n");
		exit(1);
	}
	for (i = 0; i < N_DEVS; i++)
		if (k_root_of(BASE_ID + i, k_root) ||
		    aiot_res_aiot(k_root, rand_n, ev->rand_d[i], res) ||
		    memcmp(res, ev->res[i], AIOT_RES_LEN))
			bad++;
	ok(!bad, "RES_AIOT of all %d devices recomputed by the userspace twin from the key rule (%u differ)",
	   N_DEVS, bad);

	/* Write Request: offset 4, the data */
	m[0] = AIOT_NAS_SHT_PLAIN;
	m[1] = AIOT_NAS_MT_WRITE_REQ;
	m[2] = 0;
	m[3] = 4;
	memcpy(m + 4, data, sizeof(data));
	command_keys(ev, BASE_ID + 7, false, ctx);
	len = nas_protect(ctx, AIOT_NAS_DIR_R2D, m, 4 + sizeof(data));
	err = command_send(ctl, &lc, reader, BASE_ID + 7, m, len, &r);
	len = r.nas_len ? nas_unprotect(ctx, r.nas, r.nas_len) : 0;
	ok(!err && r.outcome == AIOT_CMD_OUTCOME_NAS_RESPONSE && len == 3 &&
	   r.nas[1] == AIOT_NAS_MT_WRITE_RSP && r.nas[2] == AIOT_NAS_STATUS_SUCCESS,
	   "command-send: a protected Write to a simulated device succeeds (err %d, outcome %d)",
	   err, r.outcome);

	/* Read Request: offset 4, as many octets */
	m[0] = AIOT_NAS_SHT_PLAIN;
	m[1] = AIOT_NAS_MT_READ_REQ;
	m[2] = 0;
	m[3] = 4;
	m[4] = 0;
	m[5] = sizeof(data);
	len = nas_protect(ctx, AIOT_NAS_DIR_R2D, m, 6);
	err = command_send(ctl, &lc, reader, BASE_ID + 7, m, len, &r);
	len = r.nas_len ? nas_unprotect(ctx, r.nas, r.nas_len) : 0;
	ok(!err && r.outcome == AIOT_CMD_OUTCOME_NAS_RESPONSE && len == 3 + sizeof(data) &&
	   r.nas[1] == AIOT_NAS_MT_READ_RSP && r.nas[2] == AIOT_NAS_STATUS_SUCCESS &&
	   !memcmp(r.nas + 3, data, sizeof(data)),
	   "command-send: a Read returns what the Write wrote (err %d, outcome %d, %u octets)",
	   err, r.outcome, len);

	/* a wrong key: the indication with the cause, or silence */
	set_policy(ctl, reader, BASE_ID + 9, AIOT_HWSIM_POLICY_AS_INDICATION_CAUSE);
	command_keys(ev, BASE_ID + 9, true, ctx);
	m[0] = AIOT_NAS_SHT_PLAIN;
	m[1] = AIOT_NAS_MT_READ_REQ;
	len = nas_protect(ctx, AIOT_NAS_DIR_R2D, m, 6);
	err = command_send(ctl, &lc, reader, BASE_ID + 9, m, len, &r);
	ok(!err && r.outcome == AIOT_CMD_OUTCOME_AS_INDICATION &&
	   r.cause == AIOT_NNR_CAUSE_INTEGRITY_FAILURE,
	   "a wrong key, policy as-indication-cause: AS indication, integrity failure (outcome %d, cause %d)",
	   r.outcome, r.cause);
	command_keys(ev, BASE_ID + 11, true, ctx);
	m[0] = AIOT_NAS_SHT_PLAIN;
	m[1] = AIOT_NAS_MT_READ_REQ;
	len = nas_protect(ctx, AIOT_NAS_DIR_R2D, m, 6);
	err = command_send(ctl, &lc, reader, BASE_ID + 11, m, len, &r);
	ok(!err && r.outcome == AIOT_CMD_OUTCOME_NO_RESPONSE,
	   "a wrong key, policy silent: no response (outcome %d)", r.outcome);
	nl_close(&lc);
	aiot_sec_ctx_free(ctx);
}

static long mem_available_kb(void)
{
	char line[128];
	long kb = -1;
	FILE *f = fopen("/proc/meminfo", "r");

	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "MemAvailable: %ld kB", &kb) == 1)
			break;
	if (f)
		fclose(f);
	return kb;
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/*
 * "aiot-hwsim-test scale N": one inventory of N devices on a new reader;
 * prints the wall time, the modelled air time and the memory the
 * population took (goal P4, Documentation/performance.rst).
 */
/*
 * One inventory of @n devices on a new reader, destroyed afterwards: every
 * device found once, the medium's counters equal to the job's; the wall
 * time, the air time and the memory as comments.
 */
static void scale_run(struct nl *ctl, struct nl *l, uint32_t n)
{
	uint64_t st[AIOT_HWSIM_STATS_MAX + 1];
	double t0, t_add, t_inv;
	struct nlmsghdr *nlh;
	struct events *ev;
	struct answer a;
	long m0, m1;
	uint32_t reader, i, found = 0;
	int err;

	ev = calloc(1, sizeof(*ev));
	if (ev)
		ev->big = calloc(n, 1);
	if (!ev || !ev->big || new_reader(ctl, false, &a)) {
		ok(false, "scale %u: no memory or no reader", n);
		return;
	}
	ev->nbig = n;
	reader = a.reader;
	m0 = mem_available_kb();
	t0 = now_s();
	add_devices(ctl, reader, n, BASE_ID, &a);
	t_add = now_s() - t0;
	m1 = mem_available_kb();
	inventory_start(ctl, reader, 256, &a);
	ev->job = a.job;
	t0 = now_s();
	err = a.error ?: listen_job(l, ev, 0, 3600);
	t_inv = now_s() - t0;
	get_stats(ctl, reader, st);
	for (i = 0; i < n; i++)
		found += !!ev->big[i];
	ok(!err && ev->done && ev->end == AIOT_INV_END_COMPLETE && found == n && !ev->dups &&
	   !ev->phantoms && st[AIOT_HWSIM_STATS_COLLISIONS] == ev->inv[AIOT_INV_STATS_COLLISIONS] &&
	   st[AIOT_HWSIM_STATS_R2D_FRAMES] == ev->inv[AIOT_INV_STATS_R2D_FRAMES] &&
	   st[AIOT_HWSIM_STATS_FRAMES] == ev->inv[AIOT_INV_STATS_FRAMES],
	   "scale %u: every device found once (%u found, %u dups, %u phantoms), the medium's collisions, rounds and R2D frames are the job's",
	   n, found, ev->dups, ev->phantoms);
	printf("# scale %u: add %.2f s, population %ld kB (%.0f B/device)\n", n, t_add,
	       m0 - m1, (m0 - m1) * 1024.0 / n);
	printf("# scale %u: inventory wall %.2f s, air %.2f s, wall/air %.2f%%, %.0f devices/s wall, %.1f devices/s air\n",
	       n, t_inv, st[AIOT_HWSIM_STATS_AIR_US] / 1e6,
	       100.0 * t_inv / (st[AIOT_HWSIM_STATS_AIR_US] / 1e6), n / t_inv,
	       n / (st[AIOT_HWSIM_STATS_AIR_US] / 1e6));
	printf("# scale %u: %llu R2D frames, %llu D2R frames, %llu collisions, %llu slots, %llu frames\n",
	       n, (unsigned long long)st[AIOT_HWSIM_STATS_R2D_FRAMES],
	       (unsigned long long)st[AIOT_HWSIM_STATS_D2R_FRAMES],
	       (unsigned long long)st[AIOT_HWSIM_STATS_COLLISIONS],
	       (unsigned long long)ev->inv[AIOT_INV_STATS_SLOTS],
	       (unsigned long long)ev->inv[AIOT_INV_STATS_FRAMES]);
	fflush(stdout);
	nlh = req(ctl, fam_hwsim, AIOT_HWSIM_CMD_DEL_READER, 0);
	mnl_attr_put_u32(nlh, AIOT_HWSIM_ATTR_READER_INDEX, reader);
	talk(ctl, nlh, &a);
	free(ev->big);
	free(ev);
}

/*
 * "aiot-hwsim-test scale N": one inventory of N devices on a new reader
 * (goal P4, Documentation/performance.rst).
 */
static int scale(uint32_t n)
{
	struct family_info fi;
	struct nl ctl, l;

	if (nl_open(&ctl) || resolve(&ctl, AIOT_GENL_NAME, &fi) || nl_open(&l))
		return 1;
	fam_aiot = fi.id;
	grp_inventory = fi.inventory;
	if (resolve(&ctl, AIOT_HWSIM_GENL_NAME, &fi) ||
	    mnl_socket_setsockopt(l.sk, NETLINK_ADD_MEMBERSHIP, &grp_inventory,
				  sizeof(grp_inventory)))
		return 1;
	fam_hwsim = fi.id;
	printf("1..1\n");
	fflush(stdout);
	scale_run(&ctl, &l, n);
	return n_fail ? 1 : 0;
}

int main(int argc, char **argv)
{
	struct nl ctl, owner, l, job_owner;
	struct family_info fi;
	struct events *ev;
	struct answer a;
	uint64_t st0[AIOT_HWSIM_STATS_MAX + 1], st[AIOT_HWSIM_STATS_MAX + 1];
	uint32_t reader, other;
	unsigned int found, i;
	int err, tries;

	if (argc == 3 && !strcmp(argv[1], "scale"))
		return scale(strtoul(argv[2], NULL, 0));
	printf("1..45\n");
	if (nl_open(&ctl) || resolve(&ctl, AIOT_GENL_NAME, &fi)) {
		printf("Bail out! the aiot family does not resolve\n");
		return 1;
	}
	fam_aiot = fi.id;
	grp_inventory = fi.inventory;
	grp_command = fi.command;
	ok(resolve(&ctl, AIOT_HWSIM_GENL_NAME, &fi) == 0, "the aiot_hwsim family resolves");
	fam_hwsim = fi.id;
	ev = calloc(1, sizeof(*ev));
	if (!ev || nl_open(&owner) || nl_open(&l) ||
	    mnl_socket_setsockopt(l.sk, NETLINK_ADD_MEMBERSHIP, &grp_inventory,
				  sizeof(grp_inventory))) {
		printf("Bail out! sockets\n");
		return 1;
	}

	/* a reader owned by a socket, its population */
	err = new_reader(&owner, true, &a);
	reader = a.reader;
	ok(!err && a.reader != ~0U, "new-reader (destroy on close) returns the reader index %u",
	   a.reader);
	ok(reader_exists(&ctl, reader), "the reader is an aiot reader (get-reader %u)", reader);
	add_devices(&ctl, reader, N_DEVS, BASE_ID, &a);
	ok(a.error == 0, "add-devices: %d devices (%d '%s')", N_DEVS, a.error, a.extack);
	ok(count_devices(&ctl, reader) == N_DEVS, "get-device dumps %d devices", N_DEVS);
	{
		struct rssi_range rr;

		/* 30 dBm, twice 30..50 dB of path loss, 10 dB more (hwsim.rst) */
		err = dump_rssi(&ctl, reader, &rr);
		ok(!err && rr.n == N_DEVS && rr.min >= -8000 && rr.max <= -4000 &&
		   rr.max - rr.min > 2000, "RSSI of the link model: %d..%d mBm over %u devices",
		   rr.min, rr.max, rr.n);
	}
	errors(&ctl, reader);
	unprivileged();

	/* an inventory over the aiot family finds every device once */
	get_stats(&ctl, reader, st0);
	inventory_start(&ctl, reader, 0, &a);
	ok(a.error == 0 && a.job, "inventory-start: job %u (%d '%s')", a.job, a.error, a.extack);
	ev->job = a.job;
	err = listen_job(&l, ev, 0, 120);
	get_stats(&ctl, reader, st);
	for (found = 0, i = 0; i < N_DEVS; i++)
		found += !!ev->seen[i];
	ok(!err && ev->done && ev->end == AIOT_INV_END_COMPLETE,
	   "inventory ends complete (err %d, end %d)", err, ev->end);
	ok(st[AIOT_HWSIM_STATS_COLLISIONS] - st0[AIOT_HWSIM_STATS_COLLISIONS] ==
	   ev->inv[AIOT_INV_STATS_COLLISIONS] && ev->inv[AIOT_INV_STATS_COLLISIONS] &&
	   st[AIOT_HWSIM_STATS_FRAMES] - st0[AIOT_HWSIM_STATS_FRAMES] ==
	   ev->inv[AIOT_INV_STATS_FRAMES] &&
	   st[AIOT_HWSIM_STATS_R2D_FRAMES] - st0[AIOT_HWSIM_STATS_R2D_FRAMES] ==
	   ev->inv[AIOT_INV_STATS_R2D_FRAMES] &&
	   st[AIOT_HWSIM_STATS_AIR_US] - st0[AIOT_HWSIM_STATS_AIR_US] == ev->inv[AIOT_INV_STATS_AIR_US],
	   "the medium's collisions, rounds, R2D frames and air time are the job's (%llu, %llu, %llu, %llu us)",
	   (unsigned long long)ev->inv[AIOT_INV_STATS_COLLISIONS],
	   (unsigned long long)ev->inv[AIOT_INV_STATS_FRAMES],
	   (unsigned long long)ev->inv[AIOT_INV_STATS_R2D_FRAMES],
	   (unsigned long long)ev->inv[AIOT_INV_STATS_AIR_US]);
	ok(found == N_DEVS && !ev->dups && !ev->phantoms && !ev->bad,
	   "all %d devices reported once (%u found, %u dups, %u phantoms, %u bad)",
	   N_DEVS, found, ev->dups, ev->phantoms, ev->bad);
	commands(&ctl, reader, ev);

	/* a filter of 28 bits: exactly the 16 identities that start with it */
	memset(ev, 0, sizeof(*ev));
	inventory_start_filter(&ctl, reader, 0, 28, &a);
	ev->job = a.job;
	err = listen_job(&l, ev, 0, 120);
	for (found = 0, i = 0; i < N_DEVS; i++)
		found += ev->seen[i] && i < 16;
	ok(!err && ev->end == AIOT_INV_END_COMPLETE && found == 16 && ev->reports == 16 &&
	   !ev->dups, "a filtered inventory finds exactly the 16 matching devices (%u of %u reports)",
	   found, ev->reports);

	/* closing the socket that started a running inventory stops it */
	set_medium(&ctl, reader, true, &a);
	ok(a.error == 0, "set-medium: paced in real time (%d)", a.error);
	memset(ev, 0, sizeof(*ev));
	if (nl_open(&job_owner) || resolve(&job_owner, AIOT_GENL_NAME, &fi)) {
		printf("Bail out! socket\n");
		return 1;
	}
	inventory_start(&job_owner, reader, 1, &a);
	ev->job = a.job;
	err = listen_job(&l, ev, 1, 60);
	ok(!err && ev->reports >= 1 && !ev->done, "paced inventory is running (%u reports)",
	   ev->reports);
	nl_close(&job_owner);
	err = listen_job(&l, ev, 0, 60);
	ok(!err && ev->done && ev->end == AIOT_INV_END_STOPPED,
	   "closing its socket stops the inventory (err %d, end %d, %u reports)",
	   err, ev->end, ev->reports);
	set_medium(&ctl, reader, false, &a);

	faults(&ctl, &l, reader, ev);

	/* a reader without an owner stays; one with an owner goes with it */
	new_reader(&ctl, false, &a);
	other = a.reader;
	ok(a.error == 0 && other != reader, "new-reader without owner: %u", other);
	{
		struct nlmsghdr *nlh = req(&ctl, fam_hwsim, AIOT_HWSIM_CMD_GET_READER,
					   NLM_F_DUMP);

		talk(&ctl, nlh, &a);
		ok(a.error == 0 && a.replies >= 2, "get-reader dumps the simulated readers (%d)",
		   a.replies);
	}
	nl_close(&owner);
	for (tries = 0; tries < 50 && reader_exists(&ctl, reader); tries++)
		usleep(100000);
	ok(!reader_exists(&ctl, reader), "closing the owner socket destroys reader %u", reader);
	ok(reader_exists(&ctl, other), "the reader without owner stays");
	{
		struct nlmsghdr *nlh = req(&ctl, fam_hwsim, AIOT_HWSIM_CMD_DEL_READER, 0);

		mnl_attr_put_u32(nlh, AIOT_HWSIM_ATTR_READER_INDEX, other);
		talk(&ctl, nlh, &a);
		ok(a.error == 0 && !reader_exists(&ctl, other), "del-reader destroys it (%d)",
		   a.error);
	}
	new_reader(&ctl, false, &a);
	other = a.reader;
	add_devices(&ctl, other, 50, BASE_ID, &a);
	unplug(&ctl, &l, other, ev);
	/* a thousand devices, each exactly once (the figure) */
	scale_run(&ctl, &l, 1000);
	nl_close(&l);
	nl_close(&ctl);
	free(ev);
	return n_fail ? 1 : 0;
}
