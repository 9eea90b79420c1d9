/* SPDX-License-Identifier: GPL-2.0 */
/*
 * aiot: the in-kernel API for A-IoT reader front ends.
 *
 * A front end (an SDR, a PCIe reader card, the aiot_hwsim simulator) is a
 * driver that allocates a reader, fills in its limits, registers it, and
 * then plays the radio for the aiot core: it transmits one R2D frame at a
 * time and reports what it heard in the D2R window that follows.
 * Documentation/aiot.rst describes the contract in full.
 */
#ifndef _NET_AIOT_H
#define _NET_AIOT_H

#include <linux/device.h>
#include <linux/netlink.h>
#include <linux/types.h>

struct aiot_reader;

/* Front-end capabilities (AIOT_READER_CAP_* in the uapi header). */
#define AIOT_FE_CAP_HW_CRC	BIT(0)	/* the front end adds and checks CRCs */
#define AIOT_FE_CAP_HW_CRYPTO	BIT(1)	/* AES engine on the front end */
#define AIOT_FE_CAP_HW_SLOTTING	BIT(2)	/* the front end runs slotted access */
#define AIOT_FE_CAP_ALL		(AIOT_FE_CAP_HW_CRC | AIOT_FE_CAP_HW_CRYPTO | \
				 AIOT_FE_CAP_HW_SLOTTING)

/**
 * enum aiot_rx_status - what a front end heard in one D2R window
 * @AIOT_RX_FRAME: one D2R frame was received (its CRC is good when the
 *	front end has %AIOT_FE_CAP_HW_CRC; otherwise the core checks it)
 * @AIOT_RX_EMPTY: no D2R energy in the window
 * @AIOT_RX_COLLISION: energy, but no decodable frame
 * @AIOT_RX_CRC_ERROR: a frame whose CRC failed (front ends with HW CRC)
 */
enum aiot_rx_status {
	AIOT_RX_FRAME,
	AIOT_RX_EMPTY,
	AIOT_RX_COLLISION,
	AIOT_RX_CRC_ERROR,
};

/**
 * struct aiot_rx_meta - reception metadata
 * @rssi_mbm: received signal strength, in mBm (1/100 dBm)
 * @port: antenna port the frame was received on
 * @tstamp_ns: reception time (front-end clock, ns)
 */
struct aiot_rx_meta {
	s32 rssi_mbm;
	u8 port;
	u64 tstamp_ns;
};

/**
 * struct aiot_fe_params - radio parameters of a reader
 * @tx_power_mbm: R2D transmit power, mBm
 * @port: antenna port
 * @r2d_bps: R2D data rate, bit/s
 * @d2r_bps: D2R data rate, bit/s
 */
struct aiot_fe_params {
	s32 tx_power_mbm;
	u8 port;
	u32 r2d_bps;
	u32 d2r_bps;
};

/**
 * struct aiot_fe_limits - what the front end supports; set before register
 * @tx_power_min_mbm: lowest transmit power
 * @tx_power_max_mbm: highest transmit power
 * @n_ports: number of antenna ports (at least 1)
 * @rate_min_bps: lowest R2D/D2R data rate
 * @rate_max_bps: highest R2D/D2R data rate
 */
struct aiot_fe_limits {
	s32 tx_power_min_mbm;
	s32 tx_power_max_mbm;
	u8 n_ports;
	u32 rate_min_bps;
	u32 rate_max_bps;
};

/**
 * struct aiot_fe_ops - operations of a front end
 * @start: power the RF up; called before the first @xmit of a job
 * @stop: power the RF down; no exchange is outstanding when called
 * @xmit: transmit one R2D frame of @bits bits (MSB first; with its CRC
 *	unless the front end has %AIOT_FE_CAP_HW_CRC) and listen for
 *	@window_us microseconds. Returns 0 and then calls aiot_fe_rx()
 *	exactly once with the same @cookie, from any context, possibly
 *	before @xmit returns; or returns a negative errno and does not.
 *	Never called concurrently for one reader. Process context.
 * @set_params: apply radio parameters (already checked against the
 *	limits); may refuse with an extack message. Process context.
 */
struct aiot_fe_ops {
	int (*start)(struct aiot_reader *r);
	void (*stop)(struct aiot_reader *r);
	int (*xmit)(struct aiot_reader *r, const u8 *frame, unsigned int bits,
		    unsigned int window_us, u32 cookie);
	int (*set_params)(struct aiot_reader *r,
			  const struct aiot_fe_params *params,
			  struct netlink_ext_ack *extack);
};

struct aiot_reader *aiot_reader_alloc(const struct aiot_fe_ops *ops, u32 caps,
				      size_t priv_size, struct device *parent);
int aiot_reader_register(struct aiot_reader *r);
void aiot_reader_unregister(struct aiot_reader *r);
void aiot_reader_free(struct aiot_reader *r);

void *aiot_reader_priv(struct aiot_reader *r);
int aiot_reader_index(const struct aiot_reader *r);
const char *aiot_reader_name(const struct aiot_reader *r);
void aiot_reader_set_limits(struct aiot_reader *r,
			    const struct aiot_fe_limits *limits);
void aiot_reader_set_params(struct aiot_reader *r,
			    const struct aiot_fe_params *params);

/*
 * Report the D2R window of the exchange @cookie: @status, and for
 * %AIOT_RX_FRAME the frame (@bits bits, copied before return). Any
 * context. A report for an exchange that already timed out is counted and
 * dropped.
 */
void aiot_fe_rx(struct aiot_reader *r, u32 cookie, enum aiot_rx_status status,
		const u8 *frame, unsigned int bits,
		const struct aiot_rx_meta *meta);

#endif /* _NET_AIOT_H */
