/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Cases of the study profiles' Security Policy (kernel/profile.c), shared
 * by the KUnit suite aiot_profile (kernel/tests/profile_test.c) and the
 * userspace unit test (tests/unit/test_profile.c): each written once,
 * both suites iterate over them.  Plain C: the includer provides the
 * types, the errno values and the AIOT_SOL9_* constants.
 */
#ifndef _AIOT_PROFILE_CASES_H
#define _AIOT_PROFILE_CASES_H

/* aiot_sol9_policy_check(@cfg, @policy) returns @want */
struct aiot_pc_policy {
	u32 cfg;
	u8 policy;
	int want;
};

static const struct aiot_pc_policy aiot_pc_policy[] = {
	{ AIOT_SOL9_CFG_DEFAULT, AIOT_SOL9_POL_DEFAULT, 0 },
	/* another ID protection, no cipher, less integrity: refused */
	{ AIOT_SOL9_CFG_DEFAULT, 0x16, -EACCES },
	{ AIOT_SOL9_CFG_DEFAULT, 0x14, -EACCES },
	{ AIOT_SOL9_CFG_DEFAULT, 0x11, -EACCES },
	{ AIOT_SOL9_CFG_DEFAULT, 0x0d, -EACCES },
	{ AIOT_SOL9_CFG_DEFAULT, 0x05, -EACCES },
	{ AIOT_SOL9_CFG_DEFAULT, 0x01, -EACCES },
	/* the same without FLOOR: the message's policy rules */
	{ AIOT_SOL9_POL_DEFAULT, 0x16, 0 },
	{ AIOT_SOL9_POL_DEFAULT, 0x01, 0 },
	{ AIOT_SOL9_POL_DEFAULT, 0x00, 0 },
	/* stronger than the floor: accepted */
	{ 0x09 | AIOT_SOL9_CFG_FLOOR, 0x15, 0 },
	{ 0x09 | AIOT_SOL9_CFG_FLOOR, 0x11, 0 },
	{ 0x09 | AIOT_SOL9_CFG_FLOOR, 0x0d, 0 },
	{ 0x09 | AIOT_SOL9_CFG_FLOOR, 0x05, -EACCES },
	{ 0x00 | AIOT_SOL9_CFG_FLOOR, 0x14, 0 },
	{ 0x00 | AIOT_SOL9_CFG_FLOOR, 0x01, -EACCES },
	/* reserved values and spare bits: refused with or without FLOOR */
	{ AIOT_SOL9_CFG_DEFAULT, 0x17, -EPROTO },
	{ AIOT_SOL9_CFG_DEFAULT, 0x1d, -EPROTO },
	{ AIOT_SOL9_CFG_DEFAULT, 0x35, -EPROTO },
	{ AIOT_SOL9_CFG_DEFAULT, 0x55, -EPROTO },
	{ AIOT_SOL9_CFG_DEFAULT, 0x95, -EPROTO },
	{ AIOT_SOL9_POL_DEFAULT, 0x03, -EPROTO },
	{ AIOT_SOL9_POL_DEFAULT, 0x18, -EPROTO },
	{ AIOT_SOL9_POL_DEFAULT, 0x20, -EPROTO },
	/* a configuration that is no configuration */
	{ AIOT_SOL9_CFG_DEFAULT | 0x200, AIOT_SOL9_POL_DEFAULT, -EINVAL },
	{ 0x03 | AIOT_SOL9_CFG_FLOOR, 0x03, -EINVAL },
	{ 0x40, 0x01, -EINVAL },
};

/* every octet: 3 ID protections x 2 x 3 integrity scopes are valid */
#define AIOT_PC_POLICY_VALID		18U
/* nothing is above the default policy but itself */
#define AIOT_PC_POLICY_ABOVE_DEFAULT	1U

/*
 * A7: a rogue who knows the ID sends a Write with no ciphering and no
 * integrity, ciphered part from octet AIOT_PC_WRITE_OFF on.
 */
static const u8 aiot_pc_write[] = {
	0x00, 0x72, AIOT_SOL9_POL_IDP_PID,
	0x52, 0x00, 0x20, 0x66, 0x6f, 0x72, 0x67,
};

#define AIOT_PC_WRITE_OFF	3
#define AIOT_PC_WRITE_LEN	((unsigned int)sizeof(aiot_pc_write))

/**
 * struct aiot_pc_downgrade - one step on aiot_pc_write, in order
 * @seal: aiot_sol9_req_seal() with @policy, else aiot_sol9_req_open()
 * @cfg: the device's configuration (open)
 * @policy: the policy octet the call is given
 * @idf_bits: the paging's identity filter length
 * @len: the message's length
 * @max: the room for it (seal)
 * @want: what the call returns
 * @intact: the message is aiot_pc_write still, after the call
 *
 * FLOOR refuses the weak Write before any cryptography and leaves the
 * message alone; without it the device takes it as it is.  Then the
 * policy octet that says more than it is, a reserved value or no payload
 * from a sender, no room, a cut message, no identity filter.
 */
struct aiot_pc_downgrade {
	bool seal;
	u32 cfg;
	u8 policy;
	u8 idf_bits;
	u8 len;
	u8 max;
	int want;
	const char *intact;
};

static const struct aiot_pc_downgrade aiot_pc_downgrade[] = {
	{ false, AIOT_SOL9_CFG_DEFAULT, AIOT_SOL9_POL_IDP_PID, 32,
	  AIOT_PC_WRITE_LEN, 0, -EACCES, "refused Write" },
	{ false, AIOT_SOL9_POL_DEFAULT, AIOT_SOL9_POL_IDP_PID, 32,
	  AIOT_PC_WRITE_LEN, 0, AIOT_PC_WRITE_LEN, "accepted Write" },
	{ false, AIOT_SOL9_CFG_DEFAULT, AIOT_SOL9_POL_DEFAULT, 32,
	  AIOT_PC_WRITE_LEN, 0, -EBADMSG, NULL },
	{ true, 0, 0x1d, 32, AIOT_PC_WRITE_LEN, 64, -EINVAL, NULL },
	{ true, 0, 0x15, 32, AIOT_PC_WRITE_OFF, 64, -EINVAL, NULL },
	{ true, 0, 0x15, 32, AIOT_PC_WRITE_LEN, AIOT_PC_WRITE_LEN + 3,
	  -EMSGSIZE, NULL },
	{ false, AIOT_SOL9_CFG_DEFAULT, AIOT_SOL9_POL_DEFAULT, 32, 7, 0,
	  -EPROTO, NULL },
	{ true, 0, 0x15, 0, AIOT_PC_WRITE_LEN, 64, -EINVAL, NULL },
};

#endif /* _AIOT_PROFILE_CASES_H */
