// SPDX-License-Identifier: GPL-2.0
/*
 * aiot-attack-test: the attacks of Documentation/security-profiles.rst
 * ("Attacks and the outcomes the tests assert"), run against aiot_hwsim's
 * simulated devices, in a guest. Profile "normative" (seeds 001 and 003),
 * the cells A1 to A5 of its column (A6 and A7 do not apply to it):
 *
 *   A1  an eavesdropper reads aiot_hwsim's debugfs monitor (every frame on
 *       the air), decodes the frames with kernel/frame.c and the NAS PDUs
 *       with kernel/nas.c: which identifiers and values are in clear, does
 *       the data of a Write show, can two sessions be linked;
 *   A2  replay of a captured Write, in the same session and after a new one;
 *   A3  a rogue AIOTF with a wrong key: its paging, its Write;
 *   A4  lost Msg3 (debugfs drop_msg3): a retry or the next inventory, never
 *       a session the AIOTF does not know;
 *   A5  replay of a captured paging: the device answers.
 *
 * Profile "solution-9" (seed 004), on a second reader that also holds
 * normative devices: authentication by protected ID and by HMAC T-ID with
 * the work every other device spends on each paging (get-device counters),
 * commands under k_N' / k_ND', and the cells A1 (no identity in clear, two
 * authentications unlinkable), A2 (a captured command replayed is executed
 * again), A3 (a rogue's paging and command select no device), A7 (a
 * lowered policy: refused with FLOOR, executed without), and seed 000's
 * options on a failed MAC.
 *
 * The honest AIOTF and the rogue are this program, with keys from the
 * OpenSSL twin of the security engine (the key rule of hwsim.rst); the
 * reader relays over the "aiot" family as for aiot-bridge. Every request
 * and reply is checked; the device's user memory is read back with a
 * protected Read to tell "executed" from "not executed". libmnl; TAP.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <time.h>
#include <unistd.h>
#include <sys/socket.h>
#include <libmnl/libmnl.h>
#include <openssl/rand.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>

#include <linux/aiot.h>
#include <linux/aiot_hwsim.h>
#include <aiot/hwsim_values.h>
#include <aiot/nas_values.h>

#include "aiot_sec.h"	/* the userspace twin of the security engine */
#include "frame.h"	/* kernel/frame.c and kernel/nas.c, from libaiot */
#include "nas.h"
#include "profile.h"
#include "guest_nl.h"

#ifndef NETLINK_EXT_ACK
#define NETLINK_EXT_ACK 11
#endif

#define N_DEVS		8
#define BASE_ID		0xa2170000U
#define TARGET		(BASE_ID + 3)
#define KEY_SEED	"attack-key"
#define ROGUE_SEED	"rogue-key"
#define MON_FRAMES	4096

static void bail(const char *why)
{
	printf("Bail out! %s\n", why);
	exit(1);
}

/* ---- Netlink ------------------------------------------------------------------ */

static uint16_t fam_aiot, fam_hwsim;
static uint32_t grp_inventory, grp_command;
static struct nl ctl, lis;	/* requests; the inventory and command groups */
static uint32_t reader;

/* ---- The simulated reader and its devices ------------------------------------ */

static void put_be32(uint8_t *b, uint32_t v)
{
	b[0] = v >> 24;
	b[1] = v >> 16;
	b[2] = v >> 8;
	b[3] = v;
}

static void put_id(struct nlmsghdr *nlh, uint32_t id)
{
	uint8_t b[4];

	put_be32(b, id);
	mnl_attr_put(nlh, AIOT_HWSIM_ATTR_ID, sizeof(b), b);
	mnl_attr_put_u8(nlh, AIOT_HWSIM_ATTR_ID_BITS, 32);
}

static int set_policy(uint32_t id, uint8_t policy)
{
	struct nlmsghdr *nlh = req(&ctl, fam_hwsim, AIOT_HWSIM_CMD_SET_DEVICE, 0);
	struct answer a;

	mnl_attr_put_u32(nlh, AIOT_HWSIM_ATTR_READER_INDEX, reader);
	put_id(nlh, id);
	mnl_attr_put_u8(nlh, AIOT_HWSIM_ATTR_POLICY, policy);
	talk(&ctl, nlh, &a);
	return a.error;
}

/* The device's own side changes its memory (not over the air). */
static int set_mem(uint32_t id, uint16_t offset, const uint8_t *data, unsigned int len)
{
	struct nlmsghdr *nlh = req(&ctl, fam_hwsim, AIOT_HWSIM_CMD_SET_DEVICE, 0);
	struct answer a;

	mnl_attr_put_u32(nlh, AIOT_HWSIM_ATTR_READER_INDEX, reader);
	put_id(nlh, id);
	mnl_attr_put(nlh, AIOT_HWSIM_ATTR_MEM, len, data);
	mnl_attr_put_u16(nlh, AIOT_HWSIM_ATTR_MEM_OFFSET, offset);
	talk(&ctl, nlh, &a);
	return a.error;
}

static int debugfs_write(const char *name, const char *val)
{
	return hwsim_debugfs_write(reader, name, val);
}

/* ---- Families, readers, populations ------------------------------------------- */

/* Resolve both families and join the inventory and command groups, or bail. */
static void open_families(void)
{
	struct family_info fi;

	if (nl_open(&ctl) || nl_open(&lis) || resolve(&ctl, AIOT_GENL_NAME, &fi))
		bail("the aiot family does not resolve");
	fam_aiot = fi.id;
	grp_inventory = fi.inventory;
	grp_command = fi.command;
	if (resolve(&ctl, AIOT_HWSIM_GENL_NAME, &fi) ||
	    mnl_socket_setsockopt(lis.sk, NETLINK_ADD_MEMBERSHIP, &grp_inventory,
				  sizeof(grp_inventory)) ||
	    mnl_socket_setsockopt(lis.sk, NETLINK_ADD_MEMBERSHIP, &grp_command,
				  sizeof(grp_command)))
		bail("the aiot_hwsim family or the groups");
	fam_hwsim = fi.id;
}

/* A new reader of this program's own (gone with its socket), made current. */
static void own_reader(void)
{
	struct nlmsghdr *nlh = req(&ctl, fam_hwsim, AIOT_HWSIM_CMD_NEW_READER, 0);
	struct answer a;

	mnl_attr_put(nlh, AIOT_HWSIM_ATTR_DESTROY_ON_CLOSE, 0, NULL);
	talk(&ctl, nlh, &a);
	reader = a.reader;
}

/* @count devices of @profile from @base, keys from KEY_SEED; the answer in @a. */
static void add_pop(uint32_t base, uint32_t count, uint8_t profile, struct answer *a)
{
	struct nlmsghdr *nlh = req(&ctl, fam_hwsim, AIOT_HWSIM_CMD_ADD_DEVICES, 0);

	mnl_attr_put_u32(nlh, AIOT_HWSIM_ATTR_READER_INDEX, reader);
	mnl_attr_put_u32(nlh, AIOT_HWSIM_ATTR_COUNT, count);
	put_id(nlh, base);
	mnl_attr_put(nlh, AIOT_HWSIM_ATTR_KEY_SEED, strlen(KEY_SEED), KEY_SEED);
	if (profile != AIOT_HWSIM_SEC_PROFILE_NORMATIVE)
		mnl_attr_put_u8(nlh, AIOT_HWSIM_ATTR_SEC_PROFILE, profile);
	talk(&ctl, nlh, a);
}

/* ---- The eavesdropper: debugfs monitor ----------------------------------------- */

struct rec {
	uint64_t seq;
	uint64_t t_ns;
	enum aiot_link link;
	unsigned int bits;
	uint8_t f[AIOT_FRAME_MAX_OCTETS];
	int derr;		/* aiot_frame_decode() */
	struct aiot_msg m;
};

static struct rec *recs;
static unsigned int n_recs;
static uint64_t mon_captured, mon_overwritten;
static unsigned int mon_ring;

static int hexval(int c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Start a new capture of @frames frames (0: stop); 0 or -errno. */
static int mon_start(unsigned int frames)
{
	char v[16];

	snprintf(v, sizeof(v), "%u\n", frames);
	return debugfs_write("monitor", v);
}

/*
 * Read what the monitor holds into recs[] and decode every frame; the
 * number of lines that do not follow the documented format, or -errno.
 */
static int mon_read(void)
{
	char path[128], *line = NULL, dir[8], hex[2 * AIOT_FRAME_MAX_OCTETS + 2];
	unsigned long long seq, t, c, o;
	size_t cap = 0;
	unsigned int bits, i, bad = 0;
	FILE *f;

	snprintf(path, sizeof(path), "/sys/kernel/debug/aiot_hwsim/aiot%u/monitor", reader);
	f = fopen(path, "r");
	if (!f)
		return -errno;
	n_recs = 0;
	mon_ring = 0;
	mon_captured = 0;
	mon_overwritten = 0;
	if (getline(&line, &cap, f) < 0 ||
	    sscanf(line, "# ring %u captured %llu overwritten %llu", &mon_ring, &c, &o) != 3)
		bad++;
	mon_captured = c;
	mon_overwritten = o;
	while (getline(&line, &cap, f) > 0) {
		struct rec *r = &recs[n_recs];

		if (n_recs == MON_FRAMES ||
		    sscanf(line, "%llu %llu %7s %u %321s", &seq, &t, dir, &bits, hex) != 5 ||
		    (strcmp(dir, "R2D") && strcmp(dir, "D2R")) || !bits ||
		    bits > AIOT_FRAME_MAX_BITS || strlen(hex) != 2 * ((bits + 7) / 8)) {
			bad++;
			continue;
		}
		memset(r, 0, sizeof(*r));
		r->seq = seq;
		r->t_ns = t;
		r->link = strcmp(dir, "R2D") ? AIOT_LINK_D2R : AIOT_LINK_R2D;
		r->bits = bits;
		for (i = 0; i < (bits + 7) / 8; i++) {
			int hi = hexval(hex[2 * i]), lo = hexval(hex[2 * i + 1]);

			if (hi < 0 || lo < 0)
				bad++;
			r->f[i] = hi << 4 | lo;
		}
		r->derr = aiot_frame_decode(r->f, bits, r->link, &r->m);
		n_recs++;
	}
	free(line);
	fclose(f);
	return bad;
}

static bool bit_at(const uint8_t *b, unsigned int i)
{
	return b[i / 8] & (0x80 >> (i % 8));
}

/* @nbits bits of @needle occur at some bit offset of the first @bits of @hay. */
static bool bits_in(const uint8_t *hay, unsigned int bits, const uint8_t *needle,
		    unsigned int nbits)
{
	unsigned int at, i;

	for (at = 0; at + nbits <= bits; at++) {
		for (i = 0; i < nbits && bit_at(hay, at + i) == bit_at(needle, i); i++)
			;
		if (i == nbits)
			return true;
	}
	return false;
}

/* Frames of the capture that contain @needle, at any bit offset. */
static unsigned int frames_with(const uint8_t *needle, unsigned int nbits)
{
	unsigned int i, n = 0;

	for (i = 0; i < n_recs; i++)
		n += bits_in(recs[i].f, recs[i].bits, needle, nbits);
	return n;
}

static bool is_paging(const struct rec *r, uint8_t ra_type)
{
	return !r->derr && r->m.type == AIOT_MSG_PAGING && r->m.paging.ra_type == ra_type;
}

static bool paging_names(const struct rec *r, uint32_t id)
{
	uint8_t b[4];

	put_be32(b, id);
	return r->m.paging.id_type == AIOT_ID_PERMANENT && r->m.paging.id_bits == 32 &&
	       !memcmp(r->m.paging.id, b, 4);
}

/*
 * The eavesdropper's view of the last command to @id in the capture: the
 * R2D data segments after its CFRA paging, reassembled. Returns the PDU's
 * length in octets, 0 when there is none.
 */
static unsigned int captured_command(uint32_t id, uint8_t *pdu)
{
	unsigned int i, start = n_recs, have = 0, k;
	uint16_t as_id = 0;

	for (i = 0; i < n_recs; i++)
		if (is_paging(&recs[i], AIOT_RA_CFRA) && paging_names(&recs[i], id)) {
			start = i;
			as_id = recs[i].m.paging.as_id;
		}
	for (i = start + 1; i < n_recs; i++) {
		const struct aiot_data *d = &recs[i].m.data;

		if (recs[i].derr || recs[i].m.type != AIOT_MSG_R2D_DATA || d->as_id != as_id ||
		    !d->len)
			continue;
		if (d->offset != have)
			return 0;
		for (k = 0; k < d->len; k++) {
			unsigned int b = have + k;

			if (bit_at(d->data, k))
				pdu[b / 8] |= 0x80 >> (b % 8);
			else
				pdu[b / 8] &= ~(0x80 >> (b % 8));
		}
		have += d->len;
		if (!d->more)
			return have % 8 ? 0 : have / 8;
	}
	return 0;
}

/* ---- The AIOTF: inventories ------------------------------------------------------ */

/* What one inventory got for TARGET; the session keys it gives. */
struct session {
	uint8_t rand_n[AIOT_RAND_N_LEN];
	uint8_t rand_d[AIOT_RAND_D_LEN];
	uint8_t res[AIOT_RES_LEN];
	uint8_t id[4];
	unsigned int reports;	/* of any device */
	uint8_t nas[AIOT_NAS_MAX_LEN];	/* the last device's Msg3 NAS */
	unsigned int nas_len;
	bool found;		/* TARGET was reported */
	bool done;
	int end;
	uint32_t job;
	uint64_t st[AIOT_INV_STATS_MAX + 1];	/* of inventory-done */
};

/* Every device report's NAS also goes here, when set (the evaluation) */
static void (*inv_each)(const uint8_t *nas, unsigned int len);

static void ev_device(struct session *s, const struct nlattr *dev)
{
	const struct nlattr *a;
	const uint8_t *nas = NULL;
	unsigned int len = 0;
	struct aiot_nas_msg m;
	uint8_t t[4];

	mnl_attr_for_each_nested(a, dev) {
		if (mnl_attr_get_type(a) == AIOT_DEV_NAS) {
			nas = mnl_attr_get_payload(a);
			len = mnl_attr_get_payload_len(a);
		}
	}
	s->reports++;
	if (nas && inv_each)
		inv_each(nas, len);
	if (nas && len <= sizeof(s->nas)) {
		memcpy(s->nas, nas, len);
		s->nas_len = len;
	}
	put_be32(t, TARGET);
	if (!nas || aiot_nas_decode(nas, len, &m) || m.type != AIOT_NAS_MT_INVENTORY_RSP ||
	    m.id_bits != 32 || memcmp(m.id, t, 4))
		return;
	s->found = true;
	memcpy(s->id, m.id, 4);
	memcpy(s->rand_d, m.rand_d, AIOT_RAND_D_LEN);
	memcpy(s->res, m.res, AIOT_RES_LEN);
}

static int ev_attr(const struct nlattr *a, void *data)
{
	struct session *s = data;
	const struct nlattr *st;

	if (mnl_attr_get_type(a) == AIOT_ATTR_INV_STATS)
		mnl_attr_for_each_nested(st, a)
			if (mnl_attr_get_type(st) <= AIOT_INV_STATS_MAX &&
			    mnl_attr_get_payload_len(st) == 8)
				s->st[mnl_attr_get_type(st)] = mnl_attr_get_u64(st);
	if (mnl_attr_get_type(a) == AIOT_ATTR_DEVICE)
		ev_device(s, a);
	else if (mnl_attr_get_type(a) == AIOT_ATTR_INV_END)
		s->end = mnl_attr_get_u8(a);
	return MNL_CB_OK;
}

static int ev_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct genlmsghdr *g = mnl_nlmsg_get_payload(nlh);
	struct session *s = data;

	if (nlh->nlmsg_type != fam_aiot)
		return MNL_CB_OK;
	if (event_job(nlh) != s->job || g->cmd == AIOT_CMD_COMMAND_RESULT)
		return MNL_CB_OK;
	mnl_attr_parse(nlh, sizeof(*g), ev_attr, s);
	if (g->cmd == AIOT_CMD_INVENTORY_DONE)
		s->done = true;
	return MNL_CB_OK;
}

