// SPDX-License-Identifier: GPL-2.0
/*
 * aiotctl: readers, counters, inventories, devices, security contexts,
 * commands and events of the aiot family; the request helpers the areas
 * that talk to the kernel share (aiotctl.h).
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/utsname.h>
#include <netlink/netlink.h>
#include <netlink/genl/genl.h>
#include <netlink/genl/ctrl.h>
#include <json-c/json.h>

#include <linux/aiot.h>
#include "aiot_nl.h"
#include "aiot_sec.h"
#include "aiotctl.h"
#include "nas.h"

const struct aiotctl_family aiotctl_aiot = {
	.name = AIOT_GENL_NAME,
	.module = "aiot",
	.reader_attr = AIOT_ATTR_READER_INDEX,
	.json = aiotctl_msg_json,
};

int aiotctl_open(struct aiot_nl *nl, const struct aiotctl_family *fam)
{
	struct utsname un;
	char why[256];
	int err = aiot_nl_open(nl, fam->name, why, sizeof(why));

	if (!err)
		return 0;
	if (err == AIOT_NL_ENOFAMILY && strcmp(fam->module, "aiot")) {
		/* libaiot's sentence names the aiot module */
		if (uname(&un))
			strcpy(un.release, "this kernel");
		snprintf(why, sizeof(why),
			 "the generic netlink family '%s' is not registered: the %s module is not loaded "
			 "(run 'modprobe %s' as root) or not built for %s (run 'dkms status aiot')",
			 fam->name, fam->module, fam->module, un.release);
	}
	aiotctl_err("%s", why);
	return err == AIOT_NL_ENOFAMILY ? AIOTCTL_EXIT_NOFAMILY : AIOTCTL_EXIT_FAIL;
}

static int open_family(struct aiot_nl *nl)
{
	return aiotctl_open(nl, &aiotctl_aiot);
}

int aiotctl_parse_uint(const char *what, const char *s, unsigned long max,
		       unsigned long *v)
{
	char *end;

	errno = 0;
	*v = strtoul(s, &end, 0);
	if (errno || *end || !*s || *s == '-' || *v > max) {
		aiotctl_err("%s '%s' is not a number in 0..%lu", what, s, max);
		return -1;
	}
	return 0;
}

/*
 * A device identity or filter: perm:HEX[/BITS], tmp:HEX[/BITS],
 * concealed:HEX[/BITS], filter:HEX[/BITS]; BITS defaults to 4 x digits.
 */
static int put_identity(struct nl_msg *msg, const char *s, bool one_device)
{
	static const struct { const char *p; int type; } kinds[] = {
		{ "perm:", AIOT_TARGET_PERMANENT_ID },
		{ "tmp:", AIOT_TARGET_TEMPORARY_ID },
		{ "concealed:", AIOT_TARGET_CONCEALED_ID },
		{ "filter:", AIOT_TARGET_FILTER },
	};
	unsigned char id[16];
	char hexs[40];
	const char *slash;
	unsigned long bits;
	size_t i, len;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (!strncmp(s, kinds[i].p, strlen(kinds[i].p)))
			break;
	if (i == sizeof(kinds) / sizeof(kinds[0]) ||
	    (one_device && kinds[i].type == AIOT_TARGET_FILTER)) {
		aiotctl_err("'%s' is not %s (perm:HEX, tmp:HEX, concealed:HEX%s, optionally /BITS)",
			    s, one_device ? "a device identity" : "a target",
			    one_device ? "" : ", filter:HEX");
		return -1;
	}
	s += strlen(kinds[i].p);
	slash = strchr(s, '/');
	len = slash ? (size_t)(slash - s) : strlen(s);
	if (len >= sizeof(hexs)) {
		aiotctl_err("identity '%s' is longer than 128 bits", s);
		return -1;
	}
	memcpy(hexs, s, len);
	hexs[len] = 0;
	if (aiot_hex_decode(hexs, id, sizeof(id), &len) || !len) {
		aiotctl_err("identity '%s' is not an even number of hex digits", hexs);
		return -1;
	}
	bits = len * 8;
	if (slash && aiotctl_parse_uint("identity length in bits", slash + 1, len * 8, &bits))
		return -1;
	if (bits + 7 < len * 8 || !bits) {
		aiotctl_err("identity length %lu bits does not fit %zu octets", bits, len);
		return -1;
	}
	nla_put_u8(msg, AIOT_ATTR_TARGET_TYPE, kinds[i].type);
	nla_put(msg, AIOT_ATTR_TARGET, len, id);
	nla_put_u16(msg, AIOT_ATTR_TARGET_BITS, bits);
	return 0;
}

