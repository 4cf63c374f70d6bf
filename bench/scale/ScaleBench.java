import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * The scale benchmark (run by run.sh, a single-file Java program with the PostgreSQL
 * driver on its class path). Loads rows straight into PostgreSQL with server-side
 * INSERT … SELECT generate_series (the fastest bulk path with no client round trips),
 * times lookups and minting over HTTP at the small size, grows the tables to the full size
 * and times them again, and checks with EXPLAIN that every lookup is an index scan.
 */
public class ScaleBench {

	static final int SMALL_USERS = 1_000;

	static final int SMALL_ORGS = 100;

	/** Requests per operation before the first timing: JIT and connection pool warm. */
	static final int WARMUP = 4_000;

	static final int SAMPLES = 3_000;

	static final int CHUNK = 100_000;

	public static void main(String[] args) throws Exception {
		if (args[0].equals("setup")) {
			try (Connection admin = DriverManager.getConnection(args[1], "postgres", "");
					Statement statement = admin.createStatement()) {
				statement.execute("CREATE ROLE claimsmith LOGIN PASSWORD 'claimsmith'");
				statement.execute("CREATE DATABASE claimsmith OWNER claimsmith");
			}
			return;
		}
		String jdbcUrl = args[1];
		Http http = new Http(args[2], args[3]);
		int users = Integer.parseInt(args[4]);
		int orgs = Integer.parseInt(args[5]);
		try (Connection db = DriverManager.getConnection(jdbcUrl, "claimsmith", "claimsmith")) {
			load(db, 0, SMALL_USERS, 0, SMALL_ORGS);
			Map<String, Stats> small = measure(http, SMALL_USERS, SMALL_ORGS, WARMUP);
			long started = System.nanoTime();
			load(db, SMALL_USERS, users, SMALL_ORGS, orgs);
			Duration loading = Duration.ofNanos(System.nanoTime() - started);
			Map<String, Stats> large = measure(http, users, orgs, WARMUP / 4);
			report(db, users, orgs, loading, small, large);
		}
	}

	// --- loading -------------------------------------------------------------------

	/** Adds users (from, to] and organizations (fromOrg, toOrg], then ANALYZE. */
	static void load(Connection db, int from, int to, int fromOrg, int toOrg) throws SQLException {
		try (Statement sql = db.createStatement()) {
			for (int start = fromOrg; start < toOrg; start += CHUNK) {
				int end = Math.min(start + CHUNK, toOrg);
				sql.execute("INSERT INTO organization (id, name, slug, external_id, metadata, version, created_at,"
						+ " updated_at) SELECT " + id("org_", "'o' || i") + ", 'Org ' || i, 'org-' || i, 'org-ext-' || i,"
						+ " '{\"plan\":\"pro\",\"region\":\"eu\"}', 0, now(), now()" + series(start, end));
				sql.execute("INSERT INTO organization_domain (organization_id, position, domain_id, domain, state,"
						+ " created_at, updated_at) SELECT " + id("org_", "'o' || i") + ", 0, "
						+ id("org_domain_", "'d' || i") + ", 'org' || i || '.example.com', 'verified', now(), now()"
						+ series(start, end));
			}
			for (int start = from; start < to; start += CHUNK) {
				int end = Math.min(start + CHUNK, to);
				sql.execute("INSERT INTO app_user (id, email, email_key, email_verified, first_name, last_name,"
						+ " external_id, metadata, version, created_at, updated_at) SELECT " + id("user_", "'u' || i")
						+ ", 'Bench.' || i || '@Example.com', 'bench.' || i || '@example.com', TRUE, 'Jane', 'Doe',"
						+ " 'ext-' || i, '{\"seats\":\"10\",\"tier\":\"gold\"}', 0, now(), now()" + series(start, end));
				sql.execute("INSERT INTO organization_membership (id, user_id, organization_id, role_slug, status,"
						+ " version, created_at, updated_at) SELECT " + id("om_", "'m' || i") + ", "
						+ id("user_", "'u' || i") + ", " + id("org_", "'o' || (((i - 1) % " + toOrg + ") + 1)")
						+ ", 'member', 'active', 0, now(), now()" + series(start, end));
				System.err.printf("loaded %d users%n", end);
			}
			sql.execute("ANALYZE");
		}
	}

