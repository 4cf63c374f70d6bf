package dev.claimsmith.keys;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instances that start at the same moment on an empty shared key folder end up with one
 * first key: generation runs under the folder's OS file lock, so one process generates
 * and the others load its key. Separate JVMs, because the OS lock is held per process.
 */
class FirstKeyRaceTests {

	private static final int INSTANCES = 4;

	@TempDir
	Path temp;

	@Test
	void instancesStartingTogetherOnAnEmptyFolderSignWithOneFirstKey() throws Exception {
		Path dir = this.temp.resolve("keys");
		Path go = this.temp.resolve("go");
		List<Process> processes = new ArrayList<>();
		List<BufferedReader> outputs = new ArrayList<>();
		try {
			for (int i = 0; i < INSTANCES; i++) {
				Process process = new ProcessBuilder(
						Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), Instance.class.getName(), dir.toString(), go.toString())
					.redirectErrorStream(true)
					.start();
				processes.add(process);
				outputs
					.add(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
			}
			for (BufferedReader output : outputs) {
				assertThat(lineStartingWith(output, "ready")).isNotNull();
			}
			Files.createFile(go); // every instance is waiting: start them together
			List<String> kids = new ArrayList<>();
			for (BufferedReader output : outputs) {
				kids.add(lineStartingWith(output, "kid=").substring(4));
			}
			for (Process process : processes) {
				assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
				assertThat(process.exitValue()).isZero();
			}

			assertThat(kids.stream().distinct().collect(Collectors.toList())).hasSize(1);
			List<JWK> stored = JWKSet.load(dir.resolve("jwks.json").toFile()).getKeys();
			assertThat(stored).extracting(JWK::getKeyID).containsExactly(kids.get(0));
		}
		finally {
			processes.forEach(Process::destroyForcibly);
		}
	}

	private static String lineStartingWith(BufferedReader output, String prefix) throws Exception {
		StringBuilder seen = new StringBuilder();
		for (String line = output.readLine(); line != null; line = output.readLine()) {
			if (line.startsWith(prefix)) {
				return line;
			}
			seen.append(line).append('\n');
		}
		throw new AssertionError("instance ended without '" + prefix + "'; it printed:\n" + seen);
	}

	/**
	 * One instance: waits for the go file, starts its key store, prints the key it signs
	 * with.
	 */
	public static final class Instance {

		public static void main(String[] args) throws Exception {
			Path go = Path.of(args[1]);
			System.out.println("ready");
			System.out.flush();
			// Polling each millisecond starts them within a millisecond of each other,
			// far
			// less than generating a key takes, without four spinning JVMs slowing the
			// others' start on a small machine.
			while (!Files.exists(go)) {
				Thread.sleep(1);
			}
			SigningKeys keys = TestKeys.loaded(TestKeys.properties(Path.of(args[0])), Clock.systemUTC());
			System.out.println("kid=" + keys.publicJwkSet().getKeys().get(0).getKeyID());
			System.out.flush();
		}

	}

}