/* Hex into an attribute; keys are wiped from the stack after. */
static int put_hex(struct nl_msg *msg, int type, const char *what, const char *s,
		   size_t want)
{
	unsigned char buf[256];
	size_t len;
	int err = 0;

	if (aiot_hex_decode(s, buf, sizeof(buf), &len) || !len ||
	    (want && len != want)) {
		if (want)
			aiotctl_err("%s must be %zu octets of hex", what, want);
		else
			aiotctl_err("%s is not hex of 1 to %zu octets", what, sizeof(buf));
		err = -1;
	} else {
		nla_put(msg, type, len, buf);
	}
	explicit_bzero(buf, sizeof(buf));
	return err;
}

struct collect {
	struct json_object *all;
	const struct aiotctl_family *fam;
};

/* Collect replies into a JSON array. */
static int collect_cb(struct nl_msg *msg, void *arg)
{
	struct collect *c = arg;

	json_object_array_add(c->all, c->fam->json(msg));
	return NL_OK;
}

int aiotctl_run(struct aiotctl_ctx *ctx, struct aiot_nl *nl,
		const struct aiotctl_family *fam, struct nl_msg *msg,
		const char *what, bool dump, bool print)
{
	struct collect c = { .all = json_object_new_array(), .fam = fam };
	char why[256];
	int err;

	err = aiot_nl_talk(nl, msg, collect_cb, &c, why, sizeof(why));
	if (err) {
		aiotctl_err("%s failed: %s", what, why);
	} else if (print && (dump || json_object_array_length(c.all))) {
		aiotctl_print(ctx, dump ? c.all : json_object_array_get_idx(c.all, 0));
	}
	json_object_put(c.all);
	aiot_nl_close(nl);
	return err ? AIOTCTL_EXIT_FAIL : AIOTCTL_EXIT_OK;
}

static int run(struct aiotctl_ctx *ctx, struct aiot_nl *nl, struct nl_msg *msg,
	       const char *what, bool dump, bool print)
{
	return aiotctl_run(ctx, nl, &aiotctl_aiot, msg, what, dump, print);
}

int aiotctl_usage(const char *synopsis)
{
	aiotctl_err("usage: aiotctl %s", synopsis);
	return AIOTCTL_EXIT_USAGE;
}

/* "list" / "show N" / "stats [N]": a dump, or one reader. */
static int get(struct aiotctl_ctx *ctx, int argc, char **argv, unsigned char cmd,
	       const char *synopsis, bool need_index)
{
	unsigned long idx;
	struct aiot_nl nl;
	struct nl_msg *msg;
	int err;

	if (argc > 1 || (need_index && argc != 1))
		return aiotctl_usage(synopsis);
	if (argc && aiotctl_parse_uint("reader index", argv[0], UINT32_MAX, &idx))
		return AIOTCTL_EXIT_USAGE;
	err = open_family(&nl);
	if (err)
		return err;
	msg = aiot_nl_msg(&nl, cmd, argc ? 0 : NLM_F_DUMP);
	if (!msg)
		return aiot_nl_close(&nl), AIOTCTL_EXIT_FAIL;
	if (argc)
		nla_put_u32(msg, AIOT_ATTR_READER_INDEX, idx);
	return run(ctx, &nl, msg, synopsis, !argc, true);
}

static int cmd_reader_list(struct aiotctl_ctx *ctx, int argc, char **argv)
{
	return get(ctx, argc, argv, AIOT_CMD_GET_READER, "reader list", false);
}

static int cmd_reader_show(struct aiotctl_ctx *ctx, int argc, char **argv)
{
	return get(ctx, argc, argv, AIOT_CMD_GET_READER, "reader show INDEX", true);
}

static int cmd_stats(struct aiotctl_ctx *ctx, int argc, char **argv)
{
	return get(ctx, argc, argv, AIOT_CMD_GET_STATS, "stats [INDEX]", false);
}

static int cmd_device_list(struct aiotctl_ctx *ctx, int argc, char **argv)
{
	unsigned long idx;
	struct aiot_nl nl;
	struct nl_msg *msg;
	int err;

	if (argc != 1)
		return aiotctl_usage("device list INDEX");
	if (aiotctl_parse_uint("reader index", argv[0], UINT32_MAX, &idx))
		return AIOTCTL_EXIT_USAGE;
	err = open_family(&nl);
	if (err)
		return err;
	msg = aiot_nl_msg(&nl, AIOT_CMD_GET_DEVICE, NLM_F_DUMP);
	if (!msg)
		return aiot_nl_close(&nl), AIOTCTL_EXIT_FAIL;
	nla_put_u32(msg, AIOT_ATTR_READER_INDEX, idx);
	return run(ctx, &nl, msg, "device list", true, true);
}