/*
 * An inventory paging @type (enum aiot_target) @idf of @bits bits with the
 * RAND_n @rand (8 octets, kept in @s), or, when @rand is NULL, the NAS
 * container @nas of @nas_len octets; @max_empty: the empty-rounds stop
 * trigger (0: none). 0 or -errno.
 */
static int inventory_nas(uint8_t type, const uint8_t *idf, unsigned int bits,
			 const uint8_t *rand, const uint8_t *nas, unsigned int nas_len,
			 uint32_t max_empty, struct session *s)
{
	struct nlmsghdr *nlh = req(&ctl, fam_aiot, AIOT_CMD_INVENTORY_START, 0);
	struct answer a;

	memset(s, 0, sizeof(*s));
	mnl_attr_put_u32(nlh, AIOT_ATTR_READER_INDEX, reader);
	mnl_attr_put_u8(nlh, AIOT_ATTR_TARGET_TYPE, type);
	if (type != AIOT_TARGET_ALL) {
		mnl_attr_put(nlh, AIOT_ATTR_TARGET, (bits + 7) / 8, idf);
		mnl_attr_put_u16(nlh, AIOT_ATTR_TARGET_BITS, bits);
	}
	if (rand) {
		memcpy(s->rand_n, rand, AIOT_RAND_N_LEN);
		mnl_attr_put(nlh, AIOT_ATTR_RAND, AIOT_RAND_N_LEN, s->rand_n);
	} else {
		mnl_attr_put(nlh, AIOT_ATTR_NAS, nas_len, nas);
	}
	if (max_empty)
		mnl_attr_put_u32(nlh, AIOT_ATTR_MAX_EMPTY_ROUNDS, max_empty);
	talk(&ctl, nlh, &a);
	if (a.error)
		return a.error;
	s->job = a.job;
	return wait_events(&lis, ev_cb, s, &s->done, 60);
}

static int inventory_to(uint8_t type, const uint8_t *idf, unsigned int bits,
			const uint8_t *rand, uint32_t max_empty, struct session *s)
{
	return inventory_nas(type, idf, bits, rand, NULL, 0, max_empty, s);
}

/*
 * A targeted inventory of TARGET by its permanent ID with RAND_n
 * @rand_first.. (8 octets), or @rand when not NULL.
 */
static int inventory_rand(uint8_t rand_first, const uint8_t *rand, uint32_t max_empty,
			  struct session *s)
{
	uint8_t target[4], r[AIOT_RAND_N_LEN];
	unsigned int i;

	for (i = 0; i < AIOT_RAND_N_LEN; i++)
		r[i] = rand ? rand[i] : rand_first + i;
	put_be32(target, TARGET);
	return inventory_to(AIOT_TARGET_PERMANENT_ID, target, 32, r, max_empty, s);
}

static int inventory(uint8_t rand_first, uint32_t max_empty, struct session *s)
{
	return inventory_rand(rand_first, NULL, max_empty, s);
}

static int k_root_of(const char *seed, uint32_t id, uint8_t *k_root)
{
	uint8_t be[4];

	put_be32(be, id);
	return aiot_hwsim_k_root((const uint8_t *)seed, strlen(seed), be, 32, k_root);
}

/* RES_AIOT of @s verifies under the key that @seed gives TARGET. */
static bool res_verifies(const char *seed, const struct session *s)
{
	uint8_t k_root[AIOT_K_ROOT_LEN], xres[AIOT_RES_LEN];

	return s->found && !k_root_of(seed, TARGET, k_root) &&
	       !aiot_res_aiot(k_root, s->rand_n, s->rand_d, xres) &&
	       !memcmp(xres, s->res, AIOT_RES_LEN);
}

/* K_Command_enc/int of session @s under the key @seed gives TARGET. */
static struct aiot_sec_ctx *session_keys(const char *seed, const struct session *s)
{
	uint8_t k_root[AIOT_K_ROOT_LEN], k_aiotf[AIOT_K_AIOTF_LEN];
	uint8_t k_enc[AIOT_SEC_KEY_LEN], k_int[AIOT_SEC_KEY_LEN];
	struct aiot_sec_ctx *ctx = aiot_sec_ctx_alloc();

	if (!ctx || k_root_of(seed, TARGET, k_root) ||
	    aiot_k_aiotf(k_root, s->rand_n, s->rand_d, k_aiotf) ||
	    aiot_k_command(k_aiotf, k_enc, k_int) || aiot_sec_ctx_set_keys(ctx, k_enc, k_int))
		bail("session keys");
	return ctx;
}

/* ---- The AIOTF: commands relayed by the reader ----------------------------------- */

/*
 * The reader relays @len octets of NAS (command-send) to the device its
 * contention-free paging names by @type (enum aiot_target) @idf of @bits
 * bits, with the RAND @rand (8 octets) when not NULL; the result in @r.
 */
static int command_to(uint8_t type, const uint8_t *idf, unsigned int bits,
		      const uint8_t *rand, const uint8_t *nas, unsigned int len,
		      struct cmd_result *r)
{
	return command_relay(&ctl, &lis, fam_aiot, reader, type, idf, bits, rand, nas, len, r);
}

/* The reader relays @len octets of NAS to @id (command-send); the result in @r. */
static int command_send(uint32_t id, const uint8_t *nas, unsigned int len,
			struct cmd_result *r)
{
	uint8_t target[4];

	put_be32(target, id);
	return command_to(AIOT_TARGET_PERMANENT_ID, target, 32, NULL, nas, len, r);
}

/* A Write Request of @data at @offset, sealed (ciphered or not) into @pdu. */
static unsigned int seal_write(struct aiot_sec_ctx *ctx, bool cipher, uint16_t offset,
			       const uint8_t *data, unsigned int len, uint8_t *pdu)
{
	struct aiot_nas_msg m = {
		.type = AIOT_NAS_MT_WRITE_REQ,
		.offset = offset,
		.data = data,
		.data_len = len,
	};
	int n = aiot_nas_encode(&m, pdu, AIOT_NAS_MAX_LEN);

	if (n > 0)
		n = aiot_nas_seal(ctx, AIOT_NAS_DIR_R2D, cipher, pdu, n, AIOT_NAS_MAX_LEN);
	if (n <= 0)
		bail("cannot seal a Write Request");
	return n;
}

/*
 * Send the Write of @data at @offset; true when the device answers with a
 * Write Response, success, that verifies under @ctx.
 */
static bool write_mem(struct aiot_sec_ctx *ctx, bool cipher, uint16_t offset,
		      const uint8_t *data, unsigned int len)
{
	uint8_t pdu[AIOT_NAS_MAX_LEN];
	struct cmd_result r;
	struct aiot_nas_msg m;
	unsigned int n = seal_write(ctx, cipher, offset, data, len, pdu);
	int plain;

	if (command_send(TARGET, pdu, n, &r) || r.outcome != AIOT_CMD_OUTCOME_NAS_RESPONSE)
		return false;
	plain = aiot_nas_open(ctx, AIOT_NAS_DIR_D2R, r.nas, r.nas_len);
	return plain > 0 && !aiot_nas_decode(r.nas, plain, &m) &&
	       m.type == AIOT_NAS_MT_WRITE_RSP && m.status == AIOT_NAS_STATUS_SUCCESS;
}

/* A protected Read of @len octets at @offset into @out; 0 or -1. */
static int read_mem(struct aiot_sec_ctx *ctx, uint16_t offset, uint8_t *out, unsigned int len)
{
	struct aiot_nas_msg m = {
		.type = AIOT_NAS_MT_READ_REQ,
		.offset = offset,
		.length = len,
	};
	uint8_t pdu[AIOT_NAS_MAX_LEN];
	struct cmd_result r;
	int n = aiot_nas_encode(&m, pdu, sizeof(pdu));

	if (n > 0)
		n = aiot_nas_seal(ctx, AIOT_NAS_DIR_R2D, true, pdu, n, sizeof(pdu));
	if (n <= 0 || command_send(TARGET, pdu, n, &r) ||
	    r.outcome != AIOT_CMD_OUTCOME_NAS_RESPONSE)
		return -1;
	n = aiot_nas_open(ctx, AIOT_NAS_DIR_D2R, r.nas, r.nas_len);
	if (n <= 0 || aiot_nas_decode(r.nas, n, &m) || m.type != AIOT_NAS_MT_READ_RSP ||
	    m.status != AIOT_NAS_STATUS_SUCCESS || m.data_len != len)
		return -1;
	memcpy(out, m.data, len);
	return 0;
}

/* The device's memory at @offset holds @want (read with the honest keys). */
static bool mem_is(struct aiot_sec_ctx *ctx, uint16_t offset, const uint8_t *want,
		   unsigned int len)
{
	uint8_t got[AIOT_HWSIM_USER_MEM_MAX];

	return !read_mem(ctx, offset, got, len) && !memcmp(got, want, len);
}

/* ---- A1: the eavesdropper's capture ------------------------------------------------ */

static const uint8_t secret1[16] = "A1-ciphered-data";
static const uint8_t clear1[16] = "A1-integrity-onl";
static const uint8_t secret2[16] = "A2-captured-Writ";
static const uint8_t zero16[16];

/*
 * The ID of TARGET in the paging and the Msg3 of one session of the
 * capture, with its RAND_d and RES; false when a frame is missing.
 */
struct seen {
	unsigned int cbra, msg3, cfra;	/* frames naming TARGET */
	uint8_t rand_n[AIOT_RAND_N_LEN];
	uint8_t rand_d[AIOT_RAND_D_LEN];
	uint8_t res[AIOT_RES_LEN];
	uint8_t id[4];
	bool nas_ok;
};

