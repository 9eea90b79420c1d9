// SPDX-License-Identifier: GPL-2.0
/*
 * aiotctl hwsim: the simulated front end. Readers, device populations and
 * the medium over the generic netlink family aiot_hwsim
 * (Documentation/netlink/specs/aiot_hwsim.yaml); fault injection and the
 * capture of the frames on the air (monitor) through its debugfs files
 * (Documentation/hwsim.rst).
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <netlink/netlink.h>
#include <netlink/genl/genl.h>
#include <json-c/json.h>

#include <linux/magic.h>
#include <linux/aiot_hwsim.h>
#include <aiot/hwsim_values.h>
#include "aiot_nl.h"
#include "aiotctl.h"

static const struct aiotctl_family hwsim = {
	.name = AIOT_HWSIM_GENL_NAME,
	.module = "aiot_hwsim",
	.reader_attr = AIOT_HWSIM_ATTR_READER_INDEX,
	.json = aiotctl_hwsim_msg_json,
};

/* The longest identity, bits (ID_MAX_BITS, a kernel-side header) */
#define ID_MAX_BITS	128

static const struct aiotctl_kw no_kws[] = { { NULL, 0, 0, 0 } };

/* INDEX and keywords: a request, acknowledged or answered (@print). */
static int request(struct aiotctl_ctx *ctx, int argc, char **argv, unsigned char cmd,
		   const struct aiotctl_kw *kws, const char *syn, const char *what,
		   bool dump, bool print)
{
	struct aiot_nl nl;
	struct nl_msg *msg;
	int st;

	msg = aiotctl_build(&nl, &hwsim, cmd, argc, argv, kws, syn, NULL, NULL, &st);
	if (!msg)
		return st;
	if (dump)
		nlmsg_hdr(msg)->nlmsg_flags |= NLM_F_DUMP;
	return aiotctl_run(ctx, &nl, &hwsim, msg, what, dump, print);
}

/* The keywords @need (NULL-ended) are all among the pairs after INDEX. */
static int required(int argc, char **argv, const char *const *need, const char *syn)
{
	int i;

	for (; *need; need++) {
		for (i = 1; i < argc; i += 2)
			if (!strcmp(argv[i], *need))
				break;
		if (argc >= 1 && i >= argc) {
			aiotctl_err("'%s' is missing; usage: aiotctl %s", *need, syn);
			return -1;
		}
	}
	return 0;
}

/* ---- Readers ------------------------------------------------------------ */

static int reader_index_cb(struct nl_msg *msg, void *arg)
{
	struct nlattr *tb[AIOT_HWSIM_ATTR_MAX + 1];

	if (genlmsg_parse(nlmsg_hdr(msg), 0, tb, AIOT_HWSIM_ATTR_MAX, NULL) >= 0 &&
	    tb[AIOT_HWSIM_ATTR_READER_INDEX])
		*(long long *)arg = nla_get_u32(tb[AIOT_HWSIM_ATTR_READER_INDEX]);
	return NL_OK;
}

/*
 * With destroy-on-close the reader lives as long as the socket that made
 * it: aiotctl keeps it open until SIGINT, SIGTERM or SIGHUP.
 */
static int cmd_reader_add(struct aiotctl_ctx *ctx, int argc, char **argv)
{
	const char *syn = "hwsim reader add [destroy-on-close]";
	bool hold = false;
	long long idx = -1;
	struct aiot_nl nl;
	struct nl_msg *msg;
	char why[256];
	sigset_t sigs;
	int st, sig;

	if (argc > 1)
		return aiotctl_usage(syn);
	if (argc == 1) {
		if (strcmp(argv[0], "destroy-on-close")) {
			aiotctl_err("unknown word '%s'; usage: aiotctl %s", argv[0], syn);
			return AIOTCTL_EXIT_USAGE;
		}
		hold = true;
	}
	st = aiotctl_open(&nl, &hwsim);
	if (st)
		return st;
	msg = aiot_nl_msg(&nl, AIOT_HWSIM_CMD_NEW_READER, 0);
	if (!msg)
		return aiot_nl_close(&nl), AIOTCTL_EXIT_FAIL;
	if (hold) {
		nla_put_flag(msg, AIOT_HWSIM_ATTR_DESTROY_ON_CLOSE);
		/* from now on: a signal that comes early is not lost */
		sigemptyset(&sigs);
		sigaddset(&sigs, SIGINT);
		sigaddset(&sigs, SIGTERM);
		sigaddset(&sigs, SIGHUP);
		sigprocmask(SIG_BLOCK, &sigs, NULL);
	}
	st = aiot_nl_talk(&nl, msg, reader_index_cb, &idx, why, sizeof(why));
	if (st || idx < 0) {
		aiotctl_err("hwsim reader add failed: %s", st ? why : "no reader index in the reply");
		aiot_nl_close(&nl);
		return AIOTCTL_EXIT_FAIL;
	}
	if (ctx->json)
		printf("{\"reader_index\":%lld}\n", idx);
	else
		printf("reader_index %lld\n", idx);
	fflush(stdout);
	if (hold)
		sigwait(&sigs, &sig);
	aiot_nl_close(&nl);
	return AIOTCTL_EXIT_OK;
}

