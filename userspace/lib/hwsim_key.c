// SPDX-License-Identifier: GPL-2.0
/*
 * libaiot: the K_AIoT_root of an aiot_hwsim device, by the key rule of
 * <aiot/hwsim_values.h>, so that an ADM (aiotf-sim) and the tests can
 * reproduce the keys of a simulated population.
 */
#include <errno.h>
#include <string.h>
#include <openssl/crypto.h>
#include <aiot/hwsim_values.h>

#include "aiot_sec.h"

int aiot_hwsim_k_root(const uint8_t *seed, size_t seed_len, const uint8_t *id,
		      unsigned int id_bits, uint8_t *k_root)
{
	uint8_t data[AIOT_HWSIM_KEY_LABEL_LEN + 1 + 16], out[AIOT_KDF_OUT_LEN];
	size_t idlen = (id_bits + 7) / 8;
	int err;

	if (!seed || !seed_len || seed_len > AIOT_HWSIM_SEED_MAX_LEN || !id ||
	    !id_bits || id_bits > 128 || !k_root)
		return -EINVAL;
	memcpy(data, AIOT_HWSIM_KEY_LABEL, AIOT_HWSIM_KEY_LABEL_LEN);
	data[AIOT_HWSIM_KEY_LABEL_LEN] = id_bits;
	memcpy(data + AIOT_HWSIM_KEY_LABEL_LEN + 1, id, idlen);
	err = aiot_hmac_sha256(seed, seed_len, data, AIOT_HWSIM_KEY_LABEL_LEN + 1 + idlen, out);
	if (!err)
		memcpy(k_root, out, AIOT_K_ROOT_LEN);
	OPENSSL_cleanse(out, sizeof(out));
	return err;
}
