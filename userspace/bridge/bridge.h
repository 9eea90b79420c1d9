/* SPDX-License-Identifier: GPL-2.0 */
/*
 * aiot-bridge: a reader gateway's link to the AIOTF. Requests from the
 * AIOTF (AIoT-AP) become jobs of the kernel's "aiot" family (libmnl); the
 * family's events become reports, journaled in SQLite until the AIOTF
 * acknowledges them. See aiot-bridge(8) and Documentation/aiot-ap.rst.
 */
#ifndef AIOT_BRIDGE_H
#define AIOT_BRIDGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#include "aiot_ap.h"

enum { EXIT_STOPPED, EXIT_RUNTIME, EXIT_USAGE };

enum log_level { LOG_ERR_, LOG_WARN_, LOG_INFO_, LOG_DEBUG_ };

struct config {
	char aiotf[256];		/* sctp:HOST[:PORT] or tcp:HOST[:PORT] */
	char gateway_id[65];
	char journal[512];
	bool sync_full;			/* journal-sync = full (else normal) */
	unsigned int reconnect_min_ms;
	unsigned int reconnect_max_ms;
	unsigned int window;		/* reports in flight, unacknowledged */
	unsigned int report_batch;	/* devices per kernel report event */
	unsigned int max_runs;		/* runs of one inventory request */
	int log_level;
};

void logmsg(int level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#define log_err(...)	logmsg(LOG_ERR_, __VA_ARGS__)
#define log_warn(...)	logmsg(LOG_WARN_, __VA_ARGS__)
#define log_info(...)	logmsg(LOG_INFO_, __VA_ARGS__)
#define log_debug(...)	logmsg(LOG_DEBUG_, __VA_ARGS__)
extern int log_threshold;

int config_load(struct config *c, const char *file, char *err, size_t errlen);
void config_defaults(struct config *c);
int config_set(struct config *c, const char *key, const char *value, char *err, size_t errlen);

/* ---- journal.c: the SQLite (WAL) journal ---------------------------------- */

enum req_state { REQ_QUEUED, REQ_RUNNING, REQ_DONE };

struct request {
	uint64_t txn;
	uint8_t type;			/* AIOT_AP_INVENTORY_REQUEST or _COMMAND_ */
	uint8_t msg[AIOT_AP_MAX_LEN];	/* as received, K_AIOTF taken out */
	size_t len;
	int state;
	uint32_t reader, job;
	unsigned int runs;
	bool rerun;
};

int journal_open(const char *path, bool sync_full, char *err, size_t errlen);
void journal_close(void);
uint64_t journal_epoch(void);
int journal_begin(void);
int journal_commit(void);
/* 1 when the txn is journaled (req filled in when not NULL), 0, or -1. */
int journal_get_request(uint64_t txn, struct request *req);
int journal_find_job(uint32_t reader, uint32_t job, struct request *req);
int journal_add_request(const struct request *req);
int journal_set_request(uint64_t txn, int state, uint32_t job, unsigned int runs, bool rerun);
int journal_mark_rerun_running(void);
/* Requests not done, in txn order: cb returns non-zero to stop. */
int journal_each_unfinished(int (*cb)(struct request *req, void *arg), void *arg);
/*
 * A report: the IEs after the header's REPORT_ID; dev is what tells its
 * device apart (bridge.c: the identity, or a study profile's Msg3 nonce;
 * empty for an Inventory End or a Command Response, one per request).
 * Returns 1 when added, 0 when (txn, dev) was there already.
 */
int journal_add_report(uint64_t txn, uint8_t type, const uint8_t *dev, size_t dev_len,
		       const uint8_t *ies, size_t ies_len);
long journal_count_devices(uint64_t txn);
int journal_ack(uint64_t id);
/* Unacknowledged reports with id > after, oldest first, at most max. */
int journal_each_pending(uint64_t after, unsigned int max,
			 int (*cb)(uint64_t id, uint64_t txn, uint8_t type,
				   const uint8_t *ies, size_t len, void *arg), void *arg);
long journal_pending(void);
/* Forget requests done and acknowledged more than JOURNAL_KEEP_S ago. */
#define JOURNAL_KEEP_S	(7 * 24 * 3600)
int journal_expire(void);

/* ---- nl.c: the kernel's "aiot" family ------------------------------------- */

struct nl_error {
	int err;			/* negative errno */
	char msg[256];			/* the kernel's extack message, or "" */
};

int nl_open(char *err, size_t errlen);
void nl_close(void);
int nl_event_fd(void);
int nl_start_inventory(const struct aiot_ap_msg *m, unsigned int batch, uint32_t *job,
		       struct nl_error *e);
int nl_send_command(const struct aiot_ap_msg *m, uint32_t *job, struct nl_error *e);
/* Read and dispatch the events waiting; -ENOBUFS when some were lost. */
int nl_read_events(void);

/* ---- bridge.c: what requests and events turn into ------------------------- */

void bridge_setup(struct config *c);
void bridge_request(const struct aiot_ap_msg *m, const uint8_t *raw, size_t len);
void bridge_recover(void);
/* within the caller's journal transaction */
void bridge_events_lost(void);
void bridge_inventory_report(uint32_t reader, uint32_t job, const uint8_t *nas,
			     size_t nas_len, int32_t rssi, uint32_t seq, bool has_rssi);
void bridge_inventory_done(uint32_t reader, uint32_t job, uint8_t cause, uint64_t slots,
			   uint64_t collisions, uint64_t air_us);
void bridge_command_result(uint32_t reader, uint32_t job, const struct aiot_ap_msg *r);

/* ---- link.c: the association with the AIOTF ------------------------------- */

void link_set_epoll(int fd);
int link_init(const struct config *c, char *err, size_t errlen);
/* the epoll events of the link's socket and timer */
void link_handle(int fd, uint32_t events);
int link_fds(int *fds, int max);
void link_pump(void);
void link_send_request_ack(uint64_t txn);
void link_close(void);

#endif /* AIOT_BRIDGE_H */
