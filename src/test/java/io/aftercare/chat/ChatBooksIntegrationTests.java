package io.aftercare.chat;

import java.time.Duration;
import java.util.UUID;

import io.aftercare.AftercareIntegrationTest;
import io.aftercare.account.Csm;
import io.aftercare.account.CsmDirectory;
import io.aftercare.account.CsmRole;
import io.aftercare.account.NewCsm;
import io.aftercare.chat.intent.Book;
import io.aftercare.customer.CustomerBook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A CSM's book of names is built while they read the chat page, so that their first
 * message does not wait for it, and is then used as built.
 */
@AftercareIntegrationTest
class ChatBooksIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Books books;

	@Autowired
	CustomerBook customers;

	@Autowired
	CsmDirectory csms;

	@Test
	void aPreparedBookIsTheOneTheFirstMessageReads() {
		Books fresh = new Books(this.customers);
		Csm alex = this.csms.find("alex").orElseThrow();
		assertThat(fresh.keeps("alex")).isFalse();

		fresh.prepare(alex);
		await().atMost(Duration.ofSeconds(10)).until(() -> fresh.keeps("alex"));
		Book prepared = fresh.of(alex);
		assertThat(fresh.of(alex)).isSameAs(prepared);
		assertThat(prepared.customers()).extracting((name) -> name.name())
			.contains("Globex")
			.doesNotContain("TechFlow");
		fresh.destroy();
	}

	@Test
	void openingTheChatPreparesTheBook() {
		String username = "books-" + UUID.randomUUID().toString().substring(0, 8);
		this.csms.create(new NewCsm(username, "Book Reader", null, null, "a password", CsmRole.CSM));
		assertThat(this.books.keeps(username)).isFalse();

		ChatClient.signIn(this.port, username, "a password");
		await().atMost(Duration.ofSeconds(10)).until(() -> this.books.keeps(username));
	}

}