static void what_is_seen(struct seen *v)
{
	struct aiot_nas_msg nm;
	unsigned int i;
	uint8_t t[4];

	memset(v, 0, sizeof(*v));
	put_be32(t, TARGET);
	for (i = 0; i < n_recs; i++) {
		const struct rec *r = &recs[i];

		if (is_paging(r, AIOT_RA_CBRA) && paging_names(r, TARGET)) {
			v->cbra++;
			if (r->m.paging.cont_type == AIOT_CONT_RAND &&
			    r->m.paging.cont_len == AIOT_RAND_N_LEN)
				memcpy(v->rand_n, r->m.paging.cont, AIOT_RAND_N_LEN);
		}
		if (is_paging(r, AIOT_RA_CFRA) && paging_names(r, TARGET))
			v->cfra++;
		if (!r->derr && r->m.type == AIOT_MSG_MSG3 && !r->m.data.more &&
		    !(r->m.data.len % 8) &&
		    !aiot_nas_decode(r->m.data.data, r->m.data.len / 8, &nm) &&
		    nm.type == AIOT_NAS_MT_INVENTORY_RSP && nm.id_bits == 32 &&
		    !memcmp(nm.id, t, 4)) {
			v->msg3++;
			v->nas_ok = r->m.data.data[0] == AIOT_NAS_SHT_PLAIN;
			memcpy(v->id, nm.id, 4);
			memcpy(v->rand_d, nm.rand_d, AIOT_RAND_D_LEN);
			memcpy(v->res, nm.res, AIOT_RES_LEN);
		}
	}
}

static void a1_eavesdropper(struct session *s2, uint8_t *pdu2, unsigned int *pdu2_len,
			    struct seen *v1)
{
	uint8_t t[4], got[16], pdu[AIOT_NAS_MAX_LEN];
	struct aiot_sec_ctx *ctx;
	struct session s1;
	struct seen v2;
	unsigned int i, undecoded = 0, with_id, n;
	int bad, err;

	put_be32(t, TARGET);
	/* the ring: refused sizes, then a small one that overflows */
	ok(mon_start(AIOT_HWSIM_MONITOR_MAX_FRAMES + 1) == -ERANGE,
	   "monitor: a ring above %u frames is ERANGE", AIOT_HWSIM_MONITOR_MAX_FRAMES);
	ok(!mon_start(4) && !inventory(0x10, 0, &s1) && s1.found, "monitor: a ring of 4 frames, an inventory");
	bad = mon_read();
	ok(!bad && mon_ring == 4 && mon_captured > 4 && mon_overwritten == mon_captured - 4 &&
	   n_recs == 4 && recs[0].seq == mon_overwritten && recs[3].seq == mon_captured - 1 &&
	   recs[0].t_ns < recs[3].t_ns,
	   "monitor: the ring keeps the last 4 frames, numbered, oldest overwritten and counted (%d bad lines, %llu captured, %llu overwritten)",
	   bad, (unsigned long long)mon_captured, (unsigned long long)mon_overwritten);
	err = mon_start(0) ?: inventory(0x18, 0, &s1) ?: mon_read();
	ok(!err && !n_recs && !mon_ring && !mon_captured,
	   "monitor: 0 stops the capture and frees the ring (%d, %u frames, ring %u)",
	   err, n_recs, mon_ring);

	/* session 1: a targeted inventory, a ciphered and an integrity-only Write */
	err = mon_start(MON_FRAMES);
	if (!err)
		err = inventory(0x20, 0, &s1);
	ok(!err && s1.found && s1.reports == 1 && res_verifies(KEY_SEED, &s1),
	   "session 1: a targeted inventory reads the target, RES_AIOT verifies (err %d, %u reports)",
	   err, s1.reports);
	ctx = session_keys(KEY_SEED, &s1);
	ok(write_mem(ctx, true, 8, secret1, sizeof(secret1)) &&
	   write_mem(ctx, false, 24, clear1, sizeof(clear1)) &&
	   !read_mem(ctx, 8, got, sizeof(got)) && !memcmp(got, secret1, sizeof(got)),
	   "session 1: a ciphered Write, an integrity-only Write and a ciphered Read back succeed");
	bad = mon_read();
	for (i = 0; i < n_recs; i++)
		undecoded += !!recs[i].derr;
	ok(!bad && n_recs > 10 && !mon_overwritten && !undecoded,
	   "A1 capture: %u frames of both links, every one decodes with kernel/frame.c (%d bad lines, %u undecoded)",
	   n_recs, bad, undecoded);
	what_is_seen(v1);
	ok(v1->cbra == 1 && !memcmp(v1->rand_n, s1.rand_n, AIOT_RAND_N_LEN),
	   "A1: the targeted paging carries the permanent ID and RAND_n in clear (%u pagings)",
	   v1->cbra);
	ok(v1->msg3 == 1 && v1->nas_ok && !memcmp(v1->rand_d, s1.rand_d, AIOT_RAND_D_LEN) &&
	   !memcmp(v1->res, s1.res, AIOT_RES_LEN),
	   "A1: Msg3 carries the Inventory Response in clear: permanent ID, RAND_d, RES_AIOT as the AIOTF got them (%u)",
	   v1->msg3);
	ok(v1->cfra == 3, "A1: each of the 3 command pagings carries the permanent ID in clear (%u)",
	   v1->cfra);
	with_id = frames_with(t, 32);
	ok(with_id == v1->cbra + v1->msg3 + v1->cfra,
	   "A1: the ID's 32 bits occur in those %u frames and in no other frame (%u)",
	   v1->cbra + v1->msg3 + v1->cfra, with_id);
	ok(!frames_with(secret1, 8 * sizeof(secret1)),
	   "A1: the data of the ciphered Write, and of the ciphered Read's response, occurs in no frame");
	ok(frames_with(clear1, 8 * sizeof(clear1)) == 1,
	   "A1: the data of the integrity-only Write occurs in clear in its R2D data frame");
	aiot_sec_ctx_free(ctx);

	/* session 2 of the same device: new RAND_n, RAND_d, RES; the same ID */
	err = mon_start(MON_FRAMES);
	if (!err)
		err = inventory(0x30, 0, s2);
	ctx = session_keys(KEY_SEED, s2);
	*pdu2_len = seal_write(ctx, true, 40, secret2, sizeof(secret2), pdu2);
	ok(!err && res_verifies(KEY_SEED, s2) &&
	   write_mem(ctx, true, 40, secret2, sizeof(secret2)),
	   "session 2: a new inventory and a ciphered Write (err %d)", err);
	mon_read();
	what_is_seen(&v2);
	ok(v2.cbra == 1 && v2.msg3 == 1 && v2.cfra == 1 && !memcmp(v1->id, v2.id, 4) &&
	   memcmp(v1->rand_d, v2.rand_d, AIOT_RAND_D_LEN) && memcmp(v1->res, v2.res, AIOT_RES_LEN),
	   "A1 linkable: session 2 shows the same permanent ID in paging, Msg3 and command paging; only RAND_n, RAND_d, RES change");
	n = captured_command(TARGET, pdu);
	ok(n == *pdu2_len && !memcmp(pdu, pdu2, n) && pdu[0] == AIOT_NAS_SHT_INTEGRITY_CIPHERED,
	   "A1: the eavesdropper reassembles the protected Write PDU from the R2D data frames (%u octets)",
	   n);
	memcpy(pdu2, pdu, n);	/* from here on, the replay uses what was captured */
	aiot_sec_ctx_free(ctx);
}

/* ---- A2: replay of a captured command --------------------------------------------- */

static void a2_replay(const struct session *s2, const uint8_t *pdu, unsigned int len)
{
	struct aiot_sec_ctx *ctx = session_keys(KEY_SEED, s2), *ctx3;
	struct cmd_result r;
	struct session s3;
	int err;

	/* (i) the same session: the device's memory changed meanwhile */
	err = set_mem(TARGET, 40, zero16, sizeof(zero16));
	ok(!err && mem_is(ctx, 40, zero16, sizeof(zero16)),
	   "A2: the device's memory at 40 is changed after the captured Write (err %d)", err);
	err = command_send(TARGET, pdu, len, &r);
	ok(!err && r.outcome == AIOT_CMD_OUTCOME_NAS_RESPONSE && mem_is(ctx, 40, secret2, 16),
	   "A2(i) same session: the replayed Write is executed again, its data is back in memory (outcome %d)",
	   r.outcome);

	/* (ii) after the device's next inventory */
	err = inventory(0x40, 0, &s3);
	ctx3 = session_keys(KEY_SEED, &s3);
	ok(!err && res_verifies(KEY_SEED, &s3) && !set_mem(TARGET, 40, zero16, 16) &&
	   !set_policy(TARGET, AIOT_HWSIM_POLICY_AS_INDICATION_CAUSE),
	   "A2: a new session (inventory), memory at 40 changed again, policy as-indication-cause");
	err = command_send(TARGET, pdu, len, &r);
	ok(!err && r.outcome == AIOT_CMD_OUTCOME_AS_INDICATION &&
	   r.cause == AIOT_NNR_CAUSE_INTEGRITY_FAILURE && mem_is(ctx3, 40, zero16, 16),
	   "A2(ii) after a new session: the paging by ID selects the device, MAC-I fails: AS indication with the integrity cause, not executed (outcome %d, cause %d)",
	   r.outcome, r.cause);
	err = set_policy(TARGET, AIOT_HWSIM_POLICY_SILENT) ?: command_send(TARGET, pdu, len, &r);
	ok(!err && r.outcome == AIOT_CMD_OUTCOME_NO_RESPONSE && mem_is(ctx3, 40, zero16, 16),
	   "A2(ii) policy silent: no response, not executed (outcome %d)", r.outcome);
	aiot_sec_ctx_free(ctx);
	aiot_sec_ctx_free(ctx3);
}

/* ---- A3: a rogue reader and AIOTF with a wrong key --------------------------------- */

static void a3_rogue(void)
{
	static const uint8_t rogue_data[16] = "A3-rogue-written";
	struct aiot_sec_ctx *rogue, *ctx, *old;
	uint8_t pdu[AIOT_NAS_MAX_LEN];
	struct session s, sr;
	struct cmd_result r;
	unsigned int n;
	int err;

	/* (a) the rogue pages the target by the ID it saw */
	err = inventory(0x50, 0, &s);
	old = session_keys(KEY_SEED, &s);
	err = err ?: inventory(0x60, 0, &sr);
	ok(!err && sr.found && sr.reports == 1 && !res_verifies(ROGUE_SEED, &sr) &&
	   res_verifies(KEY_SEED, &sr),
	   "A3(a): the device answers a rogue's paging by its ID (presence, ID in clear); RES_AIOT does not verify under the rogue's key");
	ok(read_mem(old, 8, pdu, 16),
	   "A3(a): the rogue's paging replaced the device's session: a command under the honest AIOTF's previous keys fails");

	/* (b) the rogue's Write, under its K_AIOTF from what it saw on the air */
	err = inventory(0x70, 0, &s);
	ctx = session_keys(KEY_SEED, &s);
	rogue = session_keys(ROGUE_SEED, &s);
	ok(!err && write_mem(ctx, true, 8, zero16, 16),
	   "A3: the honest AIOTF reads the device again and writes zeros at 8");
	n = seal_write(rogue, true, 8, rogue_data, sizeof(rogue_data), pdu);
	err = set_policy(TARGET, AIOT_HWSIM_POLICY_AS_INDICATION_CAUSE) ?:
	      command_send(TARGET, pdu, n, &r);
	ok(!err && r.outcome == AIOT_CMD_OUTCOME_AS_INDICATION &&
	   r.cause == AIOT_NNR_CAUSE_INTEGRITY_FAILURE && mem_is(ctx, 8, zero16, 16),
	   "A3(b) policy as-indication-cause: the rogue's Write fails MAC-I, AS indication with the cause, not executed (outcome %d, cause %d)",
	   r.outcome, r.cause);
	err = set_policy(TARGET, AIOT_HWSIM_POLICY_AS_INDICATION) ?:
	      command_send(TARGET, pdu, n, &r);
	ok(!err && r.outcome == AIOT_CMD_OUTCOME_AS_INDICATION && r.cause == -1 &&
	   mem_is(ctx, 8, zero16, 16),
	   "A3(b) policy as-indication: AS indication without a cause, not executed (outcome %d, cause %d)",
	   r.outcome, r.cause);
	err = set_policy(TARGET, AIOT_HWSIM_POLICY_SILENT) ?: command_send(TARGET, pdu, n, &r);
	ok(!err && r.outcome == AIOT_CMD_OUTCOME_NO_RESPONSE && mem_is(ctx, 8, zero16, 16),
	   "A3(b) policy silent: no response, not executed (outcome %d)", r.outcome);
	n = seal_write(rogue, false, 8, rogue_data, sizeof(rogue_data), pdu);
	err = command_send(TARGET, pdu, n, &r);
	ok(!err && r.outcome == AIOT_CMD_OUTCOME_NO_RESPONSE && mem_is(ctx, 8, zero16, 16),
	   "A3(b) integrity-only: refused the same, not executed (outcome %d)", r.outcome);
	aiot_sec_ctx_free(rogue);
	aiot_sec_ctx_free(ctx);
	aiot_sec_ctx_free(old);
}