static int put_kws(struct nl_msg *msg, const struct aiotctl_kw *kws, int argc, char **argv,
		   int *consumed)
{
	unsigned long v;
	int i, k;

	for (i = 0; i < argc; i += 2) {
		for (k = 0; kws[k].name; k++)
			if (!strcmp(argv[i], kws[k].name))
				break;
		if (!kws[k].name)
			break;
		if (i + 1 >= argc) {
			aiotctl_err("'%s' needs a value", argv[i]);
			return -1;
		}
		switch (kws[k].type) {
		case 'h':
			if (put_hex(msg, kws[k].attr, kws[k].name, argv[i + 1], kws[k].max))
				return -1;
			continue;
		case 'i':
		case 't':
			if (!strcmp(argv[i + 1], "all") && kws[k].type == 't') {
				nla_put_u8(msg, AIOT_ATTR_TARGET_TYPE, AIOT_TARGET_ALL);
				continue;
			}
			if (put_identity(msg, argv[i + 1], kws[k].type == 'i'))
				return -1;
			continue;
		case 'o':
			if (!strcmp(argv[i + 1], "on") || !strcmp(argv[i + 1], "1")) {
				nla_put_u8(msg, kws[k].attr, 1);
			} else if (!strcmp(argv[i + 1], "off") || !strcmp(argv[i + 1], "0")) {
				nla_put_u8(msg, kws[k].attr, 0);
			} else {
				aiotctl_err("%s '%s' is neither on nor off", argv[i], argv[i + 1]);
				return -1;
			}
			continue;
		case 64: {
			char *end;
			unsigned long long u;

			errno = 0;
			u = strtoull(argv[i + 1], &end, 0);
			if (errno || *end || !argv[i + 1][0] || argv[i + 1][0] == '-') {
				aiotctl_err("%s '%s' is not a number in 0..%llu", argv[i],
					    argv[i + 1], (unsigned long long)UINT64_MAX);
				return -1;
			}
			nla_put_u64(msg, kws[k].attr, u);
			continue;
		}
		case -32: {
			char *end;
			long s = strtol(argv[i + 1], &end, 0);

			if (*end || !argv[i + 1][0] || s < INT32_MIN || s > INT32_MAX) {
				aiotctl_err("%s '%s' is not a number", argv[i], argv[i + 1]);
				return -1;
			}
			nla_put_u32(msg, kws[k].attr, (uint32_t)(int32_t)s);
			continue;
		}
		}
		if (aiotctl_parse_uint(argv[i], argv[i + 1], kws[k].max, &v))
			return -1;
		if (kws[k].type == 8)
			nla_put_u8(msg, kws[k].attr, v);
		else if (kws[k].type == 16)
			nla_put_u16(msg, kws[k].attr, v);
		else
			nla_put_u32(msg, kws[k].attr, v);
	}
	*consumed = i;
	return 0;
}

/*
 * reader set, inventory start, command send, secctx set/del and the hwsim
 * requests share this: the words are checked before the family is opened,
 * so that a usage error is reported as one whether or not the module is
 * loaded.
 */
struct nl_msg *aiotctl_build(struct aiot_nl *nl, const struct aiotctl_family *fam,
			     unsigned char cmd, int argc, char **argv,
			     const struct aiotctl_kw *kws, const char *synopsis,
			     const char *flag, bool *flag_set, int *status)
{
	struct aiot_nl none = { .family = 0 };
	unsigned long idx;
	struct nl_msg *msg;
	int used = 0;

	*status = AIOTCTL_EXIT_USAGE;
	if (argc < 1) {
		aiotctl_usage(synopsis);
		return NULL;
	}
	if (aiotctl_parse_uint("reader index", argv[0], UINT32_MAX, &idx))
		return NULL;
	msg = aiot_nl_msg(&none, cmd, 0);
	if (!msg) {
		*status = AIOTCTL_EXIT_FAIL;
		return NULL;
	}
	nla_put_u32(msg, fam->reader_attr, idx);
	if (put_kws(msg, kws, argc - 1, argv + 1, &used))
		goto fail;
	used++;
	if (flag && used < argc && !strcmp(argv[used], flag)) {
		*flag_set = true;
		used++;
	}
	if (used < argc) {
		aiotctl_err("unknown word '%s'; usage: aiotctl %s", argv[used], synopsis);
		goto fail;
	}
	for (used = 2; used < argc; used++)	/* keys in hex on the command line */
		if (!strncmp(argv[used - 1], "k-", 2))
			explicit_bzero(argv[used], strlen(argv[used]));
	*status = aiotctl_open(nl, fam);
	if (*status)
		goto fail;
	nlmsg_hdr(msg)->nlmsg_type = nl->family;
	return msg;
fail:
	explicit_bzero(nlmsg_hdr(msg), nlmsg_hdr(msg)->nlmsg_len);
	nlmsg_free(msg);
	return NULL;
}

