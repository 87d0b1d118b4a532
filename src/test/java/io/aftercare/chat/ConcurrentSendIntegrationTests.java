package io.aftercare.chat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import io.aftercare.AftercareIntegrationTest;
import io.aftercare.account.Csm;
import io.aftercare.account.CsmDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Twenty "Confirm and send" clicks at once: one email, exactly one answer that says it
 * was sent, and every other answer a readable chat message about the sent follow-up.
 */
@AftercareIntegrationTest
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:aftercare-concurrent-send;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"aftercare.mail.outbox=target/concurrent-send-outbox" })
class ConcurrentSendIntegrationTests {

	private static final int CLICKS = 20;

	private static final Path OUTBOX = Path.of("target/concurrent-send-outbox");

	@LocalServerPort
	int port;

	@Autowired
	Conversation conversation;

	@Autowired
	CsmDirectory csms;

	@BeforeAll
	static void emptyOutbox() throws IOException {
		// The database is new on every run, the folder is not.
		FileSystemUtils.deleteRecursively(OUTBOX);
	}

	@Test
	void twentyConfirmClicksSendOneEmailAndSayItOnce() throws Exception {
		Csm sam = this.csms.find("sam").orElseThrow();
		List<ChatEntry> turn = this.conversation.say(sam, "Follow up with TechFlow on ticket TF-2024-0847");
		long id = turn.get(turn.size() - 1).followUpId();
		ChatSession chat = ChatSession.signIn(this.port, "sam", "demo");

		List<String> answers = new ArrayList<>();
		ExecutorService clicks = Executors.newFixedThreadPool(CLICKS);
		try {
			CountDownLatch ready = new CountDownLatch(CLICKS);
			List<Future<String>> pending = new ArrayList<>();
			for (int i = 0; i < CLICKS; i++) {
				pending.add(clicks.submit((Callable<String>) () -> {
					ready.countDown();
					ready.await();
					var response = chat.post("/chat/followups/" + id + "/send", Map.of("contentVersion", "1"));
					assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
					assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
					return response.body();
				}));
			}
			for (Future<String> answer : pending) {
				answers.add(answer.get());
			}
		}
		finally {
			clicks.shutdownNow();
		}

		assertThat(answers).filteredOn((body) -> body.contains("Post-ticket follow-up sent to TechFlow!"))
			.as("answers that say this click sent it")
			.hasSize(1);
		assertThat(answers).filteredOn((body) -> !body.contains("Post-ticket follow-up sent to TechFlow!"))
			.allSatisfy((body) -> assertThat(body).containsAnyOf("was already sent; nothing was sent again",
					"is being sent from another click right now; nothing more was sent"));
		assertThat(emailsOf(id)).as("emails written for the follow-up").hasSize(1);
	}

	private static List<Path> emailsOf(long id) throws IOException {
		try (Stream<Path> files = Files.list(OUTBOX)) {
			return files.filter((file) -> file.getFileName().toString().startsWith("_fu." + id + ".")).toList();
		}
	}

}