/* ---- A5: replay of a captured paging --------------------------------------------- */

/* The paging of session 1, as captured, sent again: is the device there? */
static void a5_paging_replay(const struct seen *v1)
{
	struct session s;
	int err;

	err = inventory_rand(0, v1->rand_n, 0, &s);
	ok(!err && s.found && s.reports == 1 && res_verifies(KEY_SEED, &s) &&
	   memcmp(s.rand_d, v1->rand_d, AIOT_RAND_D_LEN),
	   "A5: the captured paging (its ID and RAND_n) sent again is answered: the device is present; a new RAND_d (err %d)",
	   err);
}

/* ---- A4: a lost message ------------------------------------------------------------ */

static void a4_lost(void)
{
	static const uint8_t data[16] = "A4-after-a-loss!";
	struct aiot_sec_ctx *ctx, *last;
	unsigned int i, msg2 = 0, msg3 = 0;
	struct session s;
	int err;

	/* one Msg3 lost: the reader's repeated Msg2 gets the same Msg3 again */
	err = debugfs_write("drop_msg3", "1");
	err = err ?: mon_start(MON_FRAMES);
	err = err ?: inventory(0x80, 0, &s);
	mon_read();
	for (i = 0; i < n_recs; i++) {
		msg2 += !recs[i].derr && recs[i].m.type == AIOT_MSG_MSG2;
		msg3 += !recs[i].derr && recs[i].m.type == AIOT_MSG_MSG3;
	}
	last = session_keys(KEY_SEED, &s);
	ok(!err && s.found && msg2 == 2 && msg3 == 1 && res_verifies(KEY_SEED, &s) &&
	   write_mem(last, true, 8, data, 16) && mem_is(last, 8, data, 16),
	   "A4 one Msg3 lost: the reader repeats Msg2 and reads the device; the AIOTF's session is the device's (err %d, %u Msg2, %u Msg3 heard)",
	   err, msg2, msg3);

	/* every Msg3 lost: nobody read; the next inventory reads the device */
	err = debugfs_write("drop_msg3", "1000");
	err = err ?: inventory(0x90, 2, &s);
	ok(!err && !s.found && s.end == AIOT_INV_END_EMPTY_ROUNDS,
	   "A4 every Msg3 lost: the inventory ends without the device (end %d)", s.end);
	ok(read_mem(last, 8, (uint8_t [16]){}, 16),
	   "A4: meanwhile commands under the AIOTF's last session fail: the device keeps the RAND_d of its lost Msg3");
	err = debugfs_write("drop_msg3", "0");
	err = err ?: inventory(0xa0, 0, &s);
	ctx = session_keys(KEY_SEED, &s);
	ok(!err && res_verifies(KEY_SEED, &s) && mem_is(ctx, 8, data, 16),
	   "A4 no counter: the next inventory reads the device, commands under its keys work again");
	aiot_sec_ctx_free(last);
	aiot_sec_ctx_free(ctx);
}

/* ---- Profile solution-9 (seed 004) -------------------------------------------------- */

/*
 * A second reader holds N_DEVS solution-9 devices (default configuration:
 * protected ID, ciphered payload, whole-message MAC, FLOOR) from BASE9_ID
 * and N_NORM normative ones from BASE_ID: neither profile's devices spend
 * anything on the other's pagings. The honest AIOTF and the rogue are this
 * program on kernel/profile.c (libaiot, the OpenSSL twin).
 */
#define BASE9_ID	0xa9170000U
#define TARGET9		(BASE9_ID + 5)
#define N_NORM		4
#define S9_HDR		(3 + AIOT_SOL9_DN_LEN)	/* SHT, type, policy, DN */

/* What get-device says of one device. */
struct devc {
	uint32_t id;
	uint64_t kdf, aes, tx, rx;
	uint8_t state;
};

/*
 * A dump: the first devices one by one, and for any population the device
 * @target and the sums over all the others.
 */
struct devc_dump {
	struct answer a;	/* first: the error and done callbacks write it */
	struct devc d[N_DEVS + N_NORM];
	unsigned int n;		/* devices dumped */
	uint32_t target;
	struct devc t, others;	/* ids unused; others.id counts them */
};

static int devc_attr(const struct nlattr *a, void *data)
{
	struct devc *d = data;
	const uint8_t *b;

	switch (mnl_attr_get_type(a)) {
	case AIOT_HWSIM_ATTR_ID:
		b = mnl_attr_get_payload(a);
		if (mnl_attr_get_payload_len(a) == 4)
			d->id = (uint32_t)b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3];
		break;
	case AIOT_HWSIM_ATTR_KDF_OPS:
		d->kdf = mnl_attr_get_u64(a);
		break;
	case AIOT_HWSIM_ATTR_AES_BLOCKS:
		d->aes = mnl_attr_get_u64(a);
		break;
	case AIOT_HWSIM_ATTR_TX_FRAMES:
		d->tx = mnl_attr_get_u64(a);
		break;
	case AIOT_HWSIM_ATTR_RX_BITS:
		d->rx = mnl_attr_get_u64(a);
		break;
	case AIOT_HWSIM_ATTR_STATE:
		d->state = mnl_attr_get_u8(a);
		break;
	}
	return MNL_CB_OK;
}

static int devc_cb(const struct nlmsghdr *nlh, void *data)
{
	struct devc_dump *dd = data;
	struct devc d = { 0 };

	mnl_attr_parse(nlh, sizeof(struct genlmsghdr), devc_attr, &d);
	if (dd->n < MNL_ARRAY_SIZE(dd->d))
		dd->d[dd->n] = d;
	dd->n++;
	if (d.id == dd->target) {
		dd->t = d;
	} else {
		dd->others.id++;
		dd->others.kdf += d.kdf;
		dd->others.aes += d.aes;
		dd->others.tx += d.tx;
		dd->others.rx += d.rx;
	}
	return MNL_CB_OK;
}

/*
 * Every device's counters, in population order (the first ones), and the
 * sums over all but @target; 0 or -errno.
 */
static int devc_sums(struct devc_dump *dd, uint32_t target)
{
	struct nlmsghdr *nlh = req(&ctl, fam_hwsim, AIOT_HWSIM_CMD_GET_DEVICE, NLM_F_DUMP);
	unsigned int portid = mnl_socket_get_portid(ctl.sk);
	int n;

	memset(dd, 0, sizeof(*dd));
	dd->target = target;
	mnl_attr_put_u32(nlh, AIOT_HWSIM_ATTR_READER_INDEX, reader);
	if (mnl_socket_sendto(ctl.sk, nlh, nlh->nlmsg_len) < 0)
		return -errno;
	do {
		n = mnl_socket_recvfrom(ctl.sk, buf, sizeof(buf));
		if (n < 0)
			return -errno;
		n = mnl_cb_run2(buf, n, ctl.seq, portid, devc_cb, dd, ctl_cbs,
				MNL_ARRAY_SIZE(ctl_cbs));
	} while (n > MNL_CB_STOP);
	return n < 0 ? -errno : dd->a.error;
}

static int devc_get(struct devc_dump *dd)
{
	return devc_sums(dd, 0);
}

/*
 * Between two dumps: does every device but @target spend exactly
 * @kdf derivations and @aes blocks if it is of the study profile (its
 * identity starts as @target's), nothing if it is normative, and send
 * nothing? The target's own spending in @t_kdf and @t_aes.
 */
static bool others_spent(const struct devc_dump *b, const struct devc_dump *a, uint32_t target,
			 uint64_t kdf, uint64_t aes, uint64_t *t_kdf, uint64_t *t_aes)
{
	bool good = a->n == b->n && a->n == N_DEVS + N_NORM;
	unsigned int i;

	for (i = 0; good && i < a->n; i++) {
		bool s9 = (a->d[i].id & 0xffff0000U) == (target & 0xffff0000U);
		uint64_t dk = a->d[i].kdf - b->d[i].kdf, da = a->d[i].aes - b->d[i].aes;

		good = a->d[i].id == b->d[i].id;
		if (a->d[i].id == target) {
			*t_kdf = dk;
			*t_aes = da;
		} else if (good) {
			good = dk == (s9 ? kdf : 0) && da == (s9 ? aes : 0) &&
			       a->d[i].tx == b->d[i].tx;
		}
	}
	return good;
}

static void s9_k_n(const char *seed, uint32_t id, const uint8_t *nn, uint8_t *k_n)
{
	uint8_t k[AIOT_K_ROOT_LEN];

	if (k_root_of(seed, id, k) || aiot_sol9_k_n(k, nn, k_n))
		bail("k_N");
}

/* The identity field that pages @id under @seed's key: protected ID or T-ID. */
static unsigned int s9_idf(const char *seed, uint32_t id, const uint8_t *nn, bool tid,
			   uint8_t *idf)
{
	uint8_t k[AIOT_K_ROOT_LEN], k_n[AIOT_KDF_OUT_LEN], be[4];
	struct aiot_sec_ctx *ctx = aiot_sec_ctx_alloc();

	put_be32(be, id);
	if (!ctx || k_root_of(seed, id, k))
		bail("solution-9 identity");
	if (tid) {
		if (aiot_sol9_tid(k, nn, idf))
			bail("T-ID");
		aiot_sec_ctx_free(ctx);
		return AIOT_SOL9_TID_LEN * 8;
	}
	if (aiot_sol9_k_n(k, nn, k_n) || aiot_sol9_pid_protect(ctx, k_n, be, 32, idf))
		bail("protected ID");
	aiot_sec_ctx_free(ctx);
	return 32;
}

/*
 * An authentication of @id (steps 2 to 4) by protected ID or T-ID, NN
 * @nn: the device's 9 Authentication Response verifies under @id's key
 * and names @id. 0 when it does, -1 when it does not, -errno.
 */
static int s9_authenticate(uint32_t id, const uint8_t *nn, bool tid, struct session *s)
{
	uint8_t idf[AIOT_ID_MAX_OCTETS], k[AIOT_K_ROOT_LEN], k_nd[AIOT_KDF_OUT_LEN], be[4];
	unsigned int bits = s9_idf(KEY_SEED, id, nn, tid, idf);
	struct aiot_sec_ctx *ctx;
	struct aiot_nas_msg m;
	uint8_t id_bits;
	int err;

	err = inventory_to(tid ? AIOT_TARGET_TEMPORARY_ID : AIOT_TARGET_CONCEALED_ID, idf,
			   bits, nn, 2, s);
	if (err)
		return err;
	if (s->reports != 1 || aiot_nas_decode(s->nas, s->nas_len, &m) ||
	    m.type != AIOT_NAS_MT_SOL9_AUTH_RSP || k_root_of(KEY_SEED, id, k))
		return -1;
	if (tid)
		return (m.policy & AIOT_SOL9_POL_IDP_MASK) == AIOT_SOL9_POL_IDP_TID &&
		       !aiot_sol9_tid_star_verify(k, nn, m.nonce, m.tid) ? 0 : -1;
	ctx = aiot_sec_ctx_alloc();
	put_be32(be, id);
	err = !ctx || (m.policy & AIOT_SOL9_POL_IDP_MASK) != AIOT_SOL9_POL_IDP_PID ||
	      aiot_sol9_k_nd(k, nn, m.nonce, k_nd) ||
	      aiot_sol9_auth_open(ctx, k_nd, m.policy, s->nas, S9_HDR, s->nas_len, &id_bits) ||
	      id_bits != 32 || memcmp(s->nas + S9_HDR + 1, be, 4) ? -1 : 0;
	aiot_sec_ctx_free(ctx);
	return err;
}

/* A 9 Command Request as the AIOTF (or a rogue) builds and sends it. */
struct s9_cmd {
	const char *seed;	/* whose key protects it */
	uint32_t id;		/* whom the paging names */
	uint8_t nn[AIOT_SOL9_NN_LEN];
	uint8_t policy;
	uint8_t idf[AIOT_ID_MAX_OCTETS];
	unsigned int idf_bits;
	uint8_t pdu[AIOT_NAS_MAX_LEN];
	unsigned int len;
};

/* Seal the plain request @plain (with its SHT octet, @plen octets) into @c. */
static void s9_seal(struct s9_cmd *c, const uint8_t *plain, unsigned int plen)
{
	struct aiot_nas_msg m = {
		.type = AIOT_NAS_MT_SOL9_CMD_REQ, .policy = c->policy,
		.payload = plain + 1, .payload_len = plen - 1,
	};
	struct aiot_sol9_paging pg = { .nn = c->nn, .idf = c->idf, .idf_bits = c->idf_bits };
	uint8_t k_n[AIOT_KDF_OUT_LEN];
	struct aiot_sec_ctx *ctx = aiot_sec_ctx_alloc();
	unsigned int mac = (c->policy & AIOT_SOL9_POL_INT_MASK) ? AIOT_SOL9_MAC_LEN : 0;
	int n;

	s9_k_n(c->seed, c->id, c->nn, k_n);
	n = aiot_nas_encode(&m, c->pdu, sizeof(c->pdu));
	if (!ctx || n <= 0 ||
	    (n = aiot_sol9_req_seal(ctx, k_n, c->policy, &pg, c->pdu, 3, n - mac,
				    sizeof(c->pdu))) <= 0)
		bail("9 Command Request");
	c->len = n;
	aiot_sec_ctx_free(ctx);
}