static int cmd_reader_del(struct aiotctl_ctx *ctx, int argc, char **argv)
{
	return request(ctx, argc, argv, AIOT_HWSIM_CMD_DEL_READER, no_kws,
		       "hwsim reader del INDEX", "hwsim reader del", false, false);
}

static int cmd_reader_list(struct aiotctl_ctx *ctx, int argc, char **argv)
{
	struct aiot_nl nl;
	struct nl_msg *msg;
	int st;

	(void)argv;
	if (argc)
		return aiotctl_usage("hwsim reader list");
	st = aiotctl_open(&nl, &hwsim);
	if (st)
		return st;
	msg = aiot_nl_msg(&nl, AIOT_HWSIM_CMD_GET_READER, NLM_F_DUMP);
	if (!msg)
		return aiot_nl_close(&nl), AIOTCTL_EXIT_FAIL;
	return aiotctl_run(ctx, &nl, &hwsim, msg, "hwsim reader list", true, true);
}

static int cmd_reader_show(struct aiotctl_ctx *ctx, int argc, char **argv)
{
	const char *syn = "hwsim reader show INDEX";

	if (argc > 1)
		return aiotctl_usage(syn);
	return request(ctx, argc, argv, AIOT_HWSIM_CMD_GET_READER, no_kws, syn,
		       "hwsim reader show", false, true);
}

/* ---- Devices -------------------------------------------------------------- */

static int cmd_add_devices(struct aiotctl_ctx *ctx, int argc, char **argv)
{
	static const struct aiotctl_kw kws[] = {
		{ "count", AIOT_HWSIM_ATTR_COUNT, 32, AIOT_HWSIM_MAX_DEVICES },
		{ "id", AIOT_HWSIM_ATTR_ID, 'h', 0 },
		{ "bits", AIOT_HWSIM_ATTR_ID_BITS, 8, ID_MAX_BITS },
		{ "seed", AIOT_HWSIM_ATTR_KEY_SEED, 'h', 0 },
		{ "policy", AIOT_HWSIM_ATTR_POLICY, 8, AIOT_HWSIM_POLICY_AS_INDICATION_CAUSE },
		{ "profile", AIOT_HWSIM_ATTR_SEC_PROFILE, 8, AIOT_HWSIM_SEC_PROFILE_SOLUTION_9 },
		{ "config", AIOT_HWSIM_ATTR_SEC_CONFIG, 32, UINT32_MAX },
		{ NULL, 0, 0, 0 }
	};
	static const char *const need[] = { "count", "id", "bits", "seed", NULL };
	const char *syn = "hwsim add-devices INDEX count N id HEX bits N seed HEX [policy N] "
			  "[profile N] [config N]";

	if (required(argc, argv, need, syn))
		return AIOTCTL_EXIT_USAGE;
	return request(ctx, argc, argv, AIOT_HWSIM_CMD_ADD_DEVICES, kws, syn,
		       "hwsim add-devices", false, false);
}

