package io.aftercare.followup.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the real application with SIGKILL at every step of a send, and at random moments
 * while CSMs edit, approve and send, then restarts it on the same database and outbox: no
 * email ever goes out twice, no acknowledged write is lost, and every follow-up ends in a
 * state that matches the outbox. Once on the embedded default (H2 in file mode,
 * configured exactly as it ships) and once on PostgreSQL.
 * <p>
 * Bounded on purpose: each run is six or seven lives of the app, about two minutes. The
 * three runs go side by side: each app lives in a JVM of its own, and starting one keeps
 * a single core busy. The seed of the random part is printed;
 * {@code -Daftercare.crash.seed=...} replays a run.
 */
class SendCrashTests {

	@Test
	@Execution(ExecutionMode.CONCURRENT)
	void neverEmailsTwiceNorLosesAnAcknowledgedWriteOnTheEmbeddedDefault(@TempDir Path data) throws Exception {
		// Only the data folder is chosen: database URL and its flags are the shipped
		// ones.
		new CrashRun("h2", List.of("--aftercare.data-dir=" + data, "--aftercare.demo.load=auto"),
				data.resolve("outbox"))
			.run();
	}

	@Test
	@Execution(ExecutionMode.CONCURRENT)
	void neverEmailsTwiceNorLosesAnAcknowledgedWriteOnPostgreSql(@TempDir Path data) throws Exception {
		// The database outlives every kill of the app, as a PostgreSQL server does.
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			try (Connection connection = postgres.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("create database crash");
			}
			new CrashRun("postgres",
					List.of("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "crash"),
							"--spring.datasource.username=postgres", "--spring.datasource.password=",
							"--aftercare.demo.load=always", "--aftercare.mail.outbox=" + data.resolve("outbox")),
					data.resolve("outbox"))
				.run();
		}
	}

	/**
	 * Through a real SMTP server (GreenMail), with the sent copies looked up over IMAP: a
	 * send cut off after the server took it is found there, never sent twice. Fewer
	 * random rounds: the scripted kills are what this run is about.
	 */
	@Test
	@Execution(ExecutionMode.CONCURRENT)
	void neverEmailsTwiceThroughAnSmtpServerWhoseSentCopiesAreCheckedOverImap(@TempDir Path data) throws Exception {
		GreenMail mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
		mail.start();
		try {
			mail.setUser("followups@crash.test", "followups", "secret");
			new CrashRun("h2-smtp", List.of("--aftercare.data-dir=" + data, "--aftercare.demo.load=auto",
					"--aftercare.mail.transport=smtp", "--aftercare.mail.smtp.host=localhost",
					"--aftercare.mail.smtp.port=" + mail.getSmtp().getPort(), "--aftercare.mail.smtp.security=none",
					"--aftercare.mail.smtp.username=followups", "--aftercare.mail.smtp.password=secret",
					"--aftercare.mail.smtp.sent-copy=bcc", "--aftercare.mail.smtp.bcc-address=followups@crash.test",
					"--aftercare.mail.imap.host=localhost", "--aftercare.mail.imap.port=" + mail.getImap().getPort(),
					"--aftercare.mail.imap.security=none", "--aftercare.mail.imap.username=followups",
					"--aftercare.mail.imap.password=secret", "--aftercare.mail.imap.sent-folder=INBOX"),
					() -> emailsTo(mail, "dana@crashco.example"), 1)
				.run();
		}
		finally {
			mail.stop();
		}
	}

	private static final Pattern FOLLOW_UP = Pattern.compile("<fu\\.(\\d+)\\.");

	/** The Message-IDs of the emails in the customer's mailbox, by follow-up. */
	private static Map<Long, List<String>> emailsTo(GreenMail mail, String address) {
		Map<Long, List<String>> emails = new HashMap<>();
		mail.findReceivedMessages((user) -> user.getEmail().equals(address), (message) -> true).forEach((message) -> {
			try {
				Matcher id = FOLLOW_UP.matcher(message.getMessageID());
				if (id.find()) {
					emails.computeIfAbsent(Long.valueOf(id.group(1)), (key) -> new ArrayList<>())
						.add(message.getMessageID());
				}
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		});
		return emails;
	}

	/** Where the app's output of every life goes, for whoever reads a failure. */
	static Path logFile(String database) throws IOException {
		Path folder = Files.createDirectories(Path.of("target", "crash-runs"));
		return folder.resolve(database + "-" + Instant.now().toEpochMilli() + ".log");
	}

	static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(40);

}