/* A new command to @id under @seed's key, paged as the policy says, NN from @nn_first. */
static void s9_new(struct s9_cmd *c, const char *seed, uint32_t id, uint8_t policy,
		   uint8_t nn_first)
{
	unsigned int i;

	memset(c, 0, sizeof(*c));
	c->seed = seed;
	c->id = id;
	c->policy = policy;
	for (i = 0; i < AIOT_SOL9_NN_LEN; i++)
		c->nn[i] = nn_first + i;
	if ((policy & AIOT_SOL9_POL_IDP_MASK) == AIOT_SOL9_POL_IDP_CLEAR) {
		put_be32(c->idf, id);
		c->idf_bits = 32;
	} else {
		c->idf_bits = s9_idf(seed, id, c->nn,
				     (policy & AIOT_SOL9_POL_IDP_MASK) == AIOT_SOL9_POL_IDP_TID,
				     c->idf);
	}
}

static uint8_t s9_target_type(uint8_t policy)
{
	switch (policy & AIOT_SOL9_POL_IDP_MASK) {
	case AIOT_SOL9_POL_IDP_CLEAR:
		return AIOT_TARGET_PERMANENT_ID;
	case AIOT_SOL9_POL_IDP_TID:
		return AIOT_TARGET_TEMPORARY_ID;
	default:
		return AIOT_TARGET_CONCEALED_ID;
	}
}

static int s9_send(const struct s9_cmd *c, struct cmd_result *r)
{
	return command_to(s9_target_type(c->policy), c->idf, c->idf_bits, c->nn, c->pdu,
			  c->len, r);
}

/*
 * The honest AIOTF's check of the 9 Command Response in @r to @c: its
 * plain payload decoded into @m (pointing into @r). 0 or -1.
 */
static int s9_open(const struct s9_cmd *c, struct cmd_result *r, struct aiot_nas_msg *m)
{
	uint8_t k[AIOT_K_ROOT_LEN], k_nd[AIOT_KDF_OUT_LEN];
	struct aiot_sec_ctx *ctx = aiot_sec_ctx_alloc();
	struct aiot_nas_msg rsp;
	int n = -1;

	if (ctx && r->outcome == AIOT_CMD_OUTCOME_NAS_RESPONSE &&
	    !aiot_nas_decode(r->nas, r->nas_len, &rsp) && rsp.type == AIOT_NAS_MT_SOL9_CMD_RSP &&
	    !k_root_of(KEY_SEED, c->id, k) && !aiot_sol9_k_nd(k, c->nn, rsp.nonce, k_nd))
		n = aiot_sol9_rsp_open(ctx, k_nd, c->policy | AIOT_SOL9_CFG_FLOOR, rsp.policy,
				       c->nn, r->nas, S9_HDR, r->nas_len);
	aiot_sec_ctx_free(ctx);
	if (n <= S9_HDR || aiot_nas_decode_payload(r->nas + S9_HDR, n - S9_HDR, m))
		return -1;
	return 0;
}

/* Write @data at @offset of TARGET9 (default policy); true on a verified success. */
static bool s9_write(struct s9_cmd *c, uint8_t nn_first, uint16_t offset, const uint8_t *data,
		     unsigned int len)
{
	struct aiot_nas_msg m = {
		.type = AIOT_NAS_MT_WRITE_REQ, .offset = offset, .data = data, .data_len = len,
	};
	uint8_t plain[AIOT_NAS_MAX_LEN];
	struct cmd_result r;
	int n = aiot_nas_encode(&m, plain, sizeof(plain));

	if (n <= 0)
		bail("Write Request");
	s9_new(c, KEY_SEED, TARGET9, AIOT_SOL9_POL_DEFAULT, nn_first);
	s9_seal(c, plain, n);
	return !s9_send(c, &r) && !s9_open(c, &r, &m) && m.type == AIOT_NAS_MT_WRITE_RSP &&
	       m.status == AIOT_NAS_STATUS_SUCCESS;
}

/* TARGET9's memory at @offset holds @want (a protected Read, default policy). */
static bool s9_mem_is(uint8_t nn_first, uint16_t offset, const uint8_t *want, unsigned int len)
{
	struct aiot_nas_msg m = { .type = AIOT_NAS_MT_READ_REQ, .offset = offset, .length = len };
	uint8_t plain[AIOT_NAS_MAX_LEN];
	struct cmd_result r;
	struct s9_cmd c;
	int n = aiot_nas_encode(&m, plain, sizeof(plain));

	if (n <= 0)
		bail("Read Request");
	s9_new(&c, KEY_SEED, TARGET9, AIOT_SOL9_POL_DEFAULT, nn_first);
	s9_seal(&c, plain, n);
	return !s9_send(&c, &r) && !s9_open(&c, &r, &m) && m.type == AIOT_NAS_MT_READ_RSP &&
	       m.status == AIOT_NAS_STATUS_SUCCESS && m.data_len == len &&
	       !memcmp(m.data, want, len);
}

static int set_config(uint32_t id, uint32_t config)
{
	struct nlmsghdr *nlh = req(&ctl, fam_hwsim, AIOT_HWSIM_CMD_SET_DEVICE, 0);
	struct answer a;

	mnl_attr_put_u32(nlh, AIOT_HWSIM_ATTR_READER_INDEX, reader);
	put_id(nlh, id);
	mnl_attr_put_u32(nlh, AIOT_HWSIM_ATTR_SEC_CONFIG, config);
	talk(&ctl, nlh, &a);
	return a.error;
}

static unsigned int d2r_frames(void)
{
	unsigned int i, n = 0;

	for (i = 0; i < n_recs; i++)
		n += recs[i].link == AIOT_LINK_D2R;
	return n;
}

static void solution9(void)
{
	static const uint8_t data[16] = "S9-ciphered-data", other[16] = "S9-second-Write!";
	static const uint8_t nn1[8] = { 0x91, 1, 2, 3, 4, 5, 6, 7 };
	static const uint8_t nn2[8] = { 0x92, 1, 2, 3, 4, 5, 6, 7 };
	static const uint8_t nn3[8] = { 0x93, 1, 2, 3, 4, 5, 6, 7 };
	uint8_t be[4], pid1[4], pid2[4], dn1[8], plain[AIOT_NAS_MAX_LEN];
	struct devc_dump d0, d1;
	uint64_t tk = ~0ULL, ta = ~0ULL;
	struct s9_cmd c, cap, rogue;
	struct aiot_nas_msg m;
	struct cmd_result r;
	struct session s;
	struct answer a;
	bool good;
	int err, n;

	/* a second reader: 8 solution-9 devices and 4 normative ones */
	own_reader();
	add_pop(BASE9_ID, N_DEVS, AIOT_HWSIM_SEC_PROFILE_SOLUTION_9, &a);
	err = a.error;
	add_pop(BASE_ID, N_NORM, AIOT_HWSIM_SEC_PROFILE_NORMATIVE, &a);
	ok(!err && !a.error, "solution-9: a reader (%u) with %d solution-9 and %d normative devices (%d, %d '%s')",
	   reader, N_DEVS, N_NORM, err, a.error, a.extack);
	put_be32(be, TARGET9);

	/* authentication by protected ID, captured */
	err = devc_get(&d0) ?: mon_start(MON_FRAMES) ?: s9_authenticate(TARGET9, nn1, false, &s);
	mon_read();
	s9_idf(KEY_SEED, TARGET9, nn1, false, pid1);
	if (!aiot_nas_decode(s.nas, s.nas_len, &m))
		memcpy(dn1, m.nonce, sizeof(dn1));
	good = !err && !devc_get(&d1) && others_spent(&d0, &d1, TARGET9, 1, 1, &tk, &ta);
	ok(good && tk == 2 && ta == 5,
	   "solution-9 authentication by protected ID: one device answers, its Msg3 verifies and names it; every other solution-9 device spent 1 KDF and 1 AES block to find out, the normative ones nothing; the target 2 KDF and 5 blocks (err %d, target %llu KDF %llu blocks)",
	   err, (unsigned long long)tk, (unsigned long long)ta);
	ok(n_recs && !frames_with(be, 32) && frames_with(pid1, 32) >= 1,
	   "solution-9 A1: the device's 32-bit ID occurs in no frame of its authentication; the paging carries the protected ID (%u frames)",
	   n_recs);

	/* a second authentication: nothing in common with the first */
	err = s9_authenticate(TARGET9, nn2, false, &s);
	s9_idf(KEY_SEED, TARGET9, nn2, false, pid2);
	ok(!err && !aiot_nas_decode(s.nas, s.nas_len, &m) && memcmp(pid1, pid2, 4) &&
	   memcmp(dn1, m.nonce, 8),
	   "solution-9 A1: a second authentication has another protected ID and another DN: the two cannot be linked (err %d)",
	   err);

	/* by T-ID */
	tk = ta = ~0ULL;
	err = devc_get(&d0) ?: s9_authenticate(TARGET9, nn3, true, &s);
	good = !err && !devc_get(&d1) && others_spent(&d0, &d1, TARGET9, 1, 0, &tk, &ta);
	ok(good && tk == 2 && ta == 0,
	   "solution-9 authentication by HMAC T-ID: T-ID* verifies; every other solution-9 device spent 1 KDF; the target 2 KDF, no AES block (err %d, target %llu KDF %llu blocks)",
	   err, (unsigned long long)tk, (unsigned long long)ta);

	/* commands: a ciphered Write, then a Read, captured */
	err = mon_start(MON_FRAMES);
	ok(!err && s9_write(&c, 0x10, 8, data, sizeof(data)),
	   "solution-9 command: a ciphered, integrity-protected Write by protected ID and NN' succeeds; its 9 Command Response verifies");
	mon_read();
	ok(!frames_with(data, 128) && !frames_with(be, 32),
	   "solution-9 A1: the ciphered Write's data and the ID occur in no frame of the command");
	cap = c;
	m = (struct aiot_nas_msg){ .type = AIOT_NAS_MT_READ_REQ, .offset = 8, .length = 4 };
	n = aiot_nas_encode(&m, plain, sizeof(plain));
	s9_new(&c, KEY_SEED, TARGET9, AIOT_SOL9_POL_DEFAULT, 0x20);
	s9_seal(&c, plain, n);
	tk = ta = ~0ULL;
	err = devc_get(&d0) ?: s9_send(&c, &r) ?: s9_open(&c, &r, &m);
	good = !err && m.type == AIOT_NAS_MT_READ_RSP && m.data_len == 4 &&
	       !memcmp(m.data, data, 4) && !devc_get(&d1) &&
	       others_spent(&d0, &d1, TARGET9, 1, 1, &tk, &ta);
	ok(good && tk == 2 && ta == 10,
	   "solution-9: a Read of 4 octets returns what the Write wrote; every command costs every other solution-9 device 1 KDF and 1 block again; the target 2 KDF and 10 blocks (err %d, target %llu KDF %llu blocks)",
	   err, (unsigned long long)tk, (unsigned long long)ta);

	/* A2: the captured Write, replayed as it was (paging and PDU) */
	ok(s9_write(&c, 0x30, 8, other, sizeof(other)) && s9_mem_is(0x31, 8, other, 16),
	   "solution-9: the AIOTF writes something else at 8");
	err = s9_send(&cap, &r);
	ok(!err && r.outcome == AIOT_CMD_OUTCOME_NAS_RESPONSE && s9_mem_is(0x32, 8, data, 16),
	   "solution-9 A2: the captured Write replayed (its NN', protected ID and PDU) is executed again: the device keeps no record of network nonces (outcome %d)",
	   r.outcome);

	/* A3: a rogue with another key */
	s9_new(&rogue, ROGUE_SEED, TARGET9, AIOT_SOL9_POL_DEFAULT, 0x40);
	err = mon_start(MON_FRAMES) ?:
	      inventory_to(AIOT_TARGET_CONCEALED_ID, rogue.idf, 32, rogue.nn, 2, &s);
	mon_read();
	ok(!err && !s.reports && !d2r_frames(),
	   "solution-9 A3(a): the rogue's paging by a protected ID under its key finds no device: no D2R frame at all (err %d, %u reports)",
	   err, s.reports);
	m = (struct aiot_nas_msg){ .type = AIOT_NAS_MT_WRITE_REQ, .offset = 8, .data = other,
				   .data_len = 16 };
	n = aiot_nas_encode(&m, plain, sizeof(plain));
	s9_seal(&rogue, plain, n);
	err = mon_start(MON_FRAMES) ?: s9_send(&rogue, &r);
	mon_read();
	ok(!err && r.outcome == AIOT_CMD_OUTCOME_NO_RESPONSE && !d2r_frames() &&
	   s9_mem_is(0x41, 8, data, 16),
	   "solution-9 A3(b): the rogue's Write selects no device: silence, not executed (outcome %d)",
	   r.outcome);

	/* a request under the wrong k_N' for an honest paging: seed 000's options */
	s9_new(&c, KEY_SEED, TARGET9, AIOT_SOL9_POL_DEFAULT, 0x50);
	s9_new(&rogue, ROGUE_SEED, TARGET9, AIOT_SOL9_POL_DEFAULT, 0x50);
	s9_seal(&rogue, plain, n);
	memcpy(c.pdu, rogue.pdu, rogue.len);
	c.len = rogue.len;
	err = set_policy(TARGET9, AIOT_HWSIM_POLICY_AS_INDICATION_CAUSE) ?: s9_send(&c, &r);
	ok(!err && r.outcome == AIOT_CMD_OUTCOME_AS_INDICATION &&
	   r.cause == AIOT_NNR_CAUSE_INTEGRITY_FAILURE && s9_mem_is(0x51, 8, data, 16),
	   "solution-9: a request whose MAC fails under k_N': AS indication with the integrity cause, not executed (outcome %d, cause %d)",
	   r.outcome, r.cause);
	err = set_policy(TARGET9, AIOT_HWSIM_POLICY_SILENT) ?: s9_send(&c, &r);
	ok(!err && r.outcome == AIOT_CMD_OUTCOME_NO_RESPONSE && s9_mem_is(0x52, 8, data, 16),
	   "solution-9: the same, policy silent: no response, not executed (outcome %d)",
	   r.outcome);

	/* A7: a rogue that knows the ID lowers the policy: clear ID, no integrity */
	s9_new(&rogue, ROGUE_SEED, TARGET9, AIOT_SOL9_POL_IDP_CLEAR, 0x60);
	s9_seal(&rogue, plain, n);
	err = set_policy(TARGET9, AIOT_HWSIM_POLICY_AS_INDICATION_CAUSE) ?: s9_send(&rogue, &r);
	ok(!err && r.outcome == AIOT_CMD_OUTCOME_AS_INDICATION &&
	   r.cause == AIOT_NNR_CAUSE_INTEGRITY_FAILURE && s9_mem_is(0x61, 8, data, 16),
	   "solution-9 A7 FLOOR (default): the rogue's Write with the clear-ID policy and no integrity is refused, not executed (outcome %d, cause %d)",
	   r.outcome, r.cause);
	err = set_config(TARGET9, AIOT_SOL9_POL_DEFAULT) ?: s9_send(&rogue, &r);
	ok(!err && r.outcome == AIOT_CMD_OUTCOME_NAS_RESPONSE && s9_mem_is(0x62, 8, other, 16),
	   "solution-9 A7 without FLOOR (the seed's letter): the rogue's Write is executed (outcome %d)",
	   r.outcome);
	ok(set_config(TARGET9, AIOT_SOL9_CFG_ALL + 1) == -EINVAL && set_config(BASE_ID, 1) == -EINVAL,
	   "solution-9: a configuration bit the profile does not define, or one for a normative device, is refused");
}

