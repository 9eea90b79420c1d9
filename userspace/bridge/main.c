// SPDX-License-Identifier: GPL-2.0
/*
 * aiot-bridge [-c FILE] [-a ADDR] [-g ID] [-J JOURNAL] [-v] [-q]
 *
 * Options override the configuration file (/etc/aiot/bridge.conf unless
 * -c is given; a missing default file is not an error). Exit status: 0
 * when stopped by SIGTERM or SIGINT, 1 when it cannot run (the kernel's
 * family is missing, the journal cannot be opened), 2 for usage and
 * configuration errors.
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/epoll.h>
#include <sys/signalfd.h>

#include "bridge.h"

#define DEFAULT_CONFIG	"/etc/aiot/bridge.conf"

int log_threshold = LOG_INFO_;

void logmsg(int level, const char *fmt, ...)
{
	static const char *const tag[] = { "error", "warning", "info", "debug" };
	struct timespec ts;
	va_list ap;

	if (level > log_threshold)
		return;
	clock_gettime(CLOCK_REALTIME, &ts);
	fprintf(stderr, "aiot-bridge[%ld.%03ld] %s: ", (long)ts.tv_sec, ts.tv_nsec / 1000000,
		tag[level]);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static void usage(FILE *f)
{
	fputs("usage: aiot-bridge [-c FILE] [-a sctp:HOST[:PORT]|tcp:HOST[:PORT]] [-g GATEWAY-ID]\n"
	      "                   [-J JOURNAL] [-v] [-q]\n", f);
}

int main(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "aiotf", required_argument, NULL, 'a' },
		{ "gateway-id", required_argument, NULL, 'g' },
		{ "journal", required_argument, NULL, 'J' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *file = NULL, *set[4] = { NULL };
	int verbose = 0, quiet = 0, c, ep, sfd, rc = EXIT_STOPPED;
	struct config cfg;
	char err[512];
	sigset_t ss;

	while ((c = getopt_long(argc, argv, "c:a:g:J:vqh", lo, NULL)) != -1) {
		switch (c) {
		case 'c':
			file = optarg;
			break;
		case 'a':
			set[0] = optarg;
			break;
		case 'g':
			set[1] = optarg;
			break;
		case 'J':
			set[2] = optarg;
			break;
		case 'v':
			verbose++;
			break;
		case 'q':
			quiet++;
			break;
		case 'h':
			usage(stdout);
			return EXIT_STOPPED;
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind != argc) {
		fprintf(stderr, "aiot-bridge: unexpected argument '%s'\n", argv[optind]);
		usage(stderr);
		return EXIT_USAGE;
	}
	config_defaults(&cfg);
	if ((file || !access(DEFAULT_CONFIG, F_OK)) &&
	    config_load(&cfg, file ? file : DEFAULT_CONFIG, err, sizeof(err)))
		goto usage_err;
	if ((set[0] && config_set(&cfg, "aiotf", set[0], err, sizeof(err))) ||
	    (set[1] && config_set(&cfg, "gateway-id", set[1], err, sizeof(err))) ||
	    (set[2] && config_set(&cfg, "journal", set[2], err, sizeof(err))))
		goto usage_err;
	if (cfg.reconnect_min_ms > cfg.reconnect_max_ms) {
		snprintf(err, sizeof(err), "reconnect-min-ms is above reconnect-max-ms");
		goto usage_err;
	}
	log_threshold = cfg.log_level + verbose - quiet;
	if (log_threshold < LOG_ERR_)
		log_threshold = LOG_ERR_;

	ep = epoll_create1(EPOLL_CLOEXEC);
	link_set_epoll(ep);
	bridge_setup(&cfg);
	if (link_init(&cfg, err, sizeof(err)))
		goto usage_err;
	if (nl_open(err, sizeof(err)) ||
	    journal_open(cfg.journal, cfg.sync_full, err, sizeof(err))) {
		fprintf(stderr, "aiot-bridge: %s\n", err);
		return EXIT_RUNTIME;
	}
	sigemptyset(&ss);
	sigaddset(&ss, SIGTERM);
	sigaddset(&ss, SIGINT);
	sigaddset(&ss, SIGHUP);
	sigprocmask(SIG_BLOCK, &ss, NULL);
	signal(SIGPIPE, SIG_IGN);
	sfd = signalfd(-1, &ss, SFD_CLOEXEC | SFD_NONBLOCK);
	epoll_ctl(ep, EPOLL_CTL_ADD, sfd, &(struct epoll_event){ .events = EPOLLIN, .data.fd = sfd });
	epoll_ctl(ep, EPOLL_CTL_ADD, nl_event_fd(),
		  &(struct epoll_event){ .events = EPOLLIN, .data.fd = nl_event_fd() });

	log_info("started: gateway '%s', AIOTF %s, journal %s (epoch %016llx), %ld reports pending",
		 cfg.gateway_id, cfg.aiotf, cfg.journal, (unsigned long long)journal_epoch(),
		 journal_pending());
	journal_expire();
	bridge_recover();

	for (;;) {
		struct epoll_event evs[8];
		int n = epoll_wait(ep, evs, 8, -1), i;

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			log_err("epoll: %s", strerror(errno));
			rc = EXIT_RUNTIME;
			break;
		}
		for (i = 0; i < n; i++) {
			int fd = evs[i].data.fd;

			if (fd == sfd) {
				struct signalfd_siginfo si;

				if (read(sfd, &si, sizeof(si)) == sizeof(si) && si.ssi_signo != SIGHUP) {
					log_info("stopping on signal %u; %ld reports wait in the journal",
						 si.ssi_signo, journal_pending());
					goto out;
				}
			} else if (fd == nl_event_fd()) {
				journal_begin();
				if (nl_read_events() == -ENOBUFS)
					bridge_events_lost();
				journal_commit();
				link_pump();
			} else {
				link_handle(fd, evs[i].events);
			}
		}
	}
out:
	link_close();
	nl_close();
	journal_close();
	return rc;
usage_err:
	fprintf(stderr, "aiot-bridge: %s\n", err);
	return EXIT_USAGE;
}