	/** A ULID-sized random-looking id, computed the same way in SQL and in Java. */
	static String id(String prefix, String seedSql) {
		return "'" + prefix + "' || upper(substr(md5(" + seedSql + "), 1, 26))";
	}

	static String id(String prefix, String seed, int i) {
		try {
			byte[] digest = MessageDigest.getInstance("MD5").digest((seed + i).getBytes(StandardCharsets.UTF_8));
			return prefix + HexFormat.of().formatHex(digest).substring(0, 26).toUpperCase(Locale.ROOT);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String series(int from, int to) {
		return " FROM generate_series(" + (from + 1) + ", " + to + ") AS i";
	}

	// --- measuring -----------------------------------------------------------------

	static Map<String, Stats> measure(Http http, int users, int orgs, int warmup) {
		SplittableRandom random = new SplittableRandom(42);
		IntFunction<Integer> user = (n) -> random.nextInt(users) + 1;
		Map<String, IntFunction<HttpRequest>> operations = new LinkedHashMap<>();
		operations.put("user by id", (n) -> http.get("/user_management/users/" + id("user_", "u", user.apply(n))));
		operations.put("user by email",
				(n) -> http.get("/user_management/users?email=" + enc("Bench." + user.apply(n) + "@example.COM")));
		operations.put("user by external_id", (n) -> http.get("/user_management/users/external_id/ext-" + user.apply(n)));
		operations.put("organization by id", (n) -> http.get("/organizations/" + id("org_", "o", random.nextInt(orgs) + 1)));
		operations.put("organization by external_id",
				(n) -> http.get("/organizations/external_id/org-ext-" + (random.nextInt(orgs) + 1)));
		operations.put("mint token (user + organization)", (n) -> {
			int u = user.apply(n);
			// The organization the loader made this user a member of.
			int org = ((u - 1) % ((u <= SMALL_USERS) ? SMALL_ORGS : orgs)) + 1;
			return http.post("/access_tokens", "{\"user_id\":\"" + id("user_", "u", u) + "\",\"organization_id\":\""
					+ id("org_", "o", org) + "\"}");
		});
		for (IntFunction<HttpRequest> operation : operations.values()) {
			for (int i = 0; i < warmup; i++) {
				http.send(operation.apply(i));
			}
		}
		Map<String, Stats> results = new LinkedHashMap<>();
		operations.forEach((name, operation) -> {
			long[] nanos = new long[SAMPLES];
			for (int i = 0; i < SAMPLES; i++) {
				HttpRequest request = operation.apply(i);
				long start = System.nanoTime();
				http.send(request);
				nanos[i] = System.nanoTime() - start;
			}
			results.put(name, Stats.of(nanos));
		});
		return results;
	}

	static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	record Stats(double mean, double p50, double p95, double p99) {

		static Stats of(long[] nanos) {
			Arrays.sort(nanos);
			double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
			return new Stats(mean, at(nanos, 0.50), at(nanos, 0.95), at(nanos, 0.99));
		}

		static double at(long[] sorted, double quantile) {
			return sorted[(int) Math.min(sorted.length - 1, Math.round(quantile * sorted.length))] / 1e6;
		}

	}

	static final class Http {

		final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

		final String base;

		final String key;

		Http(String base, String key) {
			this.base = base;
			this.key = key;
		}

		HttpRequest get(String path) {
			return HttpRequest.newBuilder(URI.create(this.base + path)).header("Authorization", "Bearer " + this.key)
				.GET()
				.build();
		}

		HttpRequest post(String path, String json) {
			return HttpRequest.newBuilder(URI.create(this.base + path)).header("Authorization", "Bearer " + this.key)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build();
		}

		void send(HttpRequest request) {
			try {
				HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
				boolean emptyList = response.body().contains("\"data\":[]");
				if (response.statusCode() != 200 || emptyList) {
					throw new IllegalStateException(request.uri() + " -> " + response.statusCode() + " " + response.body());
				}
			}
			catch (Exception ex) {
				throw (ex instanceof RuntimeException runtime) ? runtime : new IllegalStateException(ex);
			}
		}

	}

	// --- reporting -----------------------------------------------------------------

	static void report(Connection db, int users, int orgs, Duration loading, Map<String, Stats> small,
			Map<String, Stats> large) throws SQLException {
		System.out.printf("Loaded %,d users, %,d organizations, %,d domains, %,d memberships in %d s%n%n", users, orgs,
				orgs, users, loading.toSeconds());
		System.out.printf("| operation | %s p50 / p99 (ms) | %s p50 / p99 (ms) | p50 ratio | mean ratio |%n",
				size(SMALL_USERS, SMALL_ORGS), size(users, orgs));
		System.out.println("|---|---|---|---|---|");
		boolean within = true;
		for (String name : small.keySet()) {
			Stats s = small.get(name);
			Stats l = large.get(name);
			double p50Ratio = l.p50() / s.p50();
			within &= p50Ratio <= 2.0;
			System.out.printf(Locale.ROOT, "| %s | %.2f / %.2f | %.2f / %.2f | %.2f× | %.2f× |%n", name, s.p50(), s.p99(),
					l.p50(), l.p99(), p50Ratio, l.mean() / s.mean());
		}
		System.out.printf("%nEvery p50 within 2× of its %s figure: %s%n%n", size(SMALL_USERS, SMALL_ORGS),
				within ? "yes" : "NO");
		System.out.println("EXPLAIN at full size (the scans of each query the service runs):");
		String user = id("user_", "u", users / 2);
		String org = id("org_", "o", orgs / 2);
		Map<String, String> queries = new LinkedHashMap<>();
		queries.put("user by id", "SELECT * FROM app_user WHERE id = '" + user + "'");
		queries.put("user by email (list filter)", "SELECT u.id FROM app_user u WHERE 1 = 1 AND u.email_key = 'bench."
				+ users / 2 + "@example.com' ORDER BY u.id DESC LIMIT 11");
		queries.put("user by external_id", "SELECT * FROM app_user WHERE external_id = 'ext-" + users / 2 + "'");
		queries.put("organization by id", "SELECT * FROM organization WHERE id = '" + org + "'");
		queries.put("organization by external_id",
				"SELECT * FROM organization WHERE external_id = 'org-ext-" + orgs / 2 + "'");
		queries.put("organization's domains", "SELECT * FROM organization_domain WHERE organization_id = '" + org + "'");
		queries.put("membership of user in organization", "SELECT * FROM organization_membership WHERE user_id = '"
				+ user + "' AND organization_id = '" + org + "'");
		// As token/MintSubjects runs it on every mint.
		queries.put("mint subject (user ⋈ organization ⋈ membership ⋈ domains)", "SELECT u.id, u.metadata, o.id,"
				+ " o.metadata, m.id, m.role_slug, m.status, d.domain FROM app_user u LEFT JOIN organization o ON o.id = '"
				+ org + "' LEFT JOIN organization_membership m ON m.user_id = u.id AND m.organization_id = o.id"
				+ " LEFT JOIN organization_domain d ON d.organization_id = o.id WHERE u.id = '" + user
				+ "' ORDER BY d.position");
		queries.put("active memberships of user", "SELECT * FROM organization_membership WHERE user_id = '" + user
				+ "' AND status = 'active'");
		boolean indexed = true;
		try (Statement sql = db.createStatement()) {
			for (Map.Entry<String, String> query : queries.entrySet()) {
				List<String> plan = new ArrayList<>();
				try (ResultSet rows = sql.executeQuery("EXPLAIN " + query.getValue())) {
					while (rows.next()) {
						plan.add(rows.getString(1).trim());
					}
				}
				// A join has one scan per table: every one of them must use an index.
				List<String> scans = plan.stream()
					.filter((line) -> line.contains("Scan"))
					.map((line) -> line.replaceFirst("^->\\s*", ""))
					.toList();
				indexed &= !scans.isEmpty() && scans.stream().allMatch((scan) -> scan.contains("Index"));
				System.out.printf("- %s: `%s`%n", query.getKey(),
						scans.isEmpty() ? plan.get(0) : String.join("`, `", scans));
			}
		}
		System.out.printf("%nEvery lookup uses an index: %s%n", indexed ? "yes" : "NO");
	}

	static String size(int users, int orgs) {
		return (users >= 1_000_000) ? (users / 1_000_000) + "M users / " + (orgs / 1000) + "k orgs"
				: (users >= 1000) ? (users / 1000) + "k users / " + orgs + " orgs" : users + " users / " + orgs + " orgs";
	}

}
