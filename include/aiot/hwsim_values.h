/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * aiot_hwsim values: every number of the simulated front end and its
 * simulated devices that no specification gives. All of them are project
 * values of aiot_hwsim (a simulator, not a device): a change here changes
 * the simulation and nothing else. Documentation/hwsim.rst has the table.
 *
 * Only preprocessor constants: the file is valid C for the kernel and for
 * userspace (test programs and the AIOTF simulator reproduce the key rule).
 */
#ifndef _AIOT_HWSIM_VALUES_H
#define _AIOT_HWSIM_VALUES_H

/* ---- Limits ---------------------------------------------------------------- */

/* Simulated readers at once (project value of aiot_hwsim) */
#define AIOT_HWSIM_MAX_READERS		64
/* Devices on one simulated reader (project value of aiot_hwsim) */
#define AIOT_HWSIM_MAX_DEVICES		1000000
/* Longest population key seed, octets (project value of aiot_hwsim) */
#define AIOT_HWSIM_SEED_MAX_LEN		64
/*
 * User memory of a simulated device, octets: the default, and the most a
 * population may ask for (project values of aiot_hwsim). The largest is
 * more than one AIoT NAS message can read or write at once, so that long
 * commands and responses travel in several segments.
 */
#define AIOT_HWSIM_USER_MEM_LEN		64
#define AIOT_HWSIM_USER_MEM_MAX		256

/*
 * Radio limits of a simulated reader (project values of aiot_hwsim): any
 * transmit power from 0 to 36 dBm, one antenna port, data rates from
 * 1 kbit/s to 1 Mbit/s. A new reader starts at 30 dBm and the rates of
 * <aiot/air_values.h>.
 */
#define AIOT_HWSIM_TX_POWER_MIN_MBM	0
#define AIOT_HWSIM_TX_POWER_MAX_MBM	3600
#define AIOT_HWSIM_TX_POWER_MBM		3000
#define AIOT_HWSIM_RATE_MIN_BPS		1000
#define AIOT_HWSIM_RATE_MAX_BPS		1000000

/* ---- Key rule ---------------------------------------------------------------- */

/*
 * K_AIoT_root of a simulated device (project value of aiot_hwsim):
 *
 *   K_AIoT_root = the first AIOT_K_ROOT_LEN octets of
 *                 HMAC-SHA-256(key = population key seed,
 *                              data = label | id_bits | ID)
 *
 * label = the AIOT_HWSIM_KEY_LABEL_LEN octets of AIOT_HWSIM_KEY_LABEL (no
 * NUL), id_bits = the identity length in bits (one octet), ID = the
 * identity, MSB first, ceil(id_bits / 8) octets, padded with zero bits at
 * the end (as the AIoT NAS Inventory Response carries it).
 */
#define AIOT_HWSIM_KEY_LABEL		"aiot-hwsim-key"
#define AIOT_HWSIM_KEY_LABEL_LEN	14

/* ---- Link model ---------------------------------------------------------------- */

/*
 * One-way path loss between the reader and a device, in mB (1/100 dB):
 * uniform over [MIN, MAX] by a hash of the device's identity, so that a
 * device has the same link in every run (project values of aiot_hwsim).
 * The D2R signal is backscattered or sent with little power: its RSSI is
 * the reader's transmit power minus twice the path loss minus
 * AIOT_HWSIM_D2R_LOSS_MB.
 */
#define AIOT_HWSIM_PATHLOSS_MIN_MB	3000
#define AIOT_HWSIM_PATHLOSS_MAX_MB	5000
#define AIOT_HWSIM_D2R_LOSS_MB		1000

/*
 * Capture effect: of two or more D2R frames in one window, the strongest
 * is received when its RSSI is at least this far above every other one
 * (project value of aiot_hwsim).
 */
#define AIOT_HWSIM_CAPTURE_MARGIN_MB	600

/* Highest bit error rate, parts per million: every bit flipped */
#define AIOT_HWSIM_BER_PPM_MAX		1000000

/* ---- Energy model ---------------------------------------------------------------- */

/*
 * Energy a device spends, nJ (project values of aiot_hwsim, in the range
 * TR 38.848 discusses for devices with storage: microwatts while
 * receiving, tens of microwatts while transmitting, nanojoules per AES
 * block): receiving one R2D bit while it takes part in a procedure,
 * sending one D2R bit, one AES block (128-NIA2, 128-NEA2), one HMAC-SHA-256
 * key derivation.
 */
#define AIOT_HWSIM_E_RX_BIT_NJ		100
#define AIOT_HWSIM_E_TX_BIT_NJ		1000
#define AIOT_HWSIM_E_AES_BLOCK_NJ	10
#define AIOT_HWSIM_E_KDF_NJ		200
/* Budget given as "unlimited": the device never runs out */
#define AIOT_HWSIM_ENERGY_UNLIMITED	0xffffffffU

/* ---- Faults ---------------------------------------------------------------- */

/* Longest delay of a D2R report that debugfs delay_next_us accepts, us */
#define AIOT_HWSIM_DELAY_MAX_US		2000000

/*
 * Largest capture ring of debugfs monitor, frames (project value of
 * aiot_hwsim): at about 200 octets a frame, 13 MB at most per reader.
 */
#define AIOT_HWSIM_MONITOR_MAX_FRAMES	65536

#endif /* _AIOT_HWSIM_VALUES_H */