/* ---- Profile solution-y (seed 002) -------------------------------------------------- */

/*
 * A third reader holds N_DEVS solution-y devices (default configuration:
 * mutual authentication, counter with resync, paging MAC, commands
 * integrity protected and ciphered) from BASEY_ID and N_NORM normative
 * ones. The AIOTF keeps the target's counter as the seed's step 1 says.
 */
#define BASEY_ID	0xa8170000U
#define TARGETY		(BASEY_ID + 6)
#define Y_PR_OFF	(3 + AIOT_SOLY_NONCE1_LEN)	/* SHT, type, flags, nonce1 */

/* The AIOTF's side of one solution-y access. */
struct ysess {
	uint32_t id;			/* the paged device */
	uint8_t nonce1[AIOT_SOLY_NONCE1_LEN];
	uint8_t nonce2[AIOT_SOLY_NONCE2_LEN];
	uint8_t k_aiot[AIOT_SOLY_K_AIOT_LEN];
	uint8_t k_ses[AIOT_SOLY_K_SES_LEN];
	uint8_t pr[AIOT_NAS_MAX_LEN];	/* the Y Paging Request */
	unsigned int pr_len;
	uint8_t flags;			/* of the Y Access Response */
	uint32_t counter;		/* returned by a resync */
	unsigned int reports;
};

static uint32_t y_counter;	/* the AIOTF's counter of TARGETY */

/* The Y Paging Request for @id with @counter under @seed's key, nonce1 from @first. */
static void y_paging(struct ysess *y, const char *seed, uint32_t id, uint32_t counter,
		     uint8_t first)
{
	uint8_t k[AIOT_K_ROOT_LEN], be[4], pid[AIOT_SOLY_PID_MAX_LEN] = { 0 };
	uint8_t flags = AIOT_SOLY_PF_PID | AIOT_SOLY_PF_COUNTER | AIOT_SOLY_PF_MAC;
	struct aiot_nas_msg m = { .type = AIOT_NAS_MT_SOLY_PAGING_REQ, .flags = flags };
	struct aiot_sec_ctx *ctx = aiot_sec_ctx_alloc();
	unsigned int i;
	int n;

	memset(y, 0, sizeof(*y));
	y->id = id;
	for (i = 0; i < sizeof(y->nonce1); i++)
		y->nonce1[i] = first + i;
	put_be32(be, id);
	m.nonce = y->nonce1;
	m.enc = pid;
	m.enc_len = aiot_soly_pid_len(flags, 32);
	n = aiot_nas_encode(&m, y->pr, sizeof(y->pr));
	if (!ctx || n <= 0 || k_root_of(seed, id, k) ||
	    aiot_soly_k_aiot(k, y->nonce1, y->k_aiot) ||
	    (n = aiot_soly_pid_seal(ctx, y->k_aiot, flags, be, 32, counter, y->pr, Y_PR_OFF,
				    sizeof(y->pr))) <= 0)
		bail("Y Paging Request");
	y->pr_len = n;
	aiot_sec_ctx_free(ctx);
}

/*
 * Page with @y's request and check the answer (steps 4 to 9): ARES under
 * k_AIoT_ses; with a resync, the returned counter. 0, -1 (no or a wrong
 * answer) or -errno.
 */
static int y_access(struct ysess *y, uint32_t max_empty)
{
	struct aiot_sec_ctx *ctx;
	struct aiot_nas_msg m;
	struct session s;
	unsigned int off;
	int err, n;

	err = inventory_nas(AIOT_TARGET_ALL, NULL, 0, NULL, y->pr, y->pr_len, max_empty, &s);
	y->reports = s.reports;
	if (err)
		return err;
	if (s.reports != 1 || aiot_nas_decode(s.nas, s.nas_len, &m) ||
	    m.type != AIOT_NAS_MT_SOLY_ACCESS_RSP)
		return -1;
	y->flags = m.flags;
	memcpy(y->nonce2, m.nonce, sizeof(y->nonce2));
	off = m.enc ? (unsigned int)(m.enc - s.nas) : s.nas_len - AIOT_SOLY_ARES_LEN;
	ctx = aiot_sec_ctx_alloc();
	n = !ctx || aiot_soly_k_ses(y->k_aiot, y->nonce2, y->k_ses) ? -1 :
	    aiot_soly_access_open(ctx, y->k_ses, y->nonce1, s.nas, off, s.nas_len);
	aiot_sec_ctx_free(ctx);
	if (n < 0)
		return -1;
	if (m.flags & AIOT_SOLY_AF_RESYNC)
		y->counter = (uint32_t)s.nas[off] << 24 | s.nas[off + 1] << 16 |
			     s.nas[off + 2] << 8 | s.nas[off + 3];
	return 0;
}

/* The NRES exchange (steps 10 to 17): the device's protected identity is the paged one. */
static int y_net_auth(struct ysess *y, bool wrong, struct cmd_result *r)
{
	struct aiot_nas_msg m = { .type = AIOT_NAS_MT_SOLY_NET_AUTH };
	struct aiot_sec_ctx *ctx = aiot_sec_ctx_alloc();
	uint8_t nres[AIOT_SOLY_NRES_LEN], pdu[AIOT_NAS_MAX_LEN], be[4], id_bits;
	int n, err = -1;

	if (!ctx || aiot_soly_nres(ctx, y->k_ses, y->nonce2, nres))
		bail("NRES");
	nres[0] ^= wrong;
	m.nres = nres;
	n = aiot_nas_encode(&m, pdu, sizeof(pdu));
	put_be32(be, y->id);
	if (n > 0 && !command_to(AIOT_TARGET_TEMPORARY_ID, y->nonce2, 64, NULL, pdu, n, r) &&
	    r->outcome == AIOT_CMD_OUTCOME_NAS_RESPONSE && r->nas_len > 2 &&
	    r->nas[1] == AIOT_NAS_MT_SOLY_PROT_ID &&
	    !aiot_soly_ident_open(ctx, y->k_ses, r->nas, 2, r->nas_len, &id_bits) &&
	    id_bits == 32 && !memcmp(r->nas + 3, be, 4))
		err = 0;
	aiot_sec_ctx_free(ctx);
	return err;
}

/* A command of the session in seed 003's envelope under k_AIoT_ses; its plain answer in @m. */
static int y_command(struct ysess *y, const struct aiot_nas_msg *req, uint8_t *pdu,
		     unsigned int *len, struct cmd_result *r, struct aiot_nas_msg *m)
{
	struct aiot_sec_ctx *ctx = aiot_sec_ctx_alloc();
	int n = aiot_nas_encode(req, pdu, AIOT_NAS_MAX_LEN), err = -1;

	if (!ctx || n <= 0 || aiot_soly_ctx_set_command(ctx, y->k_ses) ||
	    (n = aiot_nas_seal(ctx, AIOT_NAS_DIR_R2D, true, pdu, n, AIOT_NAS_MAX_LEN)) <= 0)
		bail("solution-y command");
	*len = n;
	if (!command_to(AIOT_TARGET_TEMPORARY_ID, y->nonce2, 64, NULL, pdu, n, r) &&
	    r->outcome == AIOT_CMD_OUTCOME_NAS_RESPONSE &&
	    (n = aiot_nas_open(ctx, AIOT_NAS_DIR_D2R, r->nas, r->nas_len)) > 0 &&
	    !aiot_nas_decode(r->nas, n, m))
		err = 0;
	aiot_sec_ctx_free(ctx);
	return err;
}

/* A whole honest session with TARGETY: access, NRES, then @req. */
static int y_session(struct ysess *y, uint8_t first, const struct aiot_nas_msg *req,
		     struct aiot_nas_msg *m)
{
	uint8_t pdu[AIOT_NAS_MAX_LEN];
	struct cmd_result r;
	unsigned int len;
	int err;

	y_paging(y, KEY_SEED, TARGETY, y_counter, first);
	err = y_access(y, 2);
	if (err || (y->flags & AIOT_SOLY_AF_RESYNC))
		return err ?: -1;
	y_counter++;
	return y_net_auth(y, false, &r) ?: req ? y_command(y, req, pdu, &len, &r, m) : 0;
}