static int cmd_set_device(struct aiotctl_ctx *ctx, int argc, char **argv)
{
	static const struct aiotctl_kw kws[] = {
		{ "id", AIOT_HWSIM_ATTR_ID, 'h', 0 },
		{ "bits", AIOT_HWSIM_ATTR_ID_BITS, 8, ID_MAX_BITS },
		{ "mem", AIOT_HWSIM_ATTR_MEM, 'h', 0 },
		{ "offset", AIOT_HWSIM_ATTR_MEM_OFFSET, 16, AIOT_HWSIM_USER_MEM_MAX - 1 },
		{ "policy", AIOT_HWSIM_ATTR_POLICY, 8, AIOT_HWSIM_POLICY_AS_INDICATION_CAUSE },
		{ "energy", AIOT_HWSIM_ATTR_ENERGY, 32, UINT32_MAX },
		{ "config", AIOT_HWSIM_ATTR_SEC_CONFIG, 32, UINT32_MAX },
		{ "counter", AIOT_HWSIM_ATTR_SEC_COUNTER, 32, UINT32_MAX },
		{ NULL, 0, 0, 0 }
	};
	static const char *const need[] = { "id", "bits", NULL };
	const char *syn = "hwsim set-device INDEX id HEX bits N [mem HEX [offset N]] [policy N] "
			  "[energy NJ] [config N] [counter N]";

	if (required(argc, argv, need, syn))
		return AIOTCTL_EXIT_USAGE;
	return request(ctx, argc, argv, AIOT_HWSIM_CMD_SET_DEVICE, kws, syn,
		       "hwsim set-device", false, false);
}

static int cmd_devices(struct aiotctl_ctx *ctx, int argc, char **argv)
{
	const char *syn = "hwsim devices INDEX";

	if (argc > 1)
		return aiotctl_usage(syn);
	return request(ctx, argc, argv, AIOT_HWSIM_CMD_GET_DEVICE, no_kws, syn,
		       "hwsim devices", true, true);
}

static int cmd_clear_devices(struct aiotctl_ctx *ctx, int argc, char **argv)
{
	return request(ctx, argc, argv, AIOT_HWSIM_CMD_CLEAR_DEVICES, no_kws,
		       "hwsim clear-devices INDEX", "hwsim clear-devices", false, false);
}

/* ---- The medium ----------------------------------------------------------- */

static int cmd_medium(struct aiotctl_ctx *ctx, int argc, char **argv)
{
	static const struct aiotctl_kw kws[] = {
		{ "ber-ppm", AIOT_HWSIM_ATTR_BER_PPM, 32, AIOT_HWSIM_BER_PPM_MAX },
		{ "capture", AIOT_HWSIM_ATTR_CAPTURE, 'o', 0 },
		{ "paced", AIOT_HWSIM_ATTR_PACED, 'o', 0 },
		{ "seed", AIOT_HWSIM_ATTR_SEED, 64, 0 },
		{ NULL, 0, 0, 0 }
	};
	const char *syn = "hwsim medium INDEX [ber-ppm N] [capture on|off] [paced on|off] [seed N]";
	unsigned long idx;

	if (argc == 1) {
		if (aiotctl_parse_uint("reader index", argv[0], UINT32_MAX, &idx))
			return AIOTCTL_EXIT_USAGE;
		aiotctl_err("nothing to set: give ber-ppm, capture, paced or seed; usage: aiotctl %s",
			    syn);
		return AIOTCTL_EXIT_USAGE;
	}
	return request(ctx, argc, argv, AIOT_HWSIM_CMD_SET_MEDIUM, kws, syn, "hwsim medium",
		       false, false);
}

/* ---- Faults, through debugfs ---------------------------------------------- */

static const struct fault {
	const char *word;	/* on the command line */
	const char *file;	/* in aiot_hwsim/aiotN/ */
	int arg;		/* 'n' count, 'u' microseconds, 'i' identity, 0 none */
} faults[] = {
	{ "drop", "drop_next", 'n' },
	{ "drop-msg3", "drop_msg3", 'n' },
	{ "corrupt", "corrupt_next", 'n' },
	{ "delay", "delay_next_us", 'u' },
	{ "kill-energy", "kill_energy", 'i' },
	{ "unplug", "unplug", 0 },
};

#define FAULT_SYN "hwsim fault INDEX drop|drop-msg3|corrupt COUNT | delay US | kill-energy ID | " \
	"unplug"

/*
 * kill_energy's format: a number in hex, its length in bits after a '/'
 * (default: 4 per digit). The kernel keeps the low bits of a number longer
 * than its length; here that is a usage error.
 */
