# Sourced by run.sh, ab.sh and pin.sh: the one data set every HTTP benchmark mints for. Uses the
# caller's $port, $api_key and $work.

# api <method> <path> [json body]: one management call with the benchmark's API key.
api() {
	curl -fsS -X "$1" "http://127.0.0.1:$port$2" -H "Authorization: Bearer $api_key" \
		-H 'Content-Type: application/json' ${3:+-d "$3"}
}

# 50 users in one organization with metadata, each an admin member: $work/bodies.txt gets one mint
# body per user, which the load generators cycle over.
seed() {
	local org user
	org=$(api POST /organizations '{"name":"Acme","domain_data":[{"domain":"acme.test","state":"verified"}],"metadata":{"plan":"pro","seats":"12"}}' | grep -o '"id":"org_[0-9A-Za-z]*"' | head -1 | cut -d'"' -f4)
	: >"$work/bodies.txt"
	for i in $(seq 1 50); do
		user=$(api POST /user_management/users "{\"email\":\"user$i@acme.test\",\"first_name\":\"Jane\",\"last_name\":\"Doe $i\",\"external_id\":\"ext-$i\",\"metadata\":{\"department\":\"engineering\"}}" | grep -o '"id":"user_[0-9A-Za-z]*"' | head -1 | cut -d'"' -f4)
		api POST /user_management/organization_memberships "{\"user_id\":\"$user\",\"organization_id\":\"$org\",\"role_slug\":\"admin\"}" >/dev/null
		echo "{\"user_id\":\"$user\",\"organization_id\":\"$org\"}" >>"$work/bodies.txt"
	done
}