/* A request made of keywords only, answered with an acknowledgement. */
static int simple(struct aiotctl_ctx *ctx, int argc, char **argv, unsigned char cmd,
		  const struct aiotctl_kw *kws, const char *syn, const char *what)
{
	struct aiot_nl nl;
	struct nl_msg *msg;
	int st;

	msg = aiotctl_build(&nl, &aiotctl_aiot, cmd, argc, argv, kws, syn, NULL, NULL, &st);
	return msg ? run(ctx, &nl, msg, what, false, false) : st;
}

static int cmd_reader_set(struct aiotctl_ctx *ctx, int argc, char **argv)
{
	static const struct aiotctl_kw kws[] = {
		{ "power", AIOT_ATTR_TX_POWER, -32, 0 },
		{ "port", AIOT_ATTR_PORT, 8, 255 },
		{ "r2d-rate", AIOT_ATTR_R2D_RATE, 32, UINT32_MAX },
		{ "d2r-rate", AIOT_ATTR_D2R_RATE, 32, UINT32_MAX },
		{ NULL, 0, 0, 0 }
	};
	const char *syn = "reader set INDEX [power MBM] [port N] [r2d-rate BPS] [d2r-rate BPS]";

	return simple(ctx, argc, argv, AIOT_CMD_SET_READER, kws, syn, "reader set");
}

static int cmd_secctx_set(struct aiotctl_ctx *ctx, int argc, char **argv)
{
	static const struct aiotctl_kw kws[] = {
		{ "device", 0, 'i', 0 },
		{ "k-aiotf", AIOT_ATTR_K_AIOTF, 'h', 32 },
		{ "k-enc", AIOT_ATTR_K_ENC, 'h', 16 },
		{ "k-int", AIOT_ATTR_K_INT, 'h', 16 },
		{ "cipher", AIOT_ATTR_CIPHER, 8, 1 },
		{ NULL, 0, 0, 0 }
	};
	const char *syn = "secctx set INDEX device ID (k-aiotf HEX | k-enc HEX k-int HEX) [cipher 0|1]";

	return simple(ctx, argc, argv, AIOT_CMD_SEC_CTX_SET, kws, syn, "secctx set");
}

static int cmd_secctx_del(struct aiotctl_ctx *ctx, int argc, char **argv)
{
	static const struct aiotctl_kw kws[] = { { "device", 0, 'i', 0 }, { NULL, 0, 0, 0 } };
	const char *syn = "secctx del INDEX device ID";

	return simple(ctx, argc, argv, AIOT_CMD_SEC_CTX_DEL, kws, syn, "secctx del");
}

static int cmd_inventory_stop(struct aiotctl_ctx *ctx, int argc, char **argv)
{
	static const struct aiotctl_kw kws[] = {
		{ "job", AIOT_ATTR_JOB_ID, 32, UINT32_MAX }, { NULL, 0, 0, 0 }
	};
	const char *syn = "inventory stop INDEX [job ID]";

	return simple(ctx, argc, argv, AIOT_CMD_INVENTORY_STOP, kws, syn, "inventory stop");
}

/* ---- Jobs whose results come as events ---------------------------------- */

struct watch {
	struct aiotctl_ctx *ctx;
	unsigned int job;
	int end_cmd;		/* the event that ends the job */
	int done;
	int outcome;		/* command: its outcome */
	unsigned long events;	/* monitor: stop after this many (0: never) */
	unsigned long seen;
};

static int event_cb(struct nl_msg *msg, void *arg)
{
	struct genlmsghdr *g = nlmsg_data(nlmsg_hdr(msg));
	struct nlattr *tb[AIOT_ATTR_MAX + 1];
	struct watch *w = arg;
	struct json_object *o;

	if (genlmsg_parse(nlmsg_hdr(msg), 0, tb, AIOT_ATTR_MAX, NULL) < 0)
		return NL_SKIP;
	if (w->job && (!tb[AIOT_ATTR_JOB_ID] || nla_get_u32(tb[AIOT_ATTR_JOB_ID]) != w->job))
		return NL_SKIP;
	o = aiotctl_msg_json(msg);
	aiotctl_print(w->ctx, o);
	if (!w->ctx->json)
		putchar('\n');
	json_object_put(o);
	if (g->cmd == AIOT_CMD_COMMAND_RESULT && tb[AIOT_ATTR_CMD_OUTCOME])
		w->outcome = nla_get_u8(tb[AIOT_ATTR_CMD_OUTCOME]);
	if (w->end_cmd && g->cmd == w->end_cmd)
		w->done = 1;
	if (w->events && ++w->seen >= w->events)
		w->done = 1;
	return NL_OK;
}

/* A second socket on @groups, for events. */
/* Room for the reports of a large inventory while they are printed. */
#define EVENT_RCVBUF	(16 << 20)