static int check_identity(const char *s)
{
	const char *slash = strchr(s, '/');
	size_t digits = slash ? (size_t)(slash - s) : strlen(s), i, lead = 0;
	unsigned long bits = digits * 4, need;
	int top;

	for (i = 0; i < digits; i++)
		if (!isxdigit((unsigned char)s[i]))
			break;
	if (!digits || i < digits || digits > ID_MAX_BITS / 4) {
		aiotctl_err("identity '%s' is not 1 to %d hex digits, optionally /BITS",
			    s, ID_MAX_BITS / 4);
		return -1;
	}
	if (slash && aiotctl_parse_uint("identity length in bits", slash + 1,
					ID_MAX_BITS, &bits))
		return -1;
	if (!bits) {
		aiotctl_err("identity length 0: give 1 to %d bits", ID_MAX_BITS);
		return -1;
	}
	while (lead < digits && s[lead] == '0')
		lead++;
	need = 0;
	if (lead < digits) {
		top = s[lead] <= '9' ? s[lead] - '0' : (s[lead] | 0x20) - 'a' + 10;
		need = (digits - lead - 1) * 4 + (top >= 8 ? 4 : top >= 4 ? 3 : top >= 2 ? 2 : 1);
	}
	if (need > bits) {
		aiotctl_err("identity %.*s does not fit %lu bits", (int)digits, s, bits);
		return -1;
	}
	return 0;
}

/* Why @path (aiot_hwsim/aiotN/@file under @root) cannot be opened; the exit status. */
static int fault_open_failed(const char *root, unsigned long idx, const char *file,
			     const char *path, int err)
{
	char dir[PATH_MAX];
	struct statfs sf;
	struct stat st;

	if (err != ENOENT) {
		aiotctl_err("cannot open %s: %s%s", path, strerror(err),
			    err == EACCES || err == EPERM ? " (debugfs is for root)" : "");
		return AIOTCTL_EXIT_FAIL;
	}
	snprintf(dir, sizeof(dir), "%s/aiot_hwsim", root);
	if (stat(dir, &st)) {
		if (!statfs(root, &sf) && sf.f_type == DEBUGFS_MAGIC) {
			aiotctl_err("%s does not exist: debugfs is mounted at %s but has no aiot_hwsim "
				    "directory, the aiot_hwsim module is not loaded (run 'modprobe "
				    "aiot_hwsim' as root)", path, root);
			return AIOTCTL_EXIT_NOFAMILY;
		}
		aiotctl_err("%s does not exist: debugfs is not mounted at %s; mount it with "
			    "'mount -t debugfs none %s'", path, root, root);
		return AIOTCTL_EXIT_FAIL;
	}
	snprintf(dir, sizeof(dir), "%s/aiot_hwsim/aiot%lu", root, idx);
	if (stat(dir, &st))
		aiotctl_err("%s does not exist: aiot_hwsim has no reader aiot%lu "
			    "('aiotctl hwsim reader list' lists them)", path, idx);
	else
		aiotctl_err("%s does not exist: this aiot_hwsim has no '%s' %s", path, file,
			    strcmp(file, "monitor") ? "fault" : "capture");
	return AIOTCTL_EXIT_FAIL;
}

/* Where debugfs is: $AIOT_DEBUGFS or /sys/kernel/debug. */
static const char *debugfs_root(void)
{
	const char *root = getenv("AIOT_DEBUGFS");

	return root && *root ? root : "/sys/kernel/debug";
}

/*
 * Write @val to aiot_hwsim/aiot@idx/@file: 0, or the exit status after a
 * sentence on why it cannot be opened (*werr 0), or AIOTCTL_EXIT_FAIL with
 * the write's errno in *werr, for the caller to say.
 */
static int debugfs_put(unsigned long idx, const char *file, const char *val,
		       char *path, size_t size, int *werr)
{
	const char *root = debugfs_root();
	size_t len = strlen(val);
	ssize_t n;
	int fd, err = 0;

	*werr = 0;
	snprintf(path, size, "%s/aiot_hwsim/aiot%lu/%s", root, idx, file);
	fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC);
	if (fd < 0)
		return fault_open_failed(root, idx, file, path, errno);
	n = write(fd, val, len);
	if (n < 0)
		err = errno;
	else if ((size_t)n != len)
		err = EIO;
	if (close(fd) && !err)
		err = errno;
	*werr = err;
	return err ? AIOTCTL_EXIT_FAIL : AIOTCTL_EXIT_OK;
}

