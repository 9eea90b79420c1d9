// SPDX-License-Identifier: GPL-2.0
/*
 * The association with the AIOTF: connect (SCTP one-to-one, or TCP), Setup,
 * then requests in and reports out. Reports go out oldest first, at most
 * `window` of them unacknowledged; after a reconnection every report not
 * yet acknowledged goes out again. Reconnection backs off exponentially,
 * with jitter, between reconnect-min-ms and reconnect-max-ms.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/timerfd.h>

#include "bridge.h"

enum link_state { DOWN, CONNECTING, SETTING_UP, UP };

static const struct config *cfg;
static int state = DOWN;
static int sock = -1, timer = -1, epfd = -1;
static int proto;
static struct sockaddr_storage addr;
static unsigned int addrlen;
static unsigned int backoff_ms;
static uint64_t sent_upto;		/* highest report id sent on this association */
static unsigned int in_flight;
static uint64_t setup_txn;
static struct aiot_ap_rx rx;
static time_t last_expire;

void link_set_epoll(int fd)
{
	epfd = fd;
}

static void arm(unsigned int ms)
{
	struct itimerspec its = {
		.it_value = { .tv_sec = ms / 1000, .tv_nsec = (ms % 1000) * 1000000L + 1 },
	};

	timerfd_settime(timer, 0, &its, NULL);
}

static void drop(const char *why)
{
	unsigned int ms;

	if (sock >= 0) {
		epoll_ctl(epfd, EPOLL_CTL_DEL, sock, NULL);
		close(sock);
		sock = -1;
	}
	if (state == UP || state == SETTING_UP)
		log_warn("AIOTF link down: %s; %ld reports wait in the journal", why,
			 journal_pending());
	else
		log_debug("AIOTF not reachable: %s", why);
	state = DOWN;
	rx.have = 0;
	in_flight = 0;
	sent_upto = 0;
	/* backoff with +-20% jitter */
	ms = backoff_ms + (backoff_ms ? (unsigned int)(random() % (backoff_ms * 2 / 5 + 1)) : 0) -
	     backoff_ms / 5;
	arm(ms);
	backoff_ms = backoff_ms * 2 > cfg->reconnect_max_ms ? cfg->reconnect_max_ms :
		     backoff_ms * 2;
}

static int send_msg(const uint8_t *p, size_t len)
{
	if (sock < 0)
		return -1;
	if (aiot_ap_send(sock, p, len)) {
		drop(strerror(errno));
		return -1;
	}
	return 0;
}

static void connect_now(void)
{
	char err[256];
	int one = 1, fl;

	sock = aiot_ap_socket(addr.ss_family, proto, err, sizeof(err));
	if (sock < 0) {
		log_err("%s", err);
		drop("no socket");
		return;
	}
	if (proto == IPPROTO_TCP) {
		int idle = 10, intvl = 5, cnt = 3;

		setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
		setsockopt(sock, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof(one));
		setsockopt(sock, IPPROTO_TCP, TCP_KEEPIDLE, &idle, sizeof(idle));
		setsockopt(sock, IPPROTO_TCP, TCP_KEEPINTVL, &intvl, sizeof(intvl));
		setsockopt(sock, IPPROTO_TCP, TCP_KEEPCNT, &cnt, sizeof(cnt));
	}
	fl = fcntl(sock, F_GETFL);
	fcntl(sock, F_SETFL, fl | O_NONBLOCK);
	state = CONNECTING;
	if (connect(sock, (struct sockaddr *)&addr, addrlen) < 0 && errno != EINPROGRESS) {
		drop(strerror(errno));
		return;
	}
	epoll_ctl(epfd, EPOLL_CTL_ADD, sock,
		  &(struct epoll_event){ .events = EPOLLOUT | EPOLLIN, .data.fd = sock });
}