static int open_events(struct aiot_nl *ev, const char *const *groups)
{
	int err = open_family(ev), grp, size = EVENT_RCVBUF;

	if (err)
		return err;
	nl_socket_disable_seq_check(ev->sk);
	/* beyond rmem_max needs CAP_NET_ADMIN, which starting a job needs anyway */
	if (setsockopt(nl_socket_get_fd(ev->sk), SOL_SOCKET, SO_RCVBUFFORCE, &size,
		       sizeof(size)) < 0)
		nl_socket_set_buffer_size(ev->sk, size, 0);
	for (; *groups; groups++) {
		grp = genl_ctrl_resolve_grp(ev->sk, AIOT_GENL_NAME, *groups);
		if (grp < 0 || nl_socket_add_membership(ev->sk, grp) < 0) {
			aiotctl_err("cannot join the multicast group '%s': %s", *groups,
				    nl_geterror(grp < 0 ? grp : -NLE_FAILURE));
			aiot_nl_close(ev);
			return AIOTCTL_EXIT_FAIL;
		}
	}
	return 0;
}

static int job_id_cb(struct nl_msg *msg, void *arg)
{
	struct nlattr *tb[AIOT_ATTR_MAX + 1];

	if (genlmsg_parse(nlmsg_hdr(msg), 0, tb, AIOT_ATTR_MAX, NULL) >= 0 &&
	    tb[AIOT_ATTR_JOB_ID])
		*(unsigned int *)arg = nla_get_u32(tb[AIOT_ATTR_JOB_ID]);
	return NL_OK;
}

/* Start a job; with @wait, print its events until the one that ends it. */
static int job(struct aiotctl_ctx *ctx, struct aiot_nl *nl, struct nl_msg *msg,
	       const char *what, const char *group, int end_cmd, bool wait)
{
	const char *const groups[] = { group, NULL };
	struct watch w = { .ctx = ctx, .end_cmd = end_cmd, .outcome = -1 };
	struct aiot_nl ev = { 0 };
	unsigned int id = 0;
	char why[256];
	int err;

	if (wait) {
		err = open_events(&ev, groups);
		if (err) {
			nlmsg_free(msg);
			aiot_nl_close(nl);
			return err;
		}
	}
	err = aiot_nl_talk(nl, msg, job_id_cb, &id, why, sizeof(why));
	if (err || !id) {
		aiotctl_err("%s failed: %s", what, err ? why : "no job id in the reply");
		aiot_nl_close(&ev);
		aiot_nl_close(nl);
		return AIOTCTL_EXIT_FAIL;
	}
	if (!wait) {
		if (ctx->json)
			printf("{\"job_id\":%u}\n", id);
		else
			printf("job_id %u\n", id);
	}
	w.job = id;
	while (wait && !w.done) {
		nl_socket_modify_cb(ev.sk, NL_CB_VALID, NL_CB_CUSTOM, event_cb, &w);
		err = nl_recvmsgs_default(ev.sk);
		if (err < 0 && err != -NLE_INTR) {
			aiotctl_err("lost the events of job %u: %s", id, nl_geterror(err));
			break;
		}
	}
	aiot_nl_close(&ev);
	aiot_nl_close(nl);
	if (wait && !w.done)
		return AIOTCTL_EXIT_FAIL;
	if (end_cmd == AIOT_CMD_COMMAND_RESULT && wait && w.outcome == AIOT_CMD_OUTCOME_FAILED)
		return AIOTCTL_EXIT_FAIL;
	return AIOTCTL_EXIT_OK;
}

static int cmd_inventory_start(struct aiotctl_ctx *ctx, int argc, char **argv)
{
	static const struct aiotctl_kw kws[] = {
		{ "target", 0, 't', 0 },
		{ "rand", AIOT_ATTR_RAND, 'h', 0 },
		{ "nas", AIOT_ATTR_NAS, 'h', 0 },
		{ "txn", AIOT_ATTR_TXN, 8, 255 },
		{ "algo", AIOT_ATTR_ALGO, 8, AIOT_ALGO_ML },
		{ "slots", AIOT_ATTR_INIT_SLOTS, 32, UINT32_MAX },
		{ "max-devices", AIOT_ATTR_MAX_DEVICES, 32, UINT32_MAX },
		{ "max-time", AIOT_ATTR_MAX_TIME_MS, 32, UINT32_MAX },
		{ "max-empty", AIOT_ATTR_MAX_EMPTY_ROUNDS, 32, UINT32_MAX },
		{ "batch", AIOT_ATTR_REPORT_BATCH, 32, UINT32_MAX },
		{ "report-ms", AIOT_ATTR_REPORT_MS, 32, UINT32_MAX },
		{ NULL, 0, 0, 0 }
	};
	const char *syn = "inventory start INDEX [target all|ID] [rand HEX | nas HEX] [txn N] "
			  "[algo 0|1|2] [slots N] [max-devices N] [max-time MS] [max-empty N] "
			  "[batch N] [report-ms MS] [watch]";
	struct aiot_nl nl;
	struct nl_msg *msg;
	bool wait = false;
	int st;

	msg = aiotctl_build(&nl, &aiotctl_aiot, AIOT_CMD_INVENTORY_START, argc, argv, kws, syn,
			    "watch", &wait, &st);
	if (!msg)
		return st;
	return job(ctx, &nl, msg, "inventory start", AIOT_MCGRP_INVENTORY,
		   AIOT_CMD_INVENTORY_DONE, wait);
}

