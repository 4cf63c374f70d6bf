-- wrk script for the saturation runs: sends the request bodies of the file named after
-- `--` (one JSON per line, cycled; none: no body) and prints one RESULT line like
-- dev.claimsmith.bench.LoadGenerator's. wrk counts a connect/read/write error, a timeout
-- or any status of 400 and above as an error; the service never redirects.
--   wrk -t 2 -c 8 -d 60s -s bench/wrk/bodies.lua -H 'Authorization: Bearer …' URL -- bodies.txt NAME

local threads = {}

function setup(thread)
	table.insert(threads, thread)
	thread:set("id", #threads)
end

function init(args)
	bodies = {}
	name = args[2] or "wrk"
	if args[1] and args[1] ~= "" then
		for line in io.lines(args[1]) do
			if line:match("%S") then
				table.insert(bodies, line)
			end
		end
	end
	-- Each thread starts at its own place in the cycle.
	next_body = (id or 0) % math.max(#bodies, 1)
	if #bodies > 0 then
		wrk.method = "POST"
		wrk.headers["Content-Type"] = "application/json"
	end
end

function request()
	if #bodies == 0 then
		return wrk.format(nil, nil, nil, nil)
	end
	next_body = next_body % #bodies + 1
	return wrk.format(nil, nil, nil, bodies[next_body])
end

function done(summary, latency, requests)
	local errors = summary.errors
	local failed = errors.connect + errors.read + errors.write + errors.status + errors.timeout
	local seconds = summary.duration / 1e6
	local name = threads[1]:get("name")
	io.write(string.format(
		"RESULT name=%s tool=wrk requests=%d errors=%d seconds=%.1f rps=%.1f p50_ms=%.3f p99_ms=%.3f max_ms=%.3f\n",
		name, summary.requests, failed, seconds, summary.requests / seconds, latency:percentile(50) / 1e3,
		latency:percentile(99) / 1e3, latency.max / 1e3))
end
