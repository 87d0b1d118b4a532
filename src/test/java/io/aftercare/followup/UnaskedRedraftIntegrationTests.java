package io.aftercare.followup;

import java.time.Instant;
import java.util.List;

import io.aftercare.AftercareIntegrationTest;
import io.aftercare.customer.CustomerId;
import io.aftercare.ticket.TicketId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two ways Aftercare drafts anew for one customer meet: a held draft whose ticket is
 * resolved again is redrafted, while the customer's other resolutions are drafted into
 * one email that replaces it. Whichever comes second sees what the first did: one open
 * draft, never two, and no failure to retry.
 */
@AftercareIntegrationTest
@TestPropertySource(
		properties = "spring.datasource.url=jdbc:h2:mem:aftercare-unasked-redraft;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class UnaskedRedraftIntegrationTests {

	@Autowired
	FollowUpManagement management;

	@Autowired
	FollowUps followUps;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aHeldDraftReplacedMeanwhileIsNotDraftedAgain() {
		CustomerId acme = new CustomerId(
				this.jdbc.sql("select id from customers where name = 'Acme Corp'").query(Long.class).single());
		List<TicketId> resolved = this.jdbc.sql("""
				select id from tickets where customer_id = :customer and status in ('SOLVED', 'CLOSED')
				order by resolved_at desc, id desc
				""").param("customer", acme.value()).query((rs, i) -> new TicketId(rs.getLong("id"))).list();
		FollowUp first = this.management.draftUnasked(acme, List.of(resolved.get(0)), List.of("first")).orElseThrow();
		assertThat(first.hold("ticket was reopened")).isTrue();
		this.followUps.update(first, Instant.now());
		FollowUp held = this.followUps.find(first.id()).orElseThrow();

		FollowUp covering = this.management.draftUnasked(acme, List.of(resolved.get(1)), List.of("second"))
			.orElseThrow();
		assertThat(covering.tickets()).contains(resolved.get(0), resolved.get(1));

		assertThat(this.management.redraft(held)).as("already replaced").isEmpty();
		assertThat(this.followUps.openForCustomer(acme)).extracting(FollowUp::id).containsExactly(covering.id());
		assertThat(this.followUps.find(held.id()).orElseThrow().status()).isEqualTo(FollowUpStatus.DISCARDED);
	}

	@Test
	void aHeldDraftStillHeldIsDraftedAnew() {
		CustomerId techflow = new CustomerId(
				this.jdbc.sql("select id from customers where name = 'TechFlow'").query(Long.class).single());
		TicketId resolved = this.jdbc.sql("""
				select id from tickets where customer_id = :customer and status in ('SOLVED', 'CLOSED')
				order by resolved_at desc, id desc limit 1
				""").param("customer", techflow.value()).query((rs, i) -> new TicketId(rs.getLong("id"))).single();
		FollowUp first = this.management.draftUnasked(techflow, List.of(resolved), List.of("first")).orElseThrow();
		assertThat(first.hold("ticket was reopened")).isTrue();
		this.followUps.update(first, Instant.now());

		FollowUp anew = this.management.redraft(this.followUps.find(first.id()).orElseThrow()).orElseThrow();
		assertThat(anew.id()).isNotEqualTo(first.id());
		assertThat(this.followUps.openForCustomer(techflow)).extracting(FollowUp::id).containsExactly(anew.id());
	}

}
