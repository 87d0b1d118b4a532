package io.aftercare.chat;

import java.time.Duration;
import java.util.UUID;

import io.aftercare.AftercareIntegrationTest;
import io.aftercare.account.Csm;
import io.aftercare.account.CsmDirectory;
import io.aftercare.account.CsmRole;
import io.aftercare.account.NewCsm;
import io.aftercare.chat.intent.Book;
import io.aftercare.chat.intent.CustomerName;
import io.aftercare.customer.ContactRecord;
import io.aftercare.customer.CustomerBook;
import io.aftercare.customer.CustomerRecord;
import io.aftercare.customer.CustomerRegistry;
import io.aftercare.customer.CustomerTier;
import io.aftercare.shared.SourceKey;
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

	@Autowired
	CustomerRegistry registry;

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
	void aCustomerAddedRenamedOrGivenAContactCountsAtTheNextMessage() {
		String username = newCsm();
		Csm csm = this.csms.find(username).orElseThrow();
		Books fresh = new Books(this.customers);
		SourceKey key = new SourceKey("books-test", username);
		this.registry.upsert(customer(key, "Lanternfish Labs", username));
		Book first = fresh.of(csm);
		assertThat(first.customers()).extracting(CustomerName::name).containsExactly("Lanternfish Labs");
		assertThat(fresh.of(csm)).as("nothing changed").isSameAs(first);

		this.registry.upsert(customer(key, "Lanternfish Analytics", username));
		Book renamed = fresh.of(csm);
		assertThat(renamed.customers()).extracting(CustomerName::name).containsExactly("Lanternfish Analytics");

		this.registry.upsert(new ContactRecord(new SourceKey("books-test", username + "-dana"), key, "Dana Whitlock",
				"dana@lanternfish.example", null, true, null));
		assertThat(fresh.of(csm).contactsNamed("Dana Whitlock")).hasSize(1);

		this.registry.upsert(customer(new SourceKey("books-test", username + "-2"), "Kestrel Freight", username));
		assertThat(fresh.of(csm).customers()).extracting(CustomerName::name)
			.containsExactly("Kestrel Freight", "Lanternfish Analytics");
		fresh.destroy();
	}

	@Test
	void openingTheChatPreparesTheBook() {
		String username = newCsm();
		assertThat(this.books.keeps(username)).isFalse();

		ChatClient.signIn(this.port, username, "a password");
		await().atMost(Duration.ofSeconds(10)).until(() -> this.books.keeps(username));
	}

	private String newCsm() {
		String username = "books-" + UUID.randomUUID().toString().substring(0, 8);
		this.csms.create(new NewCsm(username, "Book Reader", null, null, "a password", CsmRole.CSM));
		return username;
	}

	private static CustomerRecord customer(SourceKey key, String name, String owner) {
		return new CustomerRecord(key, name, CustomerTier.SMB, null, null, null, owner, false);
	}

}
