# Sourced by pin.sh and keycloak.sh. openssl_speed <RS256|ES256|EdDSA>: 10 s of `openssl speed` on
# core 0 for the algorithm's counterpart; sets openssl_alg (its name there) and signs (signs/s).
openssl_speed() {
	local report
	case "$1" in
		RS256) openssl_alg=rsa2048 ;;
		ES256) openssl_alg=ecdsap256 ;;
		EdDSA) openssl_alg=ed25519 ;;
		*) echo "No OpenSSL counterpart for $1" >&2; return 1 ;;
	esac
	report=$(taskset -c 0 openssl speed -elapsed -seconds 10 "$openssl_alg" 2>/dev/null)
	case "$1" in
		RS256) signs=$(awk '/^rsa 2048 bits/ { print $6 }' <<<"$report") ;;
		ES256) signs=$(awk '/nistp256\)/ { print $(NF-1) }' <<<"$report") ;;
		EdDSA) signs=$(awk '/Ed25519\)/ { print $(NF-1) }' <<<"$report") ;;
	esac
}