static void solution_y(void)
{
	static const uint8_t data[16] = "SY-ciphered-data";
	struct aiot_nas_msg m, w = {
		.type = AIOT_NAS_MT_WRITE_REQ, .offset = 8, .data = data, .data_len = 16,
	}, rd = { .type = AIOT_NAS_MT_READ_REQ, .offset = 8, .length = 16 };
	uint8_t be[4], pdu[AIOT_NAS_MAX_LEN], cap_pdu[AIOT_NAS_MAX_LEN], cap_t[8];
	struct devc_dump d0, d1;
	uint64_t tk = ~0ULL, ta = ~0ULL;
	struct ysess y, y2, cap;
	struct cmd_result r;
	struct nlmsghdr *nlh;
	unsigned int len, cap_len;
	struct answer a;
	bool good;
	int err;

	own_reader();
	add_pop(BASEY_ID, N_DEVS, AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y, &a);
	err = a.error;
	add_pop(BASE_ID, N_NORM, AIOT_HWSIM_SEC_PROFILE_NORMATIVE, &a);
	ok(!err && !a.error, "solution-y: a reader (%u) with %d solution-y and %d normative devices (%d, %d '%s')",
	   reader, N_DEVS, N_NORM, err, a.error, a.extack);
	put_be32(be, TARGETY);

	/* a targeted access, captured, with the work of every device */
	y_paging(&y, KEY_SEED, TARGETY, y_counter, 0x11);
	err = devc_get(&d0) ?: mon_start(MON_FRAMES) ?: y_access(&y, 2);
	good = !err && !devc_get(&d1) && y.flags == 0 &&
	       others_spent(&d0, &d1, TARGETY, 1, 1, &tk, &ta);
	ok(good && tk == 2 && ta == 7,
	   "solution-y access: one device answers, ARES verifies; every other solution-y device spent 1 KDF and 1 block to find out, the normative ones nothing; the target 2 KDF and 7 blocks (err %d, target %llu KDF %llu blocks)",
	   err, (unsigned long long)tk, (unsigned long long)ta);
	y_counter++;
	err = devc_get(&d0) ?: y_net_auth(&y, false, &r);
	good = !err && !devc_get(&d1) && others_spent(&d0, &d1, TARGETY, 0, 0, &tk, &ta);
	ok(good && tk == 0 && ta == 5,
	   "solution-y NRES exchange by T-ID = Nonce2: the device checks NRES and answers its protected identity, which is the target; nobody else spends anything; the target 5 blocks (err %d, target %llu KDF %llu blocks)",
	   err, (unsigned long long)tk, (unsigned long long)ta);
	err = y_command(&y, &w, pdu, &len, &r, &m);
	ok(!err && m.type == AIOT_NAS_MT_WRITE_RSP && m.status == AIOT_NAS_STATUS_SUCCESS,
	   "solution-y: a ciphered Write under K_Command_enc/int from k_AIoT_ses succeeds (err %d, outcome %d, cause %d, %u octets)",
	   err, r.outcome, r.cause, r.nas_len);
	mon_read();
	ok(n_recs && !frames_with(be, 32) && !frames_with(data, 128),
	   "solution-y A1: neither the ID nor the ciphered data occurs in any frame of access, NRES exchange and command (%u frames)",
	   n_recs);
	cap = y;
	memcpy(cap_pdu, pdu, len);
	cap_len = len;
	memcpy(cap_t, y.nonce2, 8);

	/* the round is over: the same T-ID finds nobody */
	err = mon_start(MON_FRAMES) ?:
	      command_to(AIOT_TARGET_TEMPORARY_ID, cap_t, 64, NULL, cap_pdu, cap_len, &r);
	mon_read();
	ok(!err && r.outcome == AIOT_CMD_OUTCOME_NO_RESPONSE && !d2r_frames(),
	   "solution-y A2(i): the captured Write replayed after its round was acknowledged: the session is over, no D2R frame at all (outcome %d)",
	   r.outcome);

	/* a second session: nothing in common with the first, and the Read */
	err = y_session(&y2, 0x21, &rd, &m);
	ok(!err && memcmp(y2.nonce2, cap.nonce2, 8) && m.type == AIOT_NAS_MT_READ_RSP &&
	   m.data_len == 16 && !memcmp(m.data, data, 16),
	   "solution-y A1: a second session has another Nonce2 (T-ID), and its Read returns what the first session wrote (err %d)",
	   err);
	err = command_to(AIOT_TARGET_TEMPORARY_ID, cap_t, 64, NULL, cap_pdu, cap_len, &r);
	ok(!err && r.outcome == AIOT_CMD_OUTCOME_NO_RESPONSE,
	   "solution-y A2(ii): after a new session the captured T-ID belongs to no session: silence (outcome %d)",
	   r.outcome);

	/* A3: a rogue's paging, with its key */
	y_paging(&y2, ROGUE_SEED, TARGETY, y_counter, 0x31);
	err = devc_get(&d0) ?: mon_start(MON_FRAMES) ?: y_access(&y2, 2);
	mon_read();
	good = !devc_get(&d1) && others_spent(&d0, &d1, TARGETY, 1, 1, &tk, &ta);
	ok(err == -1 && !y2.reports && !d2r_frames() && good && tk == 1 && ta == 1,
	   "solution-y A3(a): no device finds its ID in a rogue's paging: no D2R frame; every solution-y device, the target too, spent 1 KDF and 1 block (err %d)",
	   err);

	/* A3: a wrong NRES: the device's policy, the session ends */
	y_paging(&y2, KEY_SEED, TARGETY, y_counter, 0x41);
	err = y_access(&y2, 2);
	y_counter += !err;
	err = err ?: set_policy(TARGETY, AIOT_HWSIM_POLICY_AS_INDICATION_CAUSE) ?:
	      (y_net_auth(&y2, true, &r), 0);
	ok(!err && r.outcome == AIOT_CMD_OUTCOME_AS_INDICATION &&
	   r.cause == AIOT_NNR_CAUSE_INTEGRITY_FAILURE,
	   "solution-y A3(b): a wrong NRES gets the integrity-failure policy, no identity (outcome %d, cause %d)",
	   r.outcome, r.cause);
	err = y_net_auth(&y2, false, &r);
	ok(err && r.outcome == AIOT_CMD_OUTCOME_NO_RESPONSE,
	   "solution-y A3(b): the wrong NRES ended the session: the right one afterwards finds nobody (outcome %d)",
	   r.outcome);

	/* A5 and A4: the captured paging replayed, a stale counter */
	memcpy(y2.pr, cap.pr, cap.pr_len);
	y2.pr_len = cap.pr_len;
	memcpy(y2.nonce1, cap.nonce1, 8);
	memcpy(y2.k_aiot, cap.k_aiot, sizeof(y2.k_aiot));
	err = y_access(&y2, 2);
	ok(!err && (y2.flags & AIOT_SOLY_AF_RESYNC) && y2.counter == y_counter,
	   "solution-y A5 (RESYNC): the captured paging replayed gets a resync answer, ARES valid, the device's counter (%u) and no identity: its presence shows (err %d)",
	   y2.counter, err);

	/* A4: every D2R frame after the first Msg3 lost: the counter runs ahead */
	err = debugfs_write("drop_msg3", "1000");
	y_paging(&y2, KEY_SEED, TARGETY, y_counter, 0x51);
	err = err ?: (y_access(&y2, 2) == -1 ? 0 : -1);
	err = err ?: debugfs_write("drop_msg3", "0");
	y_paging(&y2, KEY_SEED, TARGETY, y_counter, 0x52);
	err = err ?: y_access(&y2, 2);
	ok(!err && (y2.flags & AIOT_SOLY_AF_RESYNC) && y2.counter == y_counter + 1,
	   "solution-y A4: Msg3 lost, the device's counter stepped and the AIOTF's not: the next paging gets a resync answer with the device's counter (%u, AIOTF %u)",
	   y2.counter, y_counter);
	y_counter = y2.counter;
	err = y_session(&y2, 0x53, &rd, &m);
	ok(!err && m.type == AIOT_NAS_MT_READ_RSP && !memcmp(m.data, data, 16),
	   "solution-y A4: the AIOTF adopts the counter and pages again: access, NRES and a Read work (err %d)",
	   err);

	/* offload mode: the gateway protects the command, its context keyed by the T-ID */
	err = y_session(&y2, 0x61, NULL, NULL);
	nlh = req(&ctl, fam_aiot, AIOT_CMD_SEC_CTX_SET, 0);
	mnl_attr_put_u32(nlh, AIOT_ATTR_READER_INDEX, reader);
	mnl_attr_put_u8(nlh, AIOT_ATTR_TARGET_TYPE, AIOT_TARGET_TEMPORARY_ID);
	mnl_attr_put(nlh, AIOT_ATTR_TARGET, 8, y2.nonce2);
	mnl_attr_put_u16(nlh, AIOT_ATTR_TARGET_BITS, 64);
	mnl_attr_put(nlh, AIOT_ATTR_K_AIOTF, sizeof(y2.k_ses), y2.k_ses);
	talk(&ctl, nlh, &a);
	len = aiot_nas_encode(&rd, pdu, sizeof(pdu));
	err = err ?: a.error ?:
	      command_to(AIOT_TARGET_TEMPORARY_ID, y2.nonce2, 64, NULL, pdu, len, &r);
	ok(!err && r.outcome == AIOT_CMD_OUTCOME_NAS_RESPONSE && r.nas_len == 3 + 16 &&
	   r.nas[1] == AIOT_NAS_MT_READ_RSP && !memcmp(r.nas + 3, data, 16),
	   "solution-y offload mode: with k_AIoT_ses installed as the T-ID's context, the reader seals a plain Read and verifies the answer (err %d, outcome %d, %u octets)",
	   err, r.outcome, r.nas_len);
}

/* ---- Evaluation: the study profiles' EVAL lines (make evaluate) ---------------- */

/*
 * "aiot-attack-test eval PROFILE N [commands]": the measurements of
 * Documentation/evaluation.rst for a study profile, on a reader of its own
 * with N devices of that profile from EVAL_BASE (tests/vm/guest/evaluate.sh
 * runs the normative profile with aiotctl and aiotf-sim). One line per
 * measurement, in evaluate.sh's format:
 *   EVAL inventory  the whole population authenticated: solution-y one
 *                   group paging (every answer found by its KID, ARES
 *                   checked); solution-9 has only targeted authentication:
 *                   EVAL_SAMPLE of them measured, scaled to N, computed=S
 *   EVAL paging     one device among N paged alone (proc=access), and one
 *                   command to it (proc=command): what the others spent
 *   EVAL command    with "commands": a Read of 4 octets to the target with
 *                   its MAC right and wrong, under each seed-000 option
 */
#define EVAL_BASE	0xe0000000U
#define EVAL_TARGET	(EVAL_BASE + 7)
#define EVAL_SAMPLE	8

struct air_answer {
	struct answer a;	/* first: the error and done callbacks write it */
	uint64_t air_us;
};

static int air_cb(const struct nlmsghdr *nlh, void *data)
{
	struct air_answer *aa = data;
	struct nlattr *a, *st;

	mnl_attr_for_each(a, nlh, sizeof(struct genlmsghdr))
		if (mnl_attr_get_type(a) == AIOT_HWSIM_ATTR_STATS)
			mnl_attr_for_each_nested(st, a)
				if (mnl_attr_get_type(st) == AIOT_HWSIM_STATS_AIR_US)
					aa->air_us = mnl_attr_get_u64(st);
	return MNL_CB_OK;
}