/* The attributes of @src whose type is in @types (0-ended) into @dst. */
static void copy_attrs(struct nl_msg *dst, struct nl_msg *src, const int *types)
{
	struct nlattr *a;
	int rem;
	const int *t;

	nlmsg_for_each_attr(a, nlmsg_hdr(src), GENL_HDRLEN, rem)
		for (t = types; *t; t++)
			if (nla_type(a) == *t)
				nla_put(dst, *t, nla_len(a), nla_data(a));
}

static int cmd_command_send(struct aiotctl_ctx *ctx, int argc, char **argv)
{
	static const struct aiotctl_kw kws[] = {
		{ "device", 0, 'i', 0 },
		{ "nas", AIOT_ATTR_NAS, 'h', 0 },
		{ "rand", AIOT_ATTR_RAND, 'h', 0 },
		{ "as-id", AIOT_ATTR_AS_ID, 8, 255 },
		{ "txn", AIOT_ATTR_TXN, 8, 255 },
		{ "attempts", AIOT_ATTR_ATTEMPTS, 8, 255 },
		{ "k-aiotf", AIOT_ATTR_K_AIOTF, 'h', 32 },
		{ "k-enc", AIOT_ATTR_K_ENC, 'h', 16 },
		{ "k-int", AIOT_ATTR_K_INT, 'h', 16 },
		{ "cipher", AIOT_ATTR_CIPHER, 8, 1 },
		{ NULL, 0, 0, 0 }
	};
	static const int cmd_attrs[] = {
		AIOT_ATTR_READER_INDEX, AIOT_ATTR_TARGET_TYPE, AIOT_ATTR_TARGET,
		AIOT_ATTR_TARGET_BITS, AIOT_ATTR_NAS, AIOT_ATTR_RAND, AIOT_ATTR_AS_ID,
		AIOT_ATTR_TXN, AIOT_ATTR_ATTEMPTS, 0
	};
	static const int sec_attrs[] = {
		AIOT_ATTR_READER_INDEX, AIOT_ATTR_TARGET_TYPE, AIOT_ATTR_TARGET,
		AIOT_ATTR_TARGET_BITS, AIOT_ATTR_K_AIOTF, AIOT_ATTR_K_ENC, AIOT_ATTR_K_INT,
		AIOT_ATTR_CIPHER, 0
	};
	const char *syn = "command send INDEX device ID nas HEX [rand HEX] [as-id N] [txn N] "
			  "[attempts N] "
			  "[k-aiotf HEX | k-enc HEX k-int HEX [cipher 0|1]] [nowait]";
	struct nl_msg *all, *msg, *sec;
	struct nlattr *nas;
	struct aiot_nl nl;
	bool nowait = false;
	char why[256];
	int st;

	all = aiotctl_build(&nl, &aiotctl_aiot, AIOT_CMD_COMMAND_SEND, argc, argv, kws, syn,
			    "nowait", &nowait, &st);
	if (!all)
		return st;
	msg = aiot_nl_msg(&nl, AIOT_CMD_COMMAND_SEND, 0);
	sec = aiot_nl_msg(&nl, AIOT_CMD_SEC_CTX_SET, 0);
	if (msg && sec) {
		copy_attrs(msg, all, cmd_attrs);
		copy_attrs(sec, all, sec_attrs);
	}
	explicit_bzero(nlmsg_hdr(all), nlmsg_hdr(all)->nlmsg_len);
	nlmsg_free(all);
	if (!msg || !sec) {
		nlmsg_free(msg);
		nlmsg_free(sec);
		aiot_nl_close(&nl);
		return AIOTCTL_EXIT_FAIL;
	}
	/*
	 * Offload mode: the context goes in on this socket, which it lives
	 * with, and serves the command that follows on the same socket.
	 */
	if (nlmsg_find_attr(nlmsg_hdr(sec), GENL_HDRLEN, AIOT_ATTR_K_AIOTF) ||
	    nlmsg_find_attr(nlmsg_hdr(sec), GENL_HDRLEN, AIOT_ATTR_K_ENC) ||
	    nlmsg_find_attr(nlmsg_hdr(sec), GENL_HDRLEN, AIOT_ATTR_K_INT)) {
		st = aiot_nl_talk(&nl, sec, NULL, NULL, why, sizeof(why));
		if (st) {
			aiotctl_err("command send: the security context was refused: %s", why);
			nlmsg_free(msg);
			aiot_nl_close(&nl);
			return AIOTCTL_EXIT_FAIL;
		}
	} else {
		nlmsg_free(sec);
	}
	nas = nlmsg_find_attr(nlmsg_hdr(msg), GENL_HDRLEN, AIOT_ATTR_NAS);
	if (nas)	/* whole octets from the command line */
		nla_put_u16(msg, AIOT_ATTR_NAS_BITS, nla_len(nas) * 8);
	return job(ctx, &nl, msg, "command send", AIOT_MCGRP_COMMAND,
		   AIOT_CMD_COMMAND_RESULT, !nowait);
}