static void connected(void)
{
	struct timeval tv = { .tv_sec = 5 };
	uint8_t p[AIOT_AP_MAX_LEN];
	struct aiot_ap_buf b;
	int e = 0, fl;
	socklen_t el = sizeof(e);

	if (getsockopt(sock, SOL_SOCKET, SO_ERROR, &e, &el) < 0 || e) {
		drop(strerror(e ? e : errno));
		return;
	}
	/* sends block (at most 5 s: then the link counts as broken); reads do not */
	fl = fcntl(sock, F_GETFL);
	fcntl(sock, F_SETFL, fl & ~O_NONBLOCK);
	setsockopt(sock, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	epoll_ctl(epfd, EPOLL_CTL_MOD, sock, &(struct epoll_event){ .events = EPOLLIN,
								    .data.fd = sock });
	state = SETTING_UP;
	setup_txn = ((uint64_t)random() << 32) | (uint32_t)random();
	aiot_ap_begin(&b, p, sizeof(p), AIOT_AP_SETUP_REQUEST, setup_txn);
	aiot_ap_put_str(&b, AIOT_AP_IE_GATEWAY_ID, cfg->gateway_id);
	aiot_ap_put_u64(&b, AIOT_AP_IE_JOURNAL_EPOCH, journal_epoch());
	send_msg(p, aiot_ap_end(&b));
}

static void error_indication(const struct aiot_ap_msg *m, int cause, const char *diag)
{
	uint8_t p[AIOT_AP_MAX_LEN];
	struct aiot_ap_buf b;

	log_warn("error indication to the AIOTF: %s about %s txn %016llx: %s",
		 aiot_ap_cause_name(cause), aiot_ap_type_name(m->type),
		 (unsigned long long)m->txn, diag);
	aiot_ap_begin(&b, p, sizeof(p), AIOT_AP_ERROR_INDICATION, m->txn);
	aiot_ap_put_u16(&b, AIOT_AP_IE_CAUSE, cause);
	if (m->type)
		aiot_ap_put_u8(&b, AIOT_AP_IE_BAD_TYPE, m->type);
	aiot_ap_put_str(&b, AIOT_AP_IE_DIAG, diag);
	send_msg(p, aiot_ap_end(&b));
}

void link_send_request_ack(uint64_t txn)
{
	uint8_t p[AIOT_AP_HDR_LEN];
	struct aiot_ap_buf b;

	if (state != UP)
		return;		/* the AIOTF sends it again after the next Setup */
	aiot_ap_begin(&b, p, sizeof(p), AIOT_AP_REQUEST_ACK, txn);
	send_msg(p, aiot_ap_end(&b));
}

static int send_report(uint64_t id, uint64_t txn, uint8_t type, const uint8_t *ies,
		       size_t len, void *arg)
{
	uint8_t p[AIOT_AP_MAX_LEN];
	struct aiot_ap_buf b;
	long n;

	(void)arg;
	aiot_ap_begin(&b, p, sizeof(p), type, txn);
	aiot_ap_put_u64(&b, AIOT_AP_IE_REPORT_ID, id);
	if (b.len + len > sizeof(p)) {
		log_err("report %llu is too long; dropped", (unsigned long long)id);
		journal_ack(id);
		return 0;
	}
	memcpy(p + b.len, ies, len);
	b.len += len;
	n = aiot_ap_end(&b);
	sent_upto = id;
	in_flight++;
	return send_msg(p, n) ? 1 : 0;
}

/* Send what the journal holds, as far as the window allows. */
void link_pump(void)
{
	while (state == UP && in_flight < cfg->window) {
		int n = journal_each_pending(sent_upto, cfg->window - in_flight, send_report, NULL);

		if (n <= 0)
			break;
	}
}

static void handle(const uint8_t *p, size_t len)
{
	struct aiot_ap_msg m;
	char diag[160];
	int cause = aiot_ap_decode(p, len, &m);
	unsigned int i;

	if (cause) {
		snprintf(diag, sizeof(diag), "%s (%s, %zu octets) could not be taken: %s",
			 aiot_ap_type_name(m.type), "from the AIOTF", len,
			 aiot_ap_cause_name(cause));
		/* an Error Indication is never answered, even a broken one */
		if (m.type != AIOT_AP_ERROR_INDICATION)
			error_indication(&m, cause, diag);	/* which logs it */
		else
			log_warn("%s", diag);
		return;
	}
	if (state == SETTING_UP && m.type != AIOT_AP_SETUP_RESPONSE &&
	    m.type != AIOT_AP_ERROR_INDICATION) {
		error_indication(&m, AIOT_AP_CAUSE_NOT_SET_UP, "the Setup has not completed");
		return;
	}
	switch (m.type) {
	case AIOT_AP_SETUP_RESPONSE:
		if (state != SETTING_UP || m.txn != setup_txn) {
			error_indication(&m, AIOT_AP_CAUSE_UNEXPECTED, "no Setup Request is open");
			return;
		}
		state = UP;
		backoff_ms = cfg->reconnect_min_ms;
		log_info("AIOTF link up (%s), %ld reports to resend", cfg->aiotf, journal_pending());
		link_pump();
		break;
	case AIOT_AP_INVENTORY_REQUEST:
	case AIOT_AP_COMMAND_REQUEST:
		bridge_request(&m, p, len);
		/* the K_AIOTF of an offloaded command is in the kernel now */
		explicit_bzero((void *)p, len);
		break;
	case AIOT_AP_REPORT_ACK:
		journal_begin();
		for (i = 0; i < m.n_report_ids; i++)
			if (journal_ack(m.report_id[i]) > 0 && in_flight)
				in_flight--;
		journal_commit();
		if (time(NULL) - last_expire > 3600) {
			journal_expire();
			last_expire = time(NULL);
		}
		link_pump();
		break;
	case AIOT_AP_ERROR_INDICATION:
		log_warn("the AIOTF reports an error: %s about %s txn %016llx: %.*s",
			 aiot_ap_cause_name(m.cause), aiot_ap_type_name(m.bad_type),
			 (unsigned long long)m.txn, (int)m.diag_len, m.diag ? m.diag : "");
		break;
	default:
		snprintf(diag, sizeof(diag), "a gateway does not take %s",
			 aiot_ap_type_name(m.type));
		error_indication(&m, AIOT_AP_CAUSE_UNEXPECTED, diag);
	}
}

static void readable(void)
{
	long n = aiot_ap_rx_fill(sock, &rx), len;

	if (n == 0 || (n < 0 && errno != EAGAIN)) {
		drop(n == 0 ? "the AIOTF closed the association" : strerror(errno));
		return;
	}
	while (sock >= 0 && (len = aiot_ap_rx_next(&rx)) != 0) {
		if (len < 0) {
			log_warn("the AIOTF's stream cannot be parsed (bad header); reconnecting");
			drop("unparsable stream");
			return;
		}
		handle(rx.buf, len);
		if (sock >= 0)
			aiot_ap_rx_consume(&rx, len);
	}
}

void link_handle(int fd, uint32_t events)
{
	uint64_t x;

	if (fd == timer) {
		if (read(timer, &x, sizeof(x)) > 0 && state == DOWN)
			connect_now();
		return;
	}
	if (fd != sock)
		return;
	if (state == CONNECTING) {
		if (events & (EPOLLOUT | EPOLLERR | EPOLLHUP))
			connected();
		return;
	}
	if (events & (EPOLLIN | EPOLLERR | EPOLLHUP))
		readable();
}

int link_init(const struct config *c, char *err, size_t errlen)
{
	cfg = c;
	if (aiot_ap_parse_addr(c->aiotf, &proto, &addr, &addrlen, err, errlen))
		return -1;
	timer = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
	if (timer < 0) {
		snprintf(err, errlen, "timerfd: %s", strerror(errno));
		return -1;
	}
	srandom(time(NULL) ^ getpid());
	backoff_ms = c->reconnect_min_ms;
	epoll_ctl(epfd, EPOLL_CTL_ADD, timer,
		  &(struct epoll_event){ .events = EPOLLIN, .data.fd = timer });
	arm(0);
	return 0;
}

int link_fds(int *fds, int max)
{
	int n = 0;

	if (n < max && timer >= 0)
		fds[n++] = timer;
	if (n < max && sock >= 0)
		fds[n++] = sock;
	return n;
}

void link_close(void)
{
	if (sock >= 0)
		close(sock);
	if (timer >= 0)
		close(timer);
	sock = timer = -1;
}