/* The reader's modelled air time so far (get-reader). */
static uint64_t reader_air_us(void)
{
	struct nlmsghdr *nlh = req(&ctl, fam_hwsim, AIOT_HWSIM_CMD_GET_READER, 0);
	unsigned int portid = mnl_socket_get_portid(ctl.sk);
	struct air_answer aa = { 0 };
	int n;

	mnl_attr_put_u32(nlh, AIOT_HWSIM_ATTR_READER_INDEX, reader);
	if (mnl_socket_sendto(ctl.sk, nlh, nlh->nlmsg_len) < 0)
		bail("get-reader");
	do {
		n = mnl_socket_recvfrom(ctl.sk, buf, sizeof(buf));
		if (n < 0)
			bail("get-reader");
		n = mnl_cb_run2(buf, n, ctl.seq, portid, air_cb, &aa, ctl_cbs,
				MNL_ARRAY_SIZE(ctl_cbs));
	} while (n > MNL_CB_STOP);
	if (n < 0 || aa.a.error)
		bail("get-reader");
	return aa.air_us;
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The KIDs of a group paging's candidates, sorted: the AIOTF's lookup table */
struct kid_ent {
	uint8_t kid[AIOT_SOLY_KID_LEN];
	uint32_t i;
};

static struct {
	struct kid_ent *t;
	uint8_t (*k_aiot)[AIOT_SOLY_K_AIOT_LEN];
	uint8_t *seen;
	uint8_t nonce1[AIOT_SOLY_NONCE1_LEN];
	uint32_t n, authenticated;
	struct aiot_sec_ctx *ctx;
} grp;

static int kid_cmp(const void *a, const void *b)
{
	return memcmp(a, b, AIOT_SOLY_KID_LEN);
}

/* One answer to the group paging: its KID finds the device, ARES decides. */
static void grp_answer(const uint8_t *nas, unsigned int len)
{
	uint8_t msg[AIOT_NAS_MAX_LEN], k_ses[AIOT_SOLY_K_SES_LEN];
	struct aiot_nas_msg m;
	struct kid_ent *e;
	unsigned int off;

	if (len > sizeof(msg) || aiot_nas_decode(nas, len, &m) ||
	    m.type != AIOT_NAS_MT_SOLY_ACCESS_RSP || !(m.flags & AIOT_SOLY_AF_KID))
		return;
	memcpy(msg, nas, len);
	e = bsearch(m.kid, grp.t, grp.n, sizeof(*grp.t), kid_cmp);
	/* a KID shared by several candidates: ARES tells them apart */
	while (e && e > grp.t && !kid_cmp(e - 1, m.kid))
		e--;
	off = m.enc ? (unsigned int)(m.enc - nas) : len - AIOT_SOLY_ARES_LEN;
	for (; e && e < grp.t + grp.n && !kid_cmp(e, m.kid); e++) {
		if (aiot_soly_k_ses(grp.k_aiot[e->i], m.nonce, k_ses) ||
		    aiot_soly_access_open(grp.ctx, k_ses, grp.nonce1, msg, off, len) < 0)
			continue;
		if (!grp.seen[e->i]++)
			grp.authenticated++;
		break;
	}
}

/* A group paging of every solution-y device; how many answers verify. */
static int eval_y_group(uint32_t n, struct session *s)
{
	struct aiot_nas_msg m = { .type = AIOT_NAS_MT_SOLY_PAGING_REQ };
	uint8_t pr[AIOT_NAS_MAX_LEN], k[AIOT_K_ROOT_LEN];
	uint32_t i;
	int len, err;

	memset(&grp, 0, sizeof(grp));
	grp.n = n;
	grp.t = calloc(n, sizeof(*grp.t));
	grp.k_aiot = calloc(n, sizeof(*grp.k_aiot));
	grp.seen = calloc(n, 1);
	grp.ctx = aiot_sec_ctx_alloc();
	if (!grp.t || !grp.k_aiot || !grp.seen || !grp.ctx)
		bail("group paging tables");
	if (RAND_bytes(grp.nonce1, sizeof(grp.nonce1)) != 1)
		bail("nonce1");
	for (i = 0; i < n; i++) {
		if (k_root_of(KEY_SEED, EVAL_BASE + i, k) ||
		    aiot_soly_k_aiot(k, grp.nonce1, grp.k_aiot[i]) ||
		    aiot_soly_kid(grp.ctx, grp.k_aiot[i], grp.nonce1, grp.t[i].kid))
			bail("KID");
		grp.t[i].i = i;
	}
	qsort(grp.t, n, sizeof(*grp.t), kid_cmp);
	m.nonce = grp.nonce1;
	len = aiot_nas_encode(&m, pr, sizeof(pr));
	if (len <= 0)
		bail("group Y Paging Request");
	inv_each = grp_answer;
	err = inventory_nas(AIOT_TARGET_ALL, NULL, 0, NULL, pr, len, 0, s);
	inv_each = NULL;
	free(grp.t);
	free(grp.k_aiot);
	free(grp.seen);
	aiot_sec_ctx_free(grp.ctx);
	return err ?: (int)grp.authenticated;
}

static void eval_inventory_line(const char *profile, uint32_t n, uint32_t auth,
				const uint64_t *st, double wall_ms, const struct devc_dump *b,
				const struct devc_dump *a, unsigned int sample)
{
	double f = sample ? (double)n / sample : 1;

	printf("EVAL inventory profile=%s n=%u authenticated=%u r2d_frames=%.0f d2r_frames=%.0f "
	       "r2d_bits=%.0f d2r_bits=%.0f air_us=%.0f slots=%.0f collisions=%.0f wall_ms=%.0f "
	       "devices=%u aes=%.0f kdf=%.0f computed=%u\n",
	       profile, n, auth, f * st[AIOT_INV_STATS_R2D_FRAMES],
	       f * st[AIOT_INV_STATS_D2R_FRAMES], f * st[AIOT_INV_STATS_R2D_BITS],
	       f * st[AIOT_INV_STATS_D2R_BITS], f * st[AIOT_INV_STATS_AIR_US],
	       f * st[AIOT_INV_STATS_SLOTS], f * st[AIOT_INV_STATS_COLLISIONS], f * wall_ms, n,
	       f * ((a->others.aes + a->t.aes) - (b->others.aes + b->t.aes)),
	       f * ((a->others.kdf + a->t.kdf) - (b->others.kdf + b->t.kdf)), sample);
}

static void eval_paging_line(const char *profile, const char *proc, uint32_t n,
			     const struct devc_dump *b, const struct devc_dump *a, uint64_t air)
{
	printf("EVAL paging profile=%s proc=%s n=%u air_us=%llu others=%u others_aes=%llu "
	       "others_kdf=%llu others_rx_bits=%llu target_aes=%llu target_kdf=%llu\n",
	       profile, proc, n, (unsigned long long)air, a->others.id,
	       (unsigned long long)(a->others.aes - b->others.aes),
	       (unsigned long long)(a->others.kdf - b->others.kdf),
	       (unsigned long long)(a->others.rx - b->others.rx),
	       (unsigned long long)(a->t.aes - b->t.aes),
	       (unsigned long long)(a->t.kdf - b->t.kdf));
}

/* A solution-9 Read of 4 octets to the target, its MAC right or flipped. */
static int eval_s9_read(bool bad, uint8_t first, struct cmd_result *r)
{
	struct aiot_nas_msg m = { .type = AIOT_NAS_MT_READ_REQ, .offset = 0, .length = 4 };
	uint8_t plain[AIOT_NAS_MAX_LEN];
	struct s9_cmd c;
	int n = aiot_nas_encode(&m, plain, sizeof(plain));

	s9_new(&c, KEY_SEED, EVAL_TARGET, AIOT_SOL9_POL_DEFAULT, first);
	s9_seal(&c, plain, n);
	c.pdu[c.len - 1] ^= bad;
	return s9_send(&c, r);
}

/* A solution-y session with the target (access, NRES); its counter in @ctr. */
static int eval_y_session(struct ysess *y, uint32_t *ctr, uint8_t first)
{
	struct cmd_result r;
	int err;

	y_paging(y, KEY_SEED, EVAL_TARGET, *ctr, first);
	err = y_access(y, 4);
	if (err || (y->flags & AIOT_SOLY_AF_RESYNC))
		return err ?: -1;
	(*ctr)++;
	return y_net_auth(y, false, &r);
}

/* A solution-y Read of 4 octets in @y's session, its MAC right or flipped. */
static int eval_y_read(struct ysess *y, bool bad, struct cmd_result *r)
{
	struct aiot_nas_msg m = { .type = AIOT_NAS_MT_READ_REQ, .offset = 0, .length = 4 };
	struct aiot_sec_ctx *ctx = aiot_sec_ctx_alloc();
	uint8_t pdu[AIOT_NAS_MAX_LEN];
	int n = aiot_nas_encode(&m, pdu, sizeof(pdu));

	if (!ctx || n <= 0 || aiot_soly_ctx_set_command(ctx, y->k_ses) ||
	    (n = aiot_nas_seal(ctx, AIOT_NAS_DIR_R2D, true, pdu, n, sizeof(pdu))) <= 0)
		bail("solution-y Read");
	aiot_sec_ctx_free(ctx);
	pdu[n - 1] ^= bad;
	return command_to(AIOT_TARGET_TEMPORARY_ID, y->nonce2, 64, NULL, pdu, n, r);
}

static int eval(const char *profile, uint32_t n, bool commands)
{
	bool y = !strcmp(profile, "solution-y");
	struct devc_dump *b = calloc(1, sizeof(*b)), *a = calloc(1, sizeof(*a));
	struct cmd_result r;
	struct session s;
	struct answer ans;
	uint64_t st[AIOT_INV_STATS_MAX + 1] = { 0 }, air;
	uint32_t ctr = 0, auth = 0, i, k;
	struct ysess ys;
	double t0, wall = 0;
	int err, policy, rcvbuf;

	if (!b || !a || (!y && strcmp(profile, "solution-9")) || n <= EVAL_TARGET - EVAL_BASE)
		bail("usage: aiot-attack-test eval solution-y|solution-9 N (N > 7) [commands]");
	open_families();
	/* a group paging's reports of 10^4 devices come faster than they are checked */
	rcvbuf = 16 << 20;
	if (setsockopt(mnl_socket_get_fd(lis.sk), SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf,
		       sizeof(rcvbuf)))
		bail("the event socket's buffer");
	own_reader();
	add_pop(EVAL_BASE, n, y ? AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y :
			      AIOT_HWSIM_SEC_PROFILE_SOLUTION_9, &ans);
	if (ans.error)
		bail("the population");

	/* the whole population */
	if (devc_sums(b, EVAL_TARGET))
		bail("get-device");
	if (y) {
		t0 = now_ms();
		err = eval_y_group(n, &s);
		wall = now_ms() - t0;
		if (err < 0)
			fprintf(stderr, "the group inventory failed: %s\n", strerror(-err));
		auth = err < 0 ? 0 : err;
		memcpy(st, s.st, sizeof(st));
	} else {
		for (i = 0; i < EVAL_SAMPLE && i < n; i++) {
			uint8_t nn[AIOT_SOL9_NN_LEN];

			if (RAND_bytes(nn, sizeof(nn)) != 1)
				bail("NN");
			t0 = now_ms();
			err = s9_authenticate(EVAL_BASE + (uint32_t)((uint64_t)i * n / EVAL_SAMPLE),
					      nn, false, &s);
			wall += now_ms() - t0;
			auth += !err;
			for (k = 0; k <= AIOT_INV_STATS_MAX; k++)
				st[k] += s.st[k];
		}
	}
	if (devc_sums(a, EVAL_TARGET))
		bail("get-device");
	if (y)
		eval_inventory_line(profile, n, auth, st, wall, b, a, 0);
	else	/* every device of the sample authenticated: all N would be */
		eval_inventory_line(profile, n, auth == EVAL_SAMPLE ? n : auth, st, wall, b, a,
				    EVAL_SAMPLE);

	/* one device paged alone, then one command to it */
	devc_sums(b, EVAL_TARGET);
	air = reader_air_us();
	err = y ? eval_y_session(&ys, &ctr, 0x61) :
		  s9_authenticate(EVAL_TARGET, (uint8_t [8]){ 0x61, 1, 2, 3, 4, 5, 6, 7 }, false, &s);
	air = reader_air_us() - air;
	devc_sums(a, EVAL_TARGET);
	if (err)
		bail("the targeted procedure failed");
	eval_paging_line(profile, y ? "access" : "authentication", n, b, a, air);
	devc_sums(b, EVAL_TARGET);
	air = reader_air_us();
	err = y ? eval_y_read(&ys, false, &r) : eval_s9_read(false, 0x62, &r);
	air = reader_air_us() - air;
	devc_sums(a, EVAL_TARGET);
	if (err || r.outcome != AIOT_CMD_OUTCOME_NAS_RESPONSE)
		bail("the command failed");
	eval_paging_line(profile, "command", n, b, a, air);

	/* seed 000's options */
	for (policy = 0; commands && policy <= 2; policy++) {
		for (k = 0; k < 2; k++) {
			if (set_policy(EVAL_TARGET, policy))
				bail("set-device policy");
			if (y && eval_y_session(&ys, &ctr, 0x70 + 2 * policy + k))
				bail("solution-y session");
			devc_sums(b, EVAL_TARGET);
			air = reader_air_us();
			t0 = now_ms();
			err = y ? eval_y_read(&ys, k, &r) : eval_s9_read(k, 0x80 + 2 * policy + k, &r);
			wall = now_ms() - t0;
			air = reader_air_us() - air;
			devc_sums(a, EVAL_TARGET);
			if (err)
				bail("a command");
			printf("EVAL command profile=%s n=%u policy=%d mac=%s outcome=%s attempts=%d "
			       "cause=%s air_us=%llu wall_ms=%.0f dev_aes=%llu\n", profile, n, policy,
			       k ? "bad" : "good",
			       r.outcome == AIOT_CMD_OUTCOME_NAS_RESPONSE ? "nas-response" :
			       r.outcome == AIOT_CMD_OUTCOME_AS_INDICATION ? "as-indication" :
			       r.outcome == AIOT_CMD_OUTCOME_NO_RESPONSE ? "no-response" : "failed",
			       r.attempts, r.cause == AIOT_NNR_CAUSE_INTEGRITY_FAILURE ?
			       "integrity-failure" : r.cause >= 0 ? "other" : "",
			       (unsigned long long)air, wall,
			       (unsigned long long)(a->t.aes - b->t.aes));
		}
	}
	free(a);
	free(b);
	return 0;
}

int main(int argc, char **argv)
{
	uint8_t pdu2[AIOT_NAS_MAX_LEN];
	struct session s2;
	struct seen v1;
	unsigned int len2;
	struct answer a;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc >= 4 && !strcmp(argv[1], "eval"))
		return eval(argv[2], strtoul(argv[3], NULL, 0),
			    argc > 4 && !strcmp(argv[4], "commands"));
	printf("1..66\n");
	recs = calloc(MON_FRAMES, sizeof(*recs));
	if (!recs)
		bail("no memory for the capture");
	open_families();

	/* a reader of its own, gone with this program's socket */
	own_reader();
	add_pop(BASE_ID, N_DEVS, AIOT_HWSIM_SEC_PROFILE_NORMATIVE, &a);
	ok(reader != ~0U && !a.error, "a reader (%u) with %d normative devices (%d '%s')",
	   reader, N_DEVS, a.error, a.extack);

	a1_eavesdropper(&s2, pdu2, &len2, &v1);
	a2_replay(&s2, pdu2, len2);
	a3_rogue();
	a4_lost();
	a5_paging_replay(&v1);
	mon_start(0);
	solution9();
	mon_start(0);
	solution_y();
	mon_start(0);
	mnl_socket_close(lis.sk);
	mnl_socket_close(ctl.sk);
	free(recs);
	return n_fail ? 1 : 0;
}