/*
 * command read|write|disable: offload mode without writing the NAS PDU by
 * hand. The plain request is built with the AIoT NAS codec (kernel/nas.c)
 * and sent as 'command send ... nas HEX' with the keys given; the kernel
 * protects it and verifies the response.
 */
static int command_rwd(struct aiotctl_ctx *ctx, int argc, char **argv, uint8_t type,
		       const char *syn)
{
	uint8_t pdu[AIOT_NAS_MAX_LEN], data[AIOT_NAS_MAX_LEN];
	char hex[2 * AIOT_NAS_MAX_LEN + 1], *nargv[64];
	struct aiot_nas_msg m = { .type = type };
	unsigned long v;
	int i, n, pos = type == AIOT_NAS_MT_DISABLE_REQ ? 3 : 5, nargc = 0;
	bool keys = false;
	size_t len;

	if (argc < pos || strcmp(argv[1], "device") || argc - pos + 5 > 64)
		return aiotctl_usage(syn);
	if (type != AIOT_NAS_MT_DISABLE_REQ) {
		if (aiotctl_parse_uint("offset", argv[3], 0xffff, &v))
			return AIOTCTL_EXIT_USAGE;
		m.offset = v;
	}
	if (type == AIOT_NAS_MT_READ_REQ) {
		if (aiotctl_parse_uint("length", argv[4], 0xffff, &v))
			return AIOTCTL_EXIT_USAGE;
		m.length = v;
	} else if (type == AIOT_NAS_MT_WRITE_REQ) {
		if (aiot_hex_decode(argv[4], data, sizeof(data), &len) || !len) {
			aiotctl_err("write: data '%s' is not hex", argv[4]);
			return AIOTCTL_EXIT_USAGE;
		}
		m.data = data;
		m.data_len = len;
	}
	for (i = pos; i < argc; i++)
		if (!strcmp(argv[i], "k-aiotf") || !strcmp(argv[i], "k-enc"))
			keys = true;
		else if (!strcmp(argv[i], "nas"))
			return aiotctl_usage(syn);
	if (!keys) {
		aiotctl_err("command %s builds a plain request for offload mode: give the "
			    "session's k-aiotf (or k-enc and k-int); to relay a protected NAS "
			    "PDU use 'command send'",
			    type == AIOT_NAS_MT_READ_REQ ? "read" :
			    type == AIOT_NAS_MT_WRITE_REQ ? "write" : "disable");
		return AIOTCTL_EXIT_USAGE;
	}
	n = aiot_nas_encode(&m, pdu, sizeof(pdu) - AIOT_NAS_TRAILER_LEN);
	if (n < 0) {
		aiotctl_err("the request does not fit an AIoT NAS message with its MAC-I");
		return AIOTCTL_EXIT_USAGE;
	}
	aiot_hex_encode(pdu, n, hex);
	for (i = 0; i < 3; i++)
		nargv[nargc++] = argv[i];
	nargv[nargc++] = "nas";
	nargv[nargc++] = hex;
	for (i = pos; i < argc; i++)
		nargv[nargc++] = argv[i];
	n = cmd_command_send(ctx, nargc, nargv);
	explicit_bzero(data, sizeof(data));
	return n;
}

#define RWD_KEYS "(k-aiotf HEX | k-enc HEX k-int HEX) [cipher 0|1] [attempts N] [nowait]"

static int cmd_command_read(struct aiotctl_ctx *ctx, int argc, char **argv)
{
	return command_rwd(ctx, argc, argv, AIOT_NAS_MT_READ_REQ,
			   "command read INDEX device ID OFFSET LENGTH " RWD_KEYS);
}

static int cmd_command_write(struct aiotctl_ctx *ctx, int argc, char **argv)
{
	return command_rwd(ctx, argc, argv, AIOT_NAS_MT_WRITE_REQ,
			   "command write INDEX device ID OFFSET HEX " RWD_KEYS);
}

