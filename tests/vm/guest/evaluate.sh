# SPDX-License-Identifier: GPL-2.0
# `make evaluate` guest (eval/README, Documentation/evaluation.rst): real runs
# of aiot.ko + aiot_hwsim.ko for each population size and security profile,
# and of each integrity-failure option of seed 000. One "EVAL kind k=v ..."
# line per measurement goes to the result channel; eval/report.py on the
# host makes the tables and plots.
. /opt/guest-lib.sh
. /opt/eval.conf	# SIZES, PROFILES

SEED=e0a1000000000000000000000000000e

load_deps /opt/modules/aiot.ko
check eval_aiot_loads insmod /opt/modules/aiot.ko
check eval_hwsim_loads insmod /opt/modules/aiot_hwsim.ko readers=1

# "key":value of a one-line JSON object
jget() { sed -n 's/.*"'"$1"'":\([-0-9]*\).*/\1/p' | head -n 1; }
jstr() { sed -n 's/.*"'"$1"'":"\([^"]*\)".*/\1/p' | head -n 1; }

# Sums over the device dump (text), all devices or all but one ID
dev_sums() {	# [exclude-id]
	aiotctl hwsim devices 0 | awk -v ex="$1" '
		$1 == "message" { skip = 0; n++ }
		$1 == "id" && $2 == ex { skip = 1; n-- }
		skip { next }
		$1 == "aes_blocks" { aes += $2 } $1 == "kdf_ops" { kdf += $2 }
		$1 == "tx_frames" { txf += $2 } $1 == "tx_bits" { txb += $2 }
		$1 == "rx_bits" { rxb += $2 }
		END { printf "devices=%d aes=%.0f kdf=%.0f tx_frames=%.0f tx_bits=%.0f rx_bits=%.0f\n",
			n, aes, kdf, txf, txb, rxb }'
}
f() { echo "$2" | tr ' ' '\n' | sed -n "s/^$1=//p"; }	# KEY "k=v k=v"
reader_air() { aiotctl -j hwsim reader show 0 | jget air_us; }
now_ms() { awk '{ printf "%d", $1 * 1000 }' /proc/uptime; }

for profile in $PROFILES; do
for n in $SIZES; do
	if [ "$profile" != normative ]; then
		# the study profiles' AIOTF is aiot-attack-test's (its "eval" mode)
		cmds=
		[ "$n" = "$(echo $SIZES | awk '{ print $1 }')" ] && cmds=commands
		aiot-attack-test eval "$profile" "$n" $cmds >/tmp/eval.out 2>&1
		check "eval_${profile}_$n" test $? = 0
		grep '^EVAL ' /tmp/eval.out >$R
		grep -v '^EVAL ' /tmp/eval.out | sed "s/^/=== $profile $n: /" >$R
		continue
	fi
	aiotctl hwsim clear-devices 0 >/dev/null
	aiotctl hwsim add-devices 0 count "$n" id e0000000 bits 32 seed $SEED >/dev/null ||
		{ fail "eval_population_${profile}_$n"; continue; }
	# ---- inventory of every device -------------------------------------------
	RAND=$(aiotf-sim rand | awk '{ print $2 }')
	t0=$(now_ms)
	aiotctl -j inventory start 0 rand "$RAND" batch 256 watch >/tmp/inv.json 2>/tmp/inv.err ||
		{ echo "=== inventory of $n: $(cat /tmp/inv.err)"; } >$R
	t1=$(now_ms)
	done=$(grep '"inventory-done"' /tmp/inv.json)
	aiotf-sim verify --seed $SEED --rand "$RAND" /tmp/inv.json >/tmp/verify.txt
	auth=$(tail -n 1 /tmp/verify.txt | awk '{ print $3 }')
	check "eval_inventory_${profile}_$n" test "$auth" = "$n"
	echo "EVAL inventory profile=$profile n=$n authenticated=$auth" \
		"r2d_frames=$(echo "$done" | jget r2d_frames) d2r_frames=$(echo "$done" | jget d2r_frames)" \
		"r2d_bits=$(echo "$done" | jget r2d_bits) d2r_bits=$(echo "$done" | jget d2r_bits)" \
		"air_us=$(echo "$done" | jget air_us) slots=$(echo "$done" | jget slots)" \
		"collisions=$(echo "$done" | jget collisions) wall_ms=$((t1 - t0))" \
		"$(dev_sums)" >$R

	# ---- paging one device among n: the others' work --------------------------
	T=e0000007
	before=$(dev_sums $T)
	a0=$(reader_air)
	RAND=$(aiotf-sim rand | awk '{ print $2 }')
	aiotctl -j inventory start 0 rand "$RAND" target perm:$T/32 watch >/tmp/inv.json
	a1=$(reader_air)
	aiotf-sim verify --seed $SEED --rand "$RAND" /tmp/inv.json >/tmp/verify.txt
	RAND_D=$(awk -v d=$T '$2 == d { print $5 }' /tmp/verify.txt)
	check "eval_targeted_${profile}_$n" test -n "$RAND_D"
	after=$(dev_sums $T)
	echo "EVAL paging profile=$profile n=$n air_us=$((a1 - a0))" \
		"others=$(f devices "$after")" \
		"others_aes=$(($(f aes "$after") - $(f aes "$before")))" \
		"others_kdf=$(($(f kdf "$after") - $(f kdf "$before")))" \
		"others_rx_bits=$(($(f rx_bits "$after") - $(f rx_bits "$before")))" >$R

	# ---- each integrity-failure option: a good and a bad MAC ------------------
	[ "$n" = "$(echo $SIZES | awk '{ print $1 }')" ] || continue
	for policy in 0 1 2; do
		aiotctl hwsim set-device 0 id $T bits 32 policy $policy >/dev/null
		for mac in good bad; do
			REQ=$(aiotf-sim request --seed $SEED --rand "$RAND" --device $T \
				--rand-d "$RAND_D" read 0 4 | awk '/^protected/ { print $2 }')
			if [ $mac = bad ]; then	# flip the last bit of the MAC-I
				last=${REQ#"${REQ%?}"}
				flip=$(printf '%x' $((0x$last ^ 1)))
				REQ=${REQ%?}$flip
			fi
			b0=$(f aes "$(dev_sums)")
			a0=$(reader_air)
			t0=$(now_ms)
			out=$(aiotctl -j command send 0 device perm:$T/32 nas "$REQ")
			t1=$(now_ms)
			a1=$(reader_air)
			b1=$(f aes "$(dev_sums)")
			oc=$(echo "$out" | jstr cmd_outcome)
			check "eval_command_${profile}_policy${policy}_${mac}" test -n "$oc"
			echo "EVAL command profile=$profile n=$n policy=$policy mac=$mac" \
				"outcome=$oc attempts=$(echo "$out" | jget attempts)" \
				"cause=$(echo "$out" | jstr cmd_cause)$(echo "$out" | jget cmd_cause)" \
				"air_us=$((a1 - a0)) wall_ms=$((t1 - t0)) dev_aes=$((b1 - b0))" >$R
		done
	done
done
done
check eval_hwsim_unloads rmmod aiot_hwsim
check eval_aiot_unloads rmmod aiot