static int cmd_fault(struct aiotctl_ctx *ctx, int argc, char **argv)
{
	char path[PATH_MAX], val[64];
	const struct fault *f = NULL;
	unsigned long idx, v;
	size_t i;
	int st, err;

	(void)ctx;
	if (argc < 2)
		return aiotctl_usage(FAULT_SYN);
	if (aiotctl_parse_uint("reader index", argv[0], UINT32_MAX, &idx))
		return AIOTCTL_EXIT_USAGE;
	for (i = 0; i < sizeof(faults) / sizeof(faults[0]); i++)
		if (!strcmp(argv[1], faults[i].word))
			f = &faults[i];
	if (!f) {
		aiotctl_err("unknown fault '%s'; usage: aiotctl %s", argv[1], FAULT_SYN);
		return AIOTCTL_EXIT_USAGE;
	}
	if (argc != (f->arg ? 3 : 2)) {
		if (argc < 3)
			aiotctl_err("'%s' needs a value; usage: aiotctl %s", argv[1], FAULT_SYN);
		else
			aiotctl_err("unknown word '%s'; usage: aiotctl %s", argv[f->arg ? 3 : 2],
				    FAULT_SYN);
		return AIOTCTL_EXIT_USAGE;
	}
	switch (f->arg) {
	case 'n':	/* an atomic_t: the count of the next frames */
		if (aiotctl_parse_uint(f->word, argv[2], INT_MAX, &v))
			return AIOTCTL_EXIT_USAGE;
		snprintf(val, sizeof(val), "%lu\n", v);
		break;
	case 'u':
		if (aiotctl_parse_uint("delay in microseconds", argv[2], AIOT_HWSIM_DELAY_MAX_US, &v))
			return AIOTCTL_EXIT_USAGE;
		snprintf(val, sizeof(val), "%lu\n", v);
		break;
	case 'i':
		if (check_identity(argv[2]))
			return AIOTCTL_EXIT_USAGE;
		snprintf(val, sizeof(val), "%s\n", argv[2]);
		break;
	default:
		snprintf(val, sizeof(val), "1\n");
	}
	st = debugfs_put(idx, f->file, val, path, sizeof(path), &err);
	if (err == ENOENT && f->arg == 'i') {
		aiotctl_err("hwsim fault: reader aiot%lu has no device %s", idx, argv[2]);
		return AIOTCTL_EXIT_FAIL;
	}
	if (err) {
		val[strlen(val) - 1] = 0;
		aiotctl_err("hwsim fault: writing '%s' to %s failed: %s", val, path, strerror(err));
	}
	return st;
}

/* ---- The capture: the monitor ring ---------------------------------------- */

#define CAPTURE_SYN "hwsim capture INDEX start [FRAMES] | stop | show"

/* The monitor file, decoded frame by frame: header line (text only), frames. */
static int capture_show(struct aiotctl_ctx *ctx, unsigned long idx)
{
	const char *root = debugfs_root();
	unsigned long long captured, overwritten;
	char path[PATH_MAX], *line = NULL;
	unsigned int ring, lineno = 1, bad = 0;
	size_t cap = 0;
	int err = 0;
	FILE *f;

	snprintf(path, sizeof(path), "%s/aiot_hwsim/aiot%lu/monitor", root, idx);
	f = fopen(path, "re");
	if (!f)
		return fault_open_failed(root, idx, "monitor", path, errno);
	if (getline(&line, &cap, f) < 0 ||
	    sscanf(line, "# ring %u captured %llu overwritten %llu", &ring, &captured,
		   &overwritten) != 3) {
		err = ferror(f) ? errno : 0;
		aiotctl_err("%s: %s", path, err ? strerror(err) :
			    "no '# ring N captured N overwritten N' header line");
		free(line);
		fclose(f);
		return AIOTCTL_EXIT_FAIL;
	}
	if (!ctx->json)
		printf("# ring %u captured %llu overwritten %llu\n", ring, captured, overwritten);
	while (getline(&line, &cap, f) >= 0) {
		lineno++;
		if (aiotctl_capture_line(ctx, line)) {
			line[strcspn(line, "\n")] = 0;
			aiotctl_err("%s, line %u: not 'SEQ TIME R2D|D2R BITS HEX': '%.80s'",
				    path, lineno, line);
			bad++;
		}
	}
	err = ferror(f) ? errno : 0;
	free(line);
	fclose(f);
	if (err) {
		aiotctl_err("reading %s: %s", path, strerror(err));
		return AIOTCTL_EXIT_FAIL;
	}
	fflush(stdout);
	return bad ? AIOTCTL_EXIT_FAIL : AIOTCTL_EXIT_OK;
}