static int cmd_command_disable(struct aiotctl_ctx *ctx, int argc, char **argv)
{
	return command_rwd(ctx, argc, argv, AIOT_NAS_MT_DISABLE_REQ,
			   "command disable INDEX device ID " RWD_KEYS);
}

static int cmd_monitor(struct aiotctl_ctx *ctx, int argc, char **argv)
{
	const char *const groups[] = {
		AIOT_MCGRP_CONFIG, AIOT_MCGRP_INVENTORY, AIOT_MCGRP_COMMAND, NULL,
	};
	struct watch w = { .ctx = ctx };
	struct aiot_nl ev;
	int err;

	if (argc == 2 && !strcmp(argv[0], "count")) {
		if (aiotctl_parse_uint("count", argv[1], ULONG_MAX, &w.events))
			return AIOTCTL_EXIT_USAGE;
		if (!w.events)
			return aiotctl_usage("monitor [count N], N at least 1");
	} else if (argc) {
		return aiotctl_usage("monitor [count N]");
	}
	err = open_events(&ev, groups);
	if (err)
		return err;
	nl_socket_modify_cb(ev.sk, NL_CB_VALID, NL_CB_CUSTOM, event_cb, &w);
	while (!w.done) {
		err = nl_recvmsgs_default(ev.sk);
		if (err < 0 && err != -NLE_INTR) {
			aiotctl_err("monitor: %s", nl_geterror(err));
			aiot_nl_close(&ev);
			return AIOTCTL_EXIT_FAIL;
		}
	}
	aiot_nl_close(&ev);
	return AIOTCTL_EXIT_OK;
}

AIOTCTL_COMMAND(reader_list, "reader", "list", "",
		"list the readers: parameters, limits, counters", cmd_reader_list);
AIOTCTL_COMMAND(reader_show, "reader", "show", "INDEX", "show one reader", cmd_reader_show);
AIOTCTL_COMMAND(reader_set, "reader", "set",
		"INDEX [power MBM] [port N] [r2d-rate BPS] [d2r-rate BPS]",
		"set a reader's radio parameters (admin)", cmd_reader_set);
AIOTCTL_COMMAND(stats, "stats", NULL, "[INDEX]",
		"counters of one reader or of all, and the crypto drivers in use", cmd_stats);
AIOTCTL_COMMAND(inv_start, "inventory", "start",
		"INDEX [target all|ID] [rand HEX] [algo N] [max-devices N] ... [watch]",
		"start an inventory; with 'watch', print its reports until it ends (admin)",
		cmd_inventory_start);
AIOTCTL_COMMAND(inv_stop, "inventory", "stop", "INDEX [job ID]",
		"stop one job or every job of a reader (admin)", cmd_inventory_stop);
AIOTCTL_COMMAND(dev_list, "device", "list", "INDEX",
		"the devices of the reader's running or last inventory", cmd_device_list);
AIOTCTL_COMMAND(cmd_send, "command", "send",
		"INDEX device ID nas HEX [as-id N] [attempts N] [k-aiotf HEX | k-enc HEX k-int HEX] [nowait]",
		"relay an AIoT NAS PDU and print the result; with keys, offload mode: the PDU is plain "
		"and the kernel protects it (admin)",
		cmd_command_send);
AIOTCTL_COMMAND(cmd_read, "command", "read",
		"INDEX device ID OFFSET LENGTH (k-aiotf HEX | k-enc HEX k-int HEX) [cipher 0|1] [nowait]",
		"offload mode: read user memory; the kernel protects the request with the keys "
		"and verifies the response (admin)", cmd_command_read);
AIOTCTL_COMMAND(cmd_write, "command", "write",
		"INDEX device ID OFFSET HEX (k-aiotf HEX | k-enc HEX k-int HEX) [cipher 0|1] [nowait]",
		"offload mode: write user memory (admin)", cmd_command_write);
AIOTCTL_COMMAND(cmd_disable, "command", "disable",
		"INDEX device ID (k-aiotf HEX | k-enc HEX k-int HEX) [cipher 0|1] [nowait]",
		"offload mode: disable the device for good (admin)", cmd_command_disable);
AIOTCTL_COMMAND(sec_set, "secctx", "set",
		"INDEX device ID (k-aiotf HEX | k-enc HEX k-int HEX) [cipher 0|1]",
		"install a device's security context: offload mode for its next command (admin)",
		cmd_secctx_set);
AIOTCTL_COMMAND(sec_del, "secctx", "del", "INDEX device ID",
		"delete a device's security context (admin)", cmd_secctx_del);
AIOTCTL_COMMAND(monitor, "monitor", NULL, "[count N]",
		"print the family's events as they come", cmd_monitor);