static int cmd_capture(struct aiotctl_ctx *ctx, int argc, char **argv)
{
	unsigned long idx, frames = 4096;
	char path[PATH_MAX], val[32];
	int st, err;

	if (argc < 2)
		return aiotctl_usage(CAPTURE_SYN);
	if (aiotctl_parse_uint("reader index", argv[0], UINT32_MAX, &idx))
		return AIOTCTL_EXIT_USAGE;
	if (!strcmp(argv[1], "show") || !strcmp(argv[1], "stop")) {
		if (argc > 2) {
			aiotctl_err("unknown word '%s'; usage: aiotctl %s", argv[2], CAPTURE_SYN);
			return AIOTCTL_EXIT_USAGE;
		}
		if (argv[1][1] == 'h')
			return capture_show(ctx, idx);
		frames = 0;
	} else if (!strcmp(argv[1], "start")) {
		if (argc > 3) {
			aiotctl_err("unknown word '%s'; usage: aiotctl %s", argv[3], CAPTURE_SYN);
			return AIOTCTL_EXIT_USAGE;
		}
		if (argc == 3 && aiotctl_parse_uint("frames", argv[2],
						    AIOT_HWSIM_MONITOR_MAX_FRAMES, &frames))
			return AIOTCTL_EXIT_USAGE;
		if (!frames) {
			aiotctl_err("frames 0: give 1 to %u frames ('hwsim capture INDEX stop' "
				    "stops)", AIOT_HWSIM_MONITOR_MAX_FRAMES);
			return AIOTCTL_EXIT_USAGE;
		}
	} else {
		aiotctl_err("unknown word '%s'; usage: aiotctl %s", argv[1], CAPTURE_SYN);
		return AIOTCTL_EXIT_USAGE;
	}
	snprintf(val, sizeof(val), "%lu\n", frames);
	st = debugfs_put(idx, "monitor", val, path, sizeof(path), &err);
	if (err)
		aiotctl_err("hwsim capture: writing '%lu' to %s failed: %s", frames, path,
			    strerror(err));
	return st;
}

AIOTCTL_COMMAND(hwsim_reader_add, "hwsim", "reader add", "[destroy-on-close]",
		"create a simulated reader, print its index; with destroy-on-close, it lives "
		"until aiotctl gets SIGINT, SIGTERM or SIGHUP (admin)", cmd_reader_add);
AIOTCTL_COMMAND(hwsim_reader_del, "hwsim", "reader del", "INDEX",
		"destroy a simulated reader (admin)", cmd_reader_del);
AIOTCTL_COMMAND(hwsim_reader_list, "hwsim", "reader list", "",
		"the simulated readers: device count, medium, counters", cmd_reader_list);
AIOTCTL_COMMAND(hwsim_reader_show, "hwsim", "reader show", "INDEX",
		"one simulated reader", cmd_reader_show);
AIOTCTL_COMMAND(hwsim_add, "hwsim", "add-devices",
		"INDEX count N id HEX bits N seed HEX [policy N]",
		"add a population of simulated devices to an aiot_hwsim reader (admin)",
		cmd_add_devices);
AIOTCTL_COMMAND(hwsim_set, "hwsim", "set-device",
		"INDEX id HEX bits N [mem HEX [offset N]] [policy N] [energy NJ]",
		"override one simulated device: user memory, policy, energy (admin)",
		cmd_set_device);
AIOTCTL_COMMAND(hwsim_devices, "hwsim", "devices", "INDEX",
		"the simulated devices of a reader: identity, state, RSSI, energy, counters",
		cmd_devices);
AIOTCTL_COMMAND(hwsim_clear, "hwsim", "clear-devices", "INDEX",
		"remove every simulated device of a reader (admin)", cmd_clear_devices);
AIOTCTL_COMMAND(hwsim_medium, "hwsim", "medium",
		"INDEX [ber-ppm N] [capture on|off] [paced on|off] [seed N]",
		"set a simulated reader's medium; what is not given stays (admin)", cmd_medium);
AIOTCTL_COMMAND(hwsim_fault, "hwsim", "fault",
		"INDEX drop|drop-msg3|corrupt COUNT | delay US | kill-energy ID | unplug",
		"inject a fault through debugfs (/sys/kernel/debug/aiot_hwsim/aiotN; root)",
		cmd_fault);
AIOTCTL_COMMAND(hwsim_capture, "hwsim", "capture", "INDEX start [FRAMES] | stop | show",
		"capture the frames on the air into a ring of FRAMES (default 4096), stop and "
		"free it, or print the capture decoded frame by frame (debugfs monitor; root)",
		cmd_capture);
